"""Trigger rules for acts the lexicon used to miss (issue 10, recall): the wordings that
fire and their near misses.

All sentences are fictional, written in the style of Yonhap / AFP / Daily NK / RFA copy
for these tests.
"""

import pytest

FIRES = [
    # the leader named by his surname alone (trigger.leadership_activity.surname)
    ("Kim inspected the flood damage in Kangwon Province on Sunday, KCNA said.", "trigger.leadership_activity.surname"),
    ("State media said Kim visited a munitions factory in Jagang Province on Friday.",
     "trigger.leadership_activity.surname"),
    ("KCNA reported Kim's visit to an artillery unit on an islet off South Hwanghae Province.",
     "trigger.leadership_activity.surname"),
    ("Kim toured the new greenhouse farm in Hamju County, the agency said.", "trigger.leadership_activity.surname"),
    ("Kim attended the launching ceremony of a new cargo ship at the Nampho shipyard on Friday.",
     "trigger.leadership_activity.surname_attend"),
    # ... and the leader named in full takes part (trigger.leadership_activity.inspect)
    ("Kim Jong Un participated in the opening ceremony of a new hospital in Sinpo on Sunday.",
     "trigger.leadership_activity.inspect"),
    # ... in a participle's clause, whose doer is the main clause's (clause.window)
    ("While visiting the greenhouse farm in Hamju County last week, Kim praised the workers.",
     "trigger.leadership_activity.surname"),
    # an attempted suicide (trigger.other.suicide_attempt)
    ("Under harsh questioning, the official made a suicide attempt and was taken to hospital.",
     "trigger.other.suicide_attempt"),
    ("There have been several attempts of suicide at the detention center since January.",
     "trigger.other.suicide_attempt"),
    ("A woman held at the holding center attempted suicide last week, the source said.", "trigger.other.suicide_attempt"),
    # an order issued, in the perfect (trigger.crackdown.order: "have order" is no veto)
    ("The State Security Ministry has ordered agents to round up phone users in Hyesan.", "trigger.crackdown.order"),
    ("The provincial security bureau had ordered a crackdown on smugglers before the holiday.",
     "trigger.crackdown.order"),
    # ... told by the order's infinitive, a clause of its own (clause.window)
    ("On May 3, an order from the leader to tighten control of the border villages was delivered to every county.",
     "trigger.crackdown.order"),
    # a lecture against offenders (trigger.crackdown.lecture)
    ("At an inminban lecture last week, Chinese phone users were denounced as traitors.", "trigger.crackdown.lecture"),
    ("The lecture in Musan on the 12th denounced illegal border crossers and smugglers.", "trigger.crackdown.lecture"),
    # ... given by the security organs, or against leaks and unreported visitors
    ("Provincial state security cadres held emergency lectures in Onsong on keeping internal information from leaking.",
     "trigger.crackdown.lecture"),
    ("Residents of Onsong now sit through daily lectures about unauthorized visitors to the border area.",
     "trigger.crackdown.lecture"),
    # the power supply cut or diverted (trigger.economic_measure.power_cut)
    ("Since early December the electricity supply to Kapsan County has been cut off entirely, a source said.",
     "trigger.economic_measure.power_cut"),
    ("The authorities diverted electricity from the northern provinces to the capital last month.",
     "trigger.economic_measure.power_cut"),
    # labour mobilized for the fields, or told by its age group (trigger.other.mobilization)
    ("Extensive mobilization for watering crops began in Sunchon on May 12.", "trigger.other.mobilization"),
    ("Some 20,000 young people were mobilized to the construction sites in Pyongyang last month.",
     "trigger.other.mobilization"),
    # travel restricted against an outbreak (trigger.lockdown.restrictions)
    ("The authorities imposed travel restrictions in Sinuiju to contain the measles outbreak.",
     "trigger.lockdown.restrictions"),
    # deaths from hunger and falls (trigger.disaster.starvation, trigger.disaster.fall)
    ("Four people died from starvation in a village near Kowon in early May.", "trigger.disaster.starvation"),
    ("Last winter, a farmer in his 70s starved to death in Tanchon.", "trigger.disaster.starvation"),
    ("Three workers fell to their deaths at the apartment site in Pyongyang last week.", "trigger.disaster.fall"),
    ("Two soldiers died after falling from a bridge they were repairing near Nampo.", "trigger.disaster.fall"),
    # a vehicle that rolled over (trigger.disaster.rollover)
    ("A cargo truck carrying workers rolled over near Samjiyon on June 3, killing 12 people.",
     "trigger.disaster.rollover"),
    ("The bus rolled over on a mountain pass in Ryanggang Province last week.", "trigger.disaster.rollover"),
    ("The tractor flipped over on the icy road to the cooperative farm, the source said.", "trigger.disaster.rollover"),
    # the famine's toll told as a noun (trigger.disaster.starvation_deaths)
    ("The county saw dozens of deaths from starvation in the spring, a source said.",
     "trigger.disaster.starvation_deaths"),
    ("Hunger deaths were reported in two villages near Kilju last month.", "trigger.disaster.starvation_deaths"),
    # a boat found adrift (trigger.other.adrift)
    ("A small wooden boat drifting off Uljin was spotted by a patrol plane on Tuesday.", "trigger.other.adrift"),
    ("Fishing boats from the North have been drifting onto the coast of Akita this month.", "trigger.other.adrift"),
    # the leader greeting a guest (trigger.leadership_activity.inspect)
    ("Kim Jong Un greeted the visiting Lao president at the airport in Pyongyang on Sunday.",
     "trigger.leadership_activity.inspect"),
    # a class of people investigated (trigger.crackdown.investigate_class: objects_any)
    ("Police carried out investigations of the residents of Sosong District last month.",
     "trigger.crackdown.investigate_class"),
    ("The security bureau has been investigating traders who went to Dandong this spring.",
     "trigger.crackdown.investigate_class"),
    # an official fired or sacked, told without the post (trigger.punishment.fire_official: objects_any)
    ("The head of the provincial trade bureau has been fired, a source told Daily NK.",
     "trigger.punishment.fire_official"),
    ("The leader sacked two ministers of the railways in April.", "trigger.punishment.fire_official"),
    # a statement the North's state media carried (trigger.statement.carried)
    ("The committee said in a statement carried by the North's official news agency that talks were over.",
     "trigger.statement.carried"),
    ("The army's general staff said in a statement carried by state media that it would respond.",
     "trigger.statement.carried"),
    # a surprise inspection is a crackdown's (trigger.crackdown.inspection)
    ("Security agents carried out a surprise inspection at the dormitory in Hoeryong last week.",
     "trigger.crackdown.inspection"),
    # session 17: people leaving the North told as a departure (trigger.defection.leave_country)
    ("Two sisters left North Korea for China in the spring of 2012, their cousin said.",
     "trigger.defection.leave_country"),
    ("Four border guards left the country across the Tumen River at dawn.", "trigger.defection.leave_country"),
    # students drafted or called in for labour (trigger.other.labour_draft)
    ("Thousands of university students were drafted to the dam construction site in Orang.",
     "trigger.other.labour_draft"),
    ("High school students and housewives are being called in to weed the farms near Anju.",
     "trigger.other.labour_draft"),
    # a public struggle session (trigger.punishment.struggle_session)
    ("A public struggle session against three vendors was held at the Sunam market square on Friday.",
     "trigger.punishment.struggle_session"),
    # death notices handed to families (trigger.other.death_notice)
    ("The families of the dead sailors were handed death certificates at the county office in May.",
     "trigger.other.death_notice"),
    ("Officials delivered casualty notices to the bereaved parents in Tanchon last week.", "trigger.other.death_notice"),
    # the leader who visits Kim Il Sung University is he; a professor of it is not (review 21, finding 10)
    ("Kim Jong Un visited Kim Il Sung University on Tuesday to meet its teachers.",
     "trigger.leadership_activity.inspect"),
    # the surname alone still tells his visits and the ceremonies he attends (review 21, finding 1)
    ("Kim toured the rebuilt fertilizer plant in Hungnam on Thursday.", "trigger.leadership_activity.surname"),
    ("Kim attended the opening of the new children's hospital in Wonsan on Saturday.",
     "trigger.leadership_activity.surname_attend"),
    # a lecture's topic makes it the campaign's (review 21, finding 9)
    ("A lecture at the inminban this month denounced smugglers as traitors.", "trigger.crackdown.lecture"),
    # the supply cut or failing (review 21, finding 12)
    ("Local authorities cut the electricity supply to the apartments of Hyesan in March.",
     "trigger.economic_measure.power_cut"),
    ("The electricity supply in Chongjin deteriorated further in January, a source said.",
     "trigger.economic_measure.power_failure"),
    # a soldier who crosses the DMZ to the South and asks for asylum flees (trigger.defection.cross_dmz)
    ("A North Korean soldier crossed the DMZ to the South on Tuesday and asked for asylum.",
     "trigger.defection.cross_dmz"),
    ("The young private crossed the demilitarized zone in thick fog and sought refuge at a guard post.",
     "trigger.defection.cross_dmz"),
    ("A North Korean sergeant crossed the DMZ on foot on Monday and defected to the South, officials said.",
     "trigger.defection.cross_dmz"),
    # the leader's visit to a place named after Kim Chaek is his (review, finding 5)
    ("Kim Jong Un visited the Kim Chaek Iron and Steel Complex in Chongjin on Tuesday, KCNA said.",
     "trigger.leadership_activity.inspect"),
    ("Kim toured Kim Chaek University of Technology on Friday.", "trigger.leadership_activity.surname"),
    # "plan*" vetoes plans, not planting (a prefix list word matched "plant")
    ("Pupils of the fifth grade in Sariwon were mobilized to plant rice in late May.", "trigger.other.mobilization"),
    # workers and miners mobilized for a building site (trigger.other.mobilization)
    ("Miners of the Tanchon mine have been mobilized for the construction of the county's new factories.",
     "trigger.other.mobilization"),
    # pupils, young people or workers sent off to work (trigger.other.sent_to_work)
    ("The county sent its high school students to the collective farms to help with the planting.",
     "trigger.other.sent_to_work"),
    ("The authorities dispatched 800 construction workers to Khabarovsk in early March.",
     "trigger.other.sent_to_work"),
    # the authorities hunting people down (trigger.crackdown.hunt)
    ("The county police are trying to hunt down whoever wrote the slogan on the school wall.",
     "trigger.crackdown.hunt"),
    ("The city party committee has been tracking down the young workers who left the dam site.",
     "trigger.crackdown.hunt"),
    # anti-regime graffiti found (trigger.other.graffiti)
    ("Last week graffiti insulting the leader was discovered on a school wall in Kimchaek.", "trigger.other.graffiti"),
    ("In early May, 'Down with the cadres' was scrawled on the fence of the Hoeryong market.",
     "trigger.other.graffiti"),
    # deaths from poisoning, fumes or cold (trigger.disaster.poisoning)
    ("Three construction workers died of carbon monoxide poisoning in their dormitory in Tomsk last week.",
     "trigger.disaster.poisoning"),
    ("Two villagers in Kapsan died from drinking toxic home-brewed liquor last month.",
     "trigger.disaster.poisoning"),
    # an inspection by prosecutors or the party's discipline organs (trigger.crackdown.inspection_organ)
    ("The provincial prosecutor's office has been inspecting the Hamhung textile factory since May.",
     "trigger.crackdown.inspection_organ"),
    # a building set on fire (trigger.attack.arson)
    ("Late on Sunday an unknown man set fire to the police substation in Musan, a source said.",
     "trigger.attack.arson"),
    ("The county party office in Kapsan was set on fire by an arsonist last week.", "trigger.attack.arson"),
    # household rates for power or water raised (trigger.economic_measure.utility_rate)
    ("Electricity rates in Hyesan rose to 400 won per kilowatt last month, the source said.",
     "trigger.economic_measure.utility_rate"),
    ("The city raised the water fee for every household in Chongjin this spring.",
     "trigger.economic_measure.utility_rate"),
    # taxes or fees imposed on residents and traders (trigger.economic_measure.ban)
    ("The authorities imposed new taxes on residents to pay for the road project in Kapsan.",
     "trigger.economic_measure.ban"),
    # heavy rainfall as the doer (trigger.disaster.rain_hit)
    ("Heavy rainfall devastated the maize fields of Sinhung County in late July.", "trigger.disaster.rain_hit"),
    # an inspection told by the businesses it targets or by its severity (trigger.crackdown.inspection)
    ("Inspectors have begun checking restaurants and bathhouses in Sinuiju for unlicensed trade after a nationwide inspection was ordered.",
     "trigger.crackdown.inspection"),
    ("A severe inspection of the provincial trade bureau has been under way since August.",
     "trigger.crackdown.inspection"),
    # the capital closed (trigger.lockdown.close), residents made to stay indoors (trigger.lockdown.stay_home)
    ("The capital was closed for three days over a fever outbreak, the notice said.", "trigger.lockdown.close"),
    ("Residents of Hyesan were ordered to stay indoors until the end of the month.", "trigger.lockdown.stay_home"),
    ("People in two districts of Sinuiju were told to remain in their homes on Monday.", "trigger.lockdown.stay_home"),
    ("Residents of Kanggye were ordered to stay indoors after a fever outbreak on May 1.", "trigger.lockdown.stay_home"),
    # people prosecuted or indicted (trigger.punishment.prosecute)
    ("The provincial security bureau prosecuted three railway workers for selling fuel.",
     "trigger.punishment.prosecute"),
    ("Two young men in Chongjin were indicted in May for spying for South Korea, a source said.",
     "trigger.punishment.prosecute"),
    # a trade the state lets be done (trigger.economic_measure.permit)
    ("The authorities permitted the sale of Chinese grain at state shops in Hamhung last month.",
     "trigger.economic_measure.permit"),
    ("The regime has okayed private trading in used cars at the Pyongsong market.", "trigger.economic_measure.permit"),
    # the leader's visit told under a joined verb ("criticized and demoted officials during a visit")
    ("Kim sharply rebuked and dismissed three local officials during a visit to the farm in Anbyon.",
     "trigger.leadership_activity.surname"),
    # house searches (trigger.crackdown.search)
    ("Monthly house searches by the county security office have made hoarding grain impossible.",
     "trigger.crackdown.search"),
    # surveillance stepped up (trigger.crackdown.tightened)
    ("The security ministry has stepped up surveillance of Chinese phone users in Musan since May.",
     "trigger.crackdown.tightened"),
    ("North Korea has stepped up surveillance of residents near the border, a source said.",
     "trigger.crackdown.tightened"),
    # a craft that blows up in the air (trigger.explosion_accident.explosion)
    ("An army helicopter exploded in mid-air during a training flight near Hamhung.",
     "trigger.explosion_accident.explosion"),
    # cargo passed between ships at sea against the sanctions (trigger.smuggling.sea_transfer)
    ("A patrol plane spotted a North Korean tanker in a ship-to-ship transfer in the East China Sea on Tuesday.",
     "trigger.smuggling.sea_transfer"),
    ("The freighter took on coal from a North Korean ship in an illegal transfer off Nampho last spring.",
     "trigger.smuggling.sea_transfer"),
    # people found drifting at sea, their boat unnamed (trigger.other.adrift)
    ("Nine North Koreans were found drifting in the East Sea on Monday, the coast guard said.", "trigger.other.adrift"),
    ("Four men from the North were spotted drifting off Ulleung Island last week.", "trigger.other.adrift"),
    # a prison camp seen expanded (trigger.other.camp_expanded)
    ("New satellite pictures show the political prison camp near Kaechon was expanded last year.",
     "trigger.other.camp_expanded"),
    ("The regime has enlarged the labor camp in Hwasong County since 2019, the analysts said.",
     "trigger.other.camp_expanded"),
    # the North's staged press conferences (trigger.statement.press_conference)
    ("The North held a press conference of the three detained missionaries in Pyongyang on Monday.",
     "trigger.statement.press_conference"),
    ("State media reported a news conference featuring two re-defectors on the 12th.",
     "trigger.statement.press_conference"),
    # people taken ill by a poisoning (trigger.disaster.poisoned)
    ("A rash of food poisoning cases was reported in Kanggye after a wedding feast last week.",
     "trigger.disaster.poisoned"),
    ("Dozens of workers at the fertilizer plant were taken to hospital with gas poisoning symptoms on Monday.",
     "trigger.disaster.poisoned"),
    # suicides counted as cases, and a life taken (trigger.other.suicide, trigger.other.took_life)
    ("The county security department counted 12 suicide cases in Kapsan in March.", "trigger.other.suicide"),
    ("A young soldier took his own life at the guard post near Manpo last week.", "trigger.other.took_life"),
    ("Two families in Undok took their lives together after their food ran out.", "trigger.other.took_life"),
    # state media's ceremony for new factories or a hospital (trigger.other.inauguration)
    ("An inauguration ceremony of the regional-industry factories in Sonchon County took place on March 3.",
     "trigger.other.inauguration"),
    ("A ceremony marking the completion of the new hospital in Hoeyang was held on Friday, KCNA said.",
     "trigger.other.inauguration"),
    # a drone named by the wires' other words (trigger.incursion.uav)
    ("Two uncrewed aerial vehicles from the North flew over Paju on Monday, the military said.",
     "trigger.incursion.uav"),
    ("A suspected North Korean UAV crashed on a hill near the border island last week.", "trigger.incursion.uav"),
    ("The military said North Korea\u2019s unmanned aerial vehicles flew over the capital for five hours in March.",
     "trigger.incursion.uav"),
]

NEAR_MISSES = [
    # what the leader says is the statement rules' to read; the South's Kims, a defector
    # named Kim and homage at a statue are no visit of the leader
    ("Kim said the country would never give up its nuclear weapons.", "trigger.leadership_activity.surname"),
    ("President Kim Dae-jung visited Pyongyang in June 2000.", "trigger.leadership_activity.surname"),
    ("Unification Minister Kim visited the border village on Tuesday.", "trigger.leadership_activity.surname"),
    ("Kim, the spy agency's director, attends the parliamentary intelligence committee in Seoul.",
     "trigger.leadership_activity.surname"),
    ("A chemistry student of Kim Il Sung University participated in a thesis defense in May.",
     "trigger.leadership_activity.inspect"),
    # a cut feared or planned is none
    ("Officials fear the power grid could collapse this winter.", "trigger.economic_measure.power_cut"),
    ("Officials fear the power grid could collapse this winter.", "trigger.economic_measure.power_failure"),
    ("The floods damaged roads and cut off electricity across the county.", "trigger.economic_measure.power_cut"),
    # soldiers or a boat crossing inside the DMZ, over the sea line or by mistake intrude, not flee
    ("North Korean soldiers laying mines in the DMZ crossed the border into the South on Tuesday.",
     "trigger.defection.flee"),
    ("The navy seized a fishing boat that crossed the sea demarcation line near Yeonpyeong.",
     "trigger.defection.flee"),
    ("Officials said the troops had crossed the border by mistake while clearing bushes.", "trigger.defection.flee"),
    # ... and so are those working in the DMZ who cross to the South (trigger.defection.cross_dmz)
    ("North Korean soldiers working in the DMZ crossed the line to the South and returned after warning shots.",
     "trigger.defection.cross_dmz"),
    ("A North Korean soldier crossed the DMZ by mistake and was sent back to the North.", "trigger.defection.cross_dmz"),
    # "to the south" is where every crossing goes: soldiers at work or going back stay incursions
    ("About 30 North Korean soldiers crossed the DMZ to the south on Monday while installing fences, officials said.",
     "trigger.defection.cross_dmz"),
    ("North Korean soldiers crossed the DMZ to the south on Monday to plant mines before going back.",
     "trigger.defection.cross_dmz"),
    ("Two North Korean soldiers who crossed the DMZ to the South on Monday were chasing a boar and returned north.",
     "trigger.defection.cross_dmz"),
    # Kim Chaek the man is no leader named by his surname, nor the doer of a leader's visit
    ("Kim Chaek inspected the guerrilla units at the front in 1950.", "trigger.leadership_activity.surname"),
    ("Kim Chaek, a comrade of Kim Il Sung, inspected the guerrilla units at the front in 1950.",
     "trigger.leadership_activity.inspect"),
    ("Kim Chaek, a comrade of Kim Il Sung, inspected the guerrilla units at the front in 1950.",
     "trigger.leadership_activity.surname"),
    ("The defector, Kim, visited his mother in Seoul last week.", "trigger.leadership_activity.surname"),
    ("Residents visited the statue of Kim on his birthday.", "trigger.leadership_activity.surname"),
    ("The guests also toured the Arch of Triumph and Kim Il Sung University on Friday.",
     "trigger.leadership_activity.surname"),
    # a suicide attack, a threat, and a suicide with no attempt (trigger.other.suicide's)
    ("The army rehearsed a suicide attack attempt on the enemy bunker.", "trigger.other.suicide_attempt"),
    ("He threatened a suicide attempt if he was sent back.", "trigger.other.suicide_attempt"),
    ("A soldier in the unit committed suicide last week, the source said.", "trigger.other.suicide_attempt"),
    # orders held are no order issued
    ("The guards had orders to shoot anyone crossing the river.", "trigger.crackdown.order"),
    # lecture materials handed on are the offence; a lecture lauding the leader, or naming no offenders
    ("A woman was arrested at the border while handing over internal lecture materials to a smuggler.",
     "trigger.crackdown.lecture"),
    ("The lectures praising the leader were held at every factory in Hyesan.", "trigger.crackdown.lecture"),
    ("A lecture on the history of the revolution was held at the university.", "trigger.crackdown.lecture"),
    # soldiers mobilized are no labour mobilization
    ("Soldiers of the corps were mobilized for the rice planting in May.", "trigger.other.mobilization"),
    # people mobilized to repair or restore after a flood are the recovery
    ("Workers were mobilized to repair the embankments after the flood in Sinuiju.", "trigger.other.mobilization"),
    # a letter or troops sent are not labour sent off
    ("The students sent a letter of thanks to the farm workers in Anak.", "trigger.other.sent_to_work"),
    ("The army sent troops to help with the harvest near Haeju.", "trigger.other.sent_to_work"),
    # a note scrawled is a message, graffiti prevented is none
    ("The sailor's note, scrawled in pencil, asked for help.", "trigger.other.graffiti"),
    ("Guards patrol the streets at night to prevent graffiti on the walls.", "trigger.other.graffiti"),
    # a risk of poisoning, or a death at someone's hands, is none
    ("Miners fear they could die of gas poisoning in the old shafts.", "trigger.disaster.poisoning"),
    ("The prisoner died from a beating after being poisoned by the guards.", "trigger.disaster.poisoning"),
    # a standing duty, a lost object traced: no hunt
    ("The bureau is responsible for tracking down anti-state elements.", "trigger.crackdown.hunt"),
    ("He could not track down the whereabouts of the missing rifle.", "trigger.crackdown.hunt"),
    # the leader's inspections are his
    ("Kim Jong Un inspected the prosecutor's office building under construction in Pyongyang.",
     "trigger.crackdown.inspection_organ"),
    # restrictions eased, or on trade and fuel
    ("The authorities eased travel restrictions in Hyesan after the outbreak ended.", "trigger.lockdown.restrictions"),
    ("Restrictions on market trade have hit the vendors in Hyesan hard.", "trigger.lockdown.restrictions"),
    ("China's restrictions on fuel exports have hurt fishermen.", "trigger.lockdown.restrictions"),
    # want and a risk of death are no death; prices fall, and people fall ill
    ("Many families in the county are starving this spring.", "trigger.disaster.starvation"),
    ("Farmers in the county are dying of hunger this spring, a source said.", "trigger.disaster.starvation"),
    ("Aid groups warn that thousands could die of hunger this winter.", "trigger.disaster.starvation"),
    ("Rice prices fell sharply in Hyesan after the harvest.", "trigger.disaster.fall"),
    ("Two of the workers fell ill after the flood and died.", "trigger.disaster.fall"),
    # the toll of a vehicle that rolled over is the accident's, not a killing's; a debt rolled over
    ("A cargo truck carrying workers rolled over near Samjiyon on June 3, killing 12 people.", "trigger.attack.kill"),
    ("The trading company rolled over its debts to the bank in Sinuiju.", "trigger.disaster.rollover"),
    # what is investigated is a case or one person, not a class (trigger.arrest.investigate's)
    ("Police investigated the fire at the Hyesan market last week.", "trigger.crackdown.investigate_class"),
    ("The woman was under investigation by the provincial security bureau.", "trigger.crackdown.investigate_class"),
    ("Officials investigated the cause of the accident at the mine.", "trigger.crackdown.investigate_class"),
    # shots fired, or fired at an official, are the firing rules'
    ("The commander fired two warning shots into the air near the river.", "trigger.punishment.fire_official"),
    ("A deserter fired at the officers of his unit before fleeing.", "trigger.punishment.fire_official"),
    # Seoul's statement, or one no state media carried
    ("South Korea's Joint Chiefs of Staff said in a statement carried by Yonhap that the North's boat had left.",
     "trigger.statement.carried"),
    ("Seoul issued a statement condemning the North's missile launch.", "trigger.statement.carried"),
    # deaths feared or prevented are none
    ("Aid workers fear deaths from starvation in the county this winter.", "trigger.disaster.starvation_deaths"),
    ("Rations were raised to prevent hunger deaths among the miners.", "trigger.disaster.starvation_deaths"),
    # a boat that drifts across the NLL is an incursion's; the two Koreas drift apart; no boat, no drift
    ("A fishing boat drifted across the NLL near Yeonpyeong on Monday.", "trigger.other.adrift"),
    ("Relations between the two Koreas have drifted apart since the talks collapsed.", "trigger.other.adrift"),
    ("Smoke from the fire drifted over the border town of Hyesan.", "trigger.other.adrift"),
    # a leader or a delegation leaving on a visit, a departure forbidden or wished for, someone
    # leaving the South, news leaving the country
    ("The premier left the country for Vientiane on Monday, state media said.", "trigger.defection.leave_country"),
    ("Guards will not allow residents to leave the country across the river.", "trigger.defection.leave_country"),
    ("The defector left South Korea for Canada across the Pacific in 2019.", "trigger.defection.leave_country"),
    ("Few details of the outbreak left the country through Chinese traders.", "trigger.defection.leave_country"),
    # conscription into the army, people called in for questioning
    ("Young men from the county were drafted into the army in March.", "trigger.other.labour_draft"),
    ("The students were called in for questioning by the security police.", "trigger.other.labour_draft"),
    # sessions held every week, or threatened
    ("Weekly criticism sessions are held at every factory.", "trigger.punishment.struggle_session"),
    ("Officials warned that a struggle session would follow any new case.", "trigger.punishment.struggle_session"),
    # families still without notices
    ("Many families are still waiting for death notices from the army.", "trigger.other.death_notice"),
    # a professor of Kim Il Sung University is no leader (review 21, finding 10)
    ("A physics professor of Kim Il Sung University attended the conference in Beijing.",
     "trigger.leadership_activity.inspect"),
    # a South Korean Kim who attends is not he (review 21, finding 1)
    ("Kim Soo-ah, a lawyer in Incheon, attended the bar association's dinner on Friday.",
     "trigger.leadership_activity.surname_attend"),
    ("Kim attended a friend's wedding in Daegu last weekend, his office said.",
     "trigger.leadership_activity.surname_attend"),
    # who gives a lecture or its urgency is no topic (review 21, finding 9)
    ("The police held a lecture on road safety for truck drivers last week.", "trigger.crackdown.lecture"),
    ("Residents were called to an emergency lecture on storm preparations.", "trigger.crackdown.lecture"),
    # what a sentence about electricity stops is not always the supply (review 21, finding 12)
    ("The mill stopped production because electricity was scarce, a source said.",
     "trigger.economic_measure.power_cut"),
    # a man who sets fire to himself, a portrait burnt, a fire that was set for cooking
    ("A farmer set fire to himself in front of the county office in protest.", "trigger.attack.arson"),
    ("Students set fire to a portrait of the leader in the schoolyard.", "trigger.attack.arson"),
    ("The soldiers set up a field kitchen near the station.", "trigger.attack.arson"),
    # a balloon or a stove sets nothing on fire on purpose
    ("One of the balloons set fire to the roof of a barn in Paju on Sunday.", "trigger.attack.arson"),
    # a rate that does not change, or a rate of something else
    ("Electricity rates in Hyesan are still low compared with market prices.",
     "trigger.economic_measure.utility_rate"),
    ("The infection rate in the province rose in June, the health ministry said.",
     "trigger.economic_measure.utility_rate"),
    # who stays home for the cold was told nothing; a threat to prosecute prosecutes no one
    ("Many residents stayed indoors all week because of the cold.", "trigger.lockdown.stay_home"),
    ("Anyone caught with a Chinese phone will be prosecuted, the lecturer warned.", "trigger.punishment.prosecute"),
    ("The hotel is close to the capital.", "trigger.lockdown.close"),
    # a permission withheld, or given by someone other than the state, is no measure
    ("The authorities did not allow vendors to sell rice at the Sunchon market.", "trigger.economic_measure.permit"),
    ("The guards allowed the traders to carry their goods across the bridge for a fee.",
     "trigger.economic_measure.permit"),
    # who steps down from a post tightens nothing
    ("The head of the provincial control bureau stepped down in March.", "trigger.crackdown.tightened"),
    # a launch's payload that blows up is the launch's failure
    ("The satellite's payload exploded mid-air and fell into the sea.", "trigger.explosion_accident.explosion"),
    # US or South Korean indictments are no act of the North's (review 24, finding 2)
    ("Federal prosecutors in New York indicted two North Korean IT workers on Monday for laundering money.",
     "trigger.punishment.prosecute"),
    ("Washington indicted four North Korean agents on Thursday for hacking a defense contractor.",
     "trigger.punishment.prosecute"),
    ("Two North Korean hackers were indicted by a grand jury on Wednesday for stealing cryptocurrency.",
     "trigger.punishment.prosecute"),
    ("South Korean prosecutors indicted a navy sergeant for sending documents to a North Korean handler.",
     "trigger.punishment.prosecute"),
    # grass or stubble burnt to clear a view or a field is no attack (finding 3)
    ("Border guards set fire to the grass on the riverbank on Monday to clear the view, a source said.",
     "trigger.attack.arson"),
    ("Villagers in Hoeryong set fire to the weeds along their fields on Sunday.", "trigger.attack.arson"),
    # the US or Seoul stepping up its watch on the North cracks down on no one (finding 5)
    ("Washington has stepped up surveillance of the North's missile bases this week, Yonhap said.",
     "trigger.crackdown.tightened"),
    ("Seoul and Tokyo stepped up aerial surveillance of the launch site on Friday.", "trigger.crackdown.tightened"),
    ("South Korea and the United States stepped up surveillance of the North's border airfields on Monday.",
     "trigger.crackdown.tightened"),
    # kept indoors for a storm, a drill or a rehearsal is no lockdown (finding 6)
    ("Residents of Hamhung were told to stay in their homes as a powerful storm neared the coast.",
     "trigger.lockdown.stay_home"),
    ("People in Kaesong were ordered to stay indoors during an air raid drill on Wednesday.",
     "trigger.lockdown.stay_home"),
    ("Residents of Nampho were ordered to stay at home while the parade rehearsal went on.",
     "trigger.lockdown.stay_home"),
    # a ban on transfers at sea, or a transfer of money, is no smuggling told
    ("The sanctions ban ship-to-ship transfers of fuel to North Korean tankers.", "trigger.smuggling.sea_transfer"),
    ("Traders in Sinuiju made an illegal transfer of money to relatives in Seoul via a broker.",
     "trigger.smuggling.sea_transfer"),
    # people or a ship's ownership transferred, and a tally since a year, are no cargo smuggled
    ("The two fishermen, who had crossed the line illegally, were transferred to a navy vessel on Monday.",
     "trigger.smuggling.sea_transfer"),
    ("The sanctioned vessel was transferred to a company registered abroad in March and renamed.",
     "trigger.smuggling.sea_transfer"),
    # a drift of prices or of people away from a thing is no one adrift at sea
    ("Young people in Hyesan have been found drifting away from the Youth League, a source said.",
     "trigger.other.adrift"),
    ("Debris from the failed satellite launch was found drifting in the Yellow Sea on Thursday.", "trigger.other.adrift"),
    # an expansion planned, or of a market or a refugee camp, is no camp seen grown
    ("The authorities plan to expand the prison camp in Kaechon next year.", "trigger.other.camp_expanded"),
    ("Thailand expanded the refugee camp near the Laotian border in March.", "trigger.other.camp_expanded"),
    # what someone said at a briefing in Tokyo or Seoul, and the North's habit of holding them
    ("The chief cabinet secretary told a news conference in Tokyo that the boat had left Japanese waters.",
     "trigger.statement.press_conference"),
    ("Pyongyang has used such press conferences to press Washington for talks.", "trigger.statement.press_conference"),
    # a poisoning feared, warned against or done to someone is none
    ("Doctors warned residents of the risk of food poisoning cases during the summer heat.",
     "trigger.disaster.poisoned"),
    ("Police said the poisoning of the defector treated in a Seoul hospital was an assassination attempt.",
     "trigger.disaster.poisoned"),
    # lives risked, another's life taken, or a try are no suicide
    ("The smugglers risked their lives to carry the goods across the frozen river.", "trigger.other.took_life"),
    ("The fire took the lives of three workers at the sawmill in Kanggye.", "trigger.other.took_life"),
    ("The woman tried to take her own life after the search of her home.", "trigger.other.took_life"),
    # the leader's own ceremony is his activity; one prepared, or an anniversary's, is none
    ("Kim Jong Un attended the inauguration ceremony of the new factories in Sonchon County on Monday.",
     "trigger.other.inauguration"),
    ("Officials were told to prepare a ceremony marking the completion of the new street by October.",
     "trigger.other.inauguration"),
    ("A ceremony marking the anniversary of the founding of the factory was held in Kanggye.",
     "trigger.other.inauguration"),
    ("The new president's inauguration ceremony was held in Seoul on Wednesday.", "trigger.other.inauguration"),
    # an order whose infinitive asks for more coal is no crackdown
    ("On May 3, an order from the leader to increase coal production was delivered to every mine.",
     "trigger.crackdown.order"),
    # the building's ceremony needs the building: a president's inauguration, a campaign's
    # completion and a ministry's event in the South are none (review s26, finding 2)
    ("The president has taken a harder line toward the North since he was inaugurated in March, analysts said.",
     "trigger.other.inauguration"),
    ("A ceremony marking the completion of the 100-day campaign was held in Hamhung on Monday, KCNA said.",
     "trigger.other.inauguration"),
    ("The Ministry of Unification held a completion ceremony for a new defector support center in Anseong.",
     "trigger.other.inauguration"),
    # a life risked in the idiom, and a fire's dead, are no suicide (finding 6)
    ("He took his life in his hands when he swam across the Yalu near Sinuiju, the defector said.",
     "trigger.other.took_life"),
    ("A blaze at a dormitory in Hamhung last week took their lives, a source said.", "trigger.other.took_life"),
    # a directive to report poisonings, and one the police investigate, are no accident (finding 8)
    ("The health ministry ordered clinics to report any food poisoning cases during the rainy season.",
     "trigger.disaster.poisoned"),
    ("Police are investigating the suspected poisoning of a factory manager found unconscious in Kanggye.",
     "trigger.disaster.poisoned"),
    # a UAV's flight or crash with no crossing: an ally's over the sea, the South's own (finding 7)
    ("A U.S. unmanned aerial vehicle flew over the Yellow Sea on Tuesday, a military source said.",
     "trigger.incursion.uav"),
    ("A South Korean army UAV crashed in a field in Yeoncheon on Monday due to engine failure, the Army said.",
     "trigger.incursion.uav"),
    # a UAV shown at an exhibition, or a vehicle on the ground, is no drone over the line
    ("North Korea showed a new unmanned aerial vehicle that flew at the arms exhibition in Pyongyang.",
     "trigger.incursion.uav"),
    ("A military vehicle carrying soldiers crossed the bridge near Sinuiju on Monday.", "trigger.incursion.uav"),
]


@pytest.mark.parametrize("text, rule_id", FIRES)
def test_the_wordings_fire(fired, text, rule_id):
    assert rule_id in [t.rule.id for t in fired(text)]


@pytest.mark.parametrize("text, rule_id", NEAR_MISSES)
def test_the_near_misses_do_not(fired, text, rule_id):
    assert rule_id not in [t.rule.id for t in fired(text)]


@pytest.mark.parametrize(
    "text, trigger, doer, read",
    [
        ("While touring the flooded farms in Anju over the weekend, the Premier criticized the local officials.",
         "touring", "Premier", True),
        # a participle with a subject of its own keeps it: its doer is not the main clause's
        ("With the river rising quickly near the bridge in Hoeryong, the guards left their posts.", "rising", "guards",
         False),
        # a noun under a joined verb with no doer of its own reads the first verb's doer
        ("Kim sharply rebuked and dismissed three local officials during a visit to the farm in Anbyon.", "visit",
         "Kim", True),
        # ... and one under a joined verb with a doer of its own keeps it
        ("Kim arrived in the morning and the officials left during a visit to the farm in Anbyon.", "visit", "Kim",
         False),
    ],
)
def test_a_clause_without_a_doer_takes_the_doer_it_shares(nlp, text, trigger, doer, read):
    from yalu.extract.clause import window

    doc = nlp(text)
    word = next(t for t in doc if t.text == trigger)
    assert (doer in {t.text for t in window(word)}) is read
