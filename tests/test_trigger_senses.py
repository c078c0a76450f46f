"""A trigger word's other senses in the genre (data/triggers.toml `none` vetoes):
the wrong sense fires nothing, the incident's sense of the same word still fires.

All sentences are fictional, written in the style of Daily NK / RFA / Yonhap copy.
"""

import pytest


def fired_types(fired, text):
    """(the event types fired in the text, the (type, word) pairs for the message)."""
    found = [(t.event_type, t.token.text) for t in fired(text)]
    return {event_type for event_type, _ in found}, found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The source dismissed these statistics as far too low.", "punishment"),
        ("The police dismissed her explanations and took her in.", "punishment"),
        ("The campaign to denounce traitorous exiles has spread to the border towns.", "punishment"),
        ("Students were mobilized to fight the autumn corn battle on the farms.", "armed_clash"),
        ("A clothing vendor clashed with market agents who demanded her goods.", "armed_clash"),
        ("The economy is awash with production battles and shock troops.", "armed_clash"),
        ("A storm of arrests is sweeping through the border city.", "disaster"),
        ("The whole town was caught by the rain on Monday.", "arrest"),
        ("Cameras along the fence caught him several times that night.", "arrest"),
        ("The authorities are addressing a labor shortage by conscripting students.", "economic_measure"),
        ("The unit had a shortage of medicines to treat the sick soldiers.", "economic_measure"),
        ("Five believers were held for conducting an underground prayer meeting.", "weapons_test"),
        ("The drone was found to carry photos of a weapon battery.", "weapons_test"),
        ("A shock brigade of soldiers was mobilized to repair a bridge near the village.", "deployment"),
        ("Inspection units of soldiers are being dispatched to public areas.", "deployment"),
        ("The fields near the city appeared parched and cracked.", "crackdown"),
        ("Navy vessels were searching the waters where the ship sank on Friday.", "crackdown"),
        ("The soldier's remains were repatriated at a ceremony in Panmunjom.", "forced_repatriation"),
        ("The smuggler's body was recovered and repatriated to China.", "forced_repatriation"),
        ("An air raid warning was issued for the island after the launches.", "attack"),
        ("The assembly voted on the arrest warrant for the opposition leader.", "arrest"),
        ("The defector is being questioned at a joint interrogation center.", "arrest"),
        ("North Korea feels threatened by foreign films and is trying to tighten its control over the border.", "statement"),
        ("Rising theft of corn from the farms worries the county.", "economic_measure"),
        # prices told unchanged are no market event
        ("Rice prices were stable in the Hyesan market last week, the source said.", "economic_measure"),
        ("The price of corn has stayed at 2,800 won per kilogram in Sinuiju.", "economic_measure"),
        ("Gasoline prices remained unchanged after the holiday.", "economic_measure"),
        ("Prices of rice were stable, the source said.", "economic_measure"),
        ("Maize prices remained flat in the Musan market last month.", "economic_measure"),
        # a venue run by a company, a ship run aground: nobody fled
        ("The restaurant is run by a trading company and caters mostly to Chinese tourists.", "defection"),
        ("The freighter ran aground off the coast of China after sending a distress signal.", "defection"),
        # the South's forces watching the North, and the party's ideological "attacks", control and strike no one
        ("The Joint Chiefs said the South Korean army has strengthened its surveillance after the launch.", "crackdown"),
        ("Party organizations are bolstering their attacks and indoctrination against foreign culture.", "attack"),
        # a disaster report's list of damage
        ("Roads, breakwaters and electric supply networks were also destroyed in the county.", "fortification"),
        ("Bridges and the power supply of the county were destroyed, the agency said.", "fortification"),
        ("Roads, bridges and telephone lines were also destroyed in the county, the agency said.", "fortification"),
        # the South's forces watching the North, named by who acts, not by the bare "vigilance"
        ("South Korean forces have strengthened their vigilance along the border since the launch.", "crackdown"),
        ("The submarine ran aground near the beach and the agents fled into the hills.", "disaster"),
    ],
)
def test_other_senses_of_a_trigger_word_do_not_fire(fired, text, event_type):
    types, found = fired_types(fired, text)
    assert event_type not in types, found


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("The provincial party secretary was dismissed from his post last week.", "punishment"),
        ("Border guards clashed with infiltrators near the river on Monday.", "armed_clash"),
        ("A storm flooded three villages in the county on Sunday.", "disaster"),
        ("Border guards caught two smugglers on the riverbank on Friday.", "arrest"),
        ("Rice prices soared amid a food shortage in Hyesan markets.", "economic_measure"),
        ("North Korea conducted an underground nuclear test on Sunday.", "weapons_test"),
        ("Two army battalions were deployed to the border last week.", "deployment"),
        ("Police cracked down on smugglers in the market on Monday.", "crackdown"),
        ("Chinese police repatriated five North Korean women on Thursday.", "forced_repatriation"),
        ("Armed commandos raided a guard post near the border on Sunday.", "attack"),
        ("Police arrested two smugglers in Hyesan on Monday.", "arrest"),
        ("North Korea threatened to strike the loudspeakers on Monday.", "statement"),
        ("Rice prices rose sharply in Hyesan markets last week.", "economic_measure"),
        ("The price of corn jumped to 3,500 won per kilogram in Sinuiju last week.", "economic_measure"),
        ("The freighter ran aground off the coast of China after sending a distress signal.", "disaster"),
        ("Two soldiers ran across the frozen river to China on Monday.", "defection"),
        ("Border guards have strengthened surveillance of residents near the river since May.", "crackdown"),
        ("The army blew up the roads and the railway line near the border on Tuesday.", "fortification"),
        # the North's own demolition of the inter-Korean lines names poles and phone lines; the North's own
        # "surveillance and vigilance" over people; the price of a flat, an apartment
        ("Soldiers tore down the electric poles and lamp posts along the road near the MDL on Friday.", "fortification"),
        ("The army blew up the railway and the telephone lines beside it near the border on Monday.", "fortification"),
        ("Security agents have strengthened vigilance and surveillance over traders in Musan since April.", "crackdown"),
        ("The price of a flat in central Chongjin has jumped to $20,000 this year, a source said.", "economic_measure"),
    ],
)
def test_the_incident_sense_of_the_same_words_still_fires(fired, text, event_type):
    types, found = fired_types(fired, text)
    assert event_type in types, found


# --- leaflets sent over the line (trigger.incursion.leaflets) ------------------------------


@pytest.mark.parametrize(
    "text, fires",
    [
        ("Civic groups were sending leaflets towards the North on Friday afternoon, the ministry said.", True),
        ("Balloon-lifted leaflets criticizing the leader landed next to a school in Hyesan last month.", True),
        # a threat over leaflets, leaflets made at home, leaflets to come: no leaflets crossed
        ("The North threatened to retaliate over the leaflets sent by activists.", False),
        ("Students scattered anti-government leaflets in Pyongyang last year.", False),
        ("Activists said they will send leaflets across the border next week.", False),
    ],
)
def test_leaflets_sent_over_the_line_are_an_incursion(fired, text, fires):
    types, found = fired_types(fired, text)
    assert ("incursion" in types) == fires, found


def test_a_clash_after_leaflets_stays_a_clash(read_with_rules):
    """frame.end_of_incursion's with_lemmas_not: fire exchanged after leaflets were sent is
    no end of an infiltration; the clash and the leaflets are two records."""
    _, incidents = read_with_rules(
        "The two Koreas exchanged fire across the border after activists had sent leaflets flying into the North "
        "from the town of Yeoncheon.", published="2014-10-11", outlet="Yonhap")
    assert sorted(i.event_type for i in incidents) == ["armed_clash", "incursion"]


# A word's sense told by its own object, doer or recipient (`objects_none`, `subjects_none`,
# `recipients_none`; yalu/extract/senses.py), read on its arguments rather than its clause.
@pytest.mark.parametrize(
    "text, event_type, fires",
    [
        ("The conscript's family sent a petition to the party committee about the soldiers who beat him.", "deployment", False),
        ("A team of army doctors was sent to the corps headquarters to confirm the outbreak.", "deployment", False),
        ("The navy began running a contingency team to watch the boats near the border.", "defection", False),
        ("From the Chinese bank of the river we captured images of soldiers repairing the fence.", "arrest", False),
        ("The smugglers caught the attention of the border guards long ago.", "arrest", False),
        # a team formed to arrest people holds no one yet
        ("An arrest team of state security agents was formed in Pyongyang last month.", "arrest", False),
        # a photo credit holds no one, nor does a crash
        ("Photo = Screen capture of the state broadcaster's evening news", "arrest", False),
        ("A bus and an army truck were caught in a deadly collision near the pass on Monday.", "arrest", False),
        ("Torrential rains flooded the valley, destroying bridges and roads along the border.", "fortification", False),
        ("Trading companies have been setting up stations at the mine to export ore to China.", "fortification", False),
        ("He enlisted in 2019 and joined a border unit after basic training.", "military_exercise", False),
        ("Fighter jets dropped eight bombs at a shooting range near the border on Tuesday.", "attack", False),
        ("The state media admitted serious defects in the rocket's second stage.", "defection", False),
        ("The army sent two battalions of soldiers to the border last week.", "deployment", True),
        ("Troops were sent to the border after residents sent complaints about the smugglers.", "deployment", True),
        ("Two soldiers ran across the border to China on Monday.", "defection", True),
        ("Border guards captured two soldiers who crossed the river on Monday.", "arrest", True),
        ("Guards caught a smuggler near the river on Sunday.", "arrest", True),
        ("The army blew up the guard posts near the border on Tuesday.", "fortification", True),
        ("Soldiers have been setting up barbed wire fences along the river.", "fortification", True),
        ("The artillery units held a live-fire drill near the border on Monday.", "military_exercise", True),
        ("Armed men attacked a border post near the river on Tuesday.", "attack", True),
        ("A soldier defected to the South across the border on Monday.", "defection", True),
        # a bribe goes to an official, money to a family is a remittance
        ("The woman handed over money to the family of a defector in early July.", "bribery", False),
        ("The woman handed over money to the security agent in early July.", "bribery", True),
        # gathering is no search of others
        ("Hundreds of villagers are searching for gold in the valley near the mine.", "crackdown", False),
        ("Agents searched bags for phones at the station on Monday.", "crackdown", True),
        # soldiers mobilized to restore flooded roads build; troops deployed to the border are deployed
        ("Soldiers have been mobilized for restoration work in the flooded county.", "deployment", False),
        ("Two army units were deployed to the border on Monday.", "deployment", True),
        # relatives branded as spies are punished, agents who crossed are an incursion
        ("The family members were all branded as spies and sent to a prison camp.", "incursion", False),
        ("Two armed spies crossed into the South by boat on Monday.", "incursion", True),
        # the loudspeaker campaign is propaganda; a campaign against phones is enforcement
        ("The military resumed a loudspeaker campaign along the border on Monday.", "crackdown", False),
        ("Police launched a campaign against illegal phones in the border towns.", "crackdown", True),
        # a trade's price per kilo, and a source urged, are no bribe
        ("The companies are paying six yuan per kilo of ore and sending it to China.", "bribery", False),
        ("When pressed to reveal the cost in won, the trader did the sums on paper.", "bribery", False),
        ("The family paid the guards 3,000 yuan to let them cross.", "bribery", True),
        # drills halted are no traffic stopped; trade halted at the border is
        ("The two Koreas have halted live-fire drills along the border.", "lockdown", False),
        ("The North halted trade across the border bridge on Monday.", "lockdown", True),
        # a campaign declared is the campaign; a statement declared is a statement
        ("North Korean authorities declared a month-long agricultural mobilization.", "statement", False),
        ("The North Korean foreign ministry declared that the talks were over.", "statement", True),
        # people sent, handed or returned to the North are returned by force, though "North Korea"
        # is a place's name (`destinations_any` of trigger.forced_repatriation.send; review 24, finding 6)
        ("Chinese police detained a woman in Tumen on May 2 and handed her back to North Korea on May 19.",
         "forced_repatriation", True),
        ("He was arrested by Chinese border police in Changbai last spring and sent back to North Korea.",
         "forced_repatriation", True),
        ("The nine defectors held in Dandong have since been returned to North Korea, the activist said.",
         "forced_repatriation", True),
        ("A teenage girl caught near Helong was handed over to North Korean authorities on Tuesday.",
         "forced_repatriation", True),
        ("Three women caught in Yanji were sent back to the North last week, a source said.", "forced_repatriation", True),
        # who returns with no one sent goes home; things or visitors sent there are aid, trade or talks;
        # a place inside the North, or a camp North Korea owns, is no return from abroad
        ("Kim Jong Un returned to North Korea on Thursday after his summit in Vladivostok.", "forced_repatriation", False),
        ("The North Korean loggers returned to North Korea when their contracts ended.", "forced_repatriation", False),
        ("About ten North Korean soldiers crossed the MDL and returned to the North after warning shots.",
         "forced_repatriation", False),
        ("China sent 300 tons of fertilizer to North Korea in April, customs data showed.", "forced_repatriation", False),
        ("Seoul sent a delegation to North Korea for the talks on Monday.", "forced_repatriation", False),
        ("The president of Ruritania sent a floral basket and a congratulatory card to the DPRK embassy on Sept. 19.",
         "forced_repatriation", False),
        ("The arrested smugglers were sent to Hyesan for questioning.", "forced_repatriation", False),
        ("The seven others were sent to North Korea's harshest prison camp, the group said.",
         "forced_repatriation", False),
        # civilians who cross the sea line or the MDL flee; boats, crews and troops intrude, and a
        # crossing by mistake is no flight (`subjects_any` of trigger.defection.cross_line; finding 9)
        ("Three North Korean women crossed the Northern Limit Line in a wooden boat early on Friday.", "defection", True),
        ("A North Korean family of five crossed the NLL off Baengnyeong Island on Thursday night.", "defection", True),
        ("A North Korean man crossed the military demarcation line in the central front on Monday.", "defection", True),
        ("A North Korean patrol boat crossed the NLL west of Yeonpyeong Island on Sunday.", "defection", False),
        ("Two North Korean fishermen crossed the NLL on Monday and were rescued by the navy.", "defection", False),
        ("Four North Korean men crossed the NLL by mistake in heavy fog and asked to go home.", "defection", False),
        ("North Korean soldiers crossed the MDL briefly while laying mines on Tuesday.", "defection", False),
        # secrets or documents passed or sent to an agent are spying; agents sent across the line intrude
        ("A court in Seoul jailed a former officer for passing military secrets to a North Korean agent.", "incursion", False),
        ("A man was arrested in Incheon for sending classified documents to North Korean agents.", "deployment", False),
        ("Two North Korean agents passed through the DMZ on Monday night.", "incursion", True),
        # a disease caught infects; a smuggler caught is held
        ("Many of the workers caught the coronavirus last winter, the source said.", "arrest", False),
        ("Residents who caught the flu were sent home from the farm.", "arrest", False),
        ("Guards caught two women crossing the river on Tuesday.", "arrest", True),
        # an opportunity seized holds no one; a fishing boat seized does
        ("The crew seized the opportunity and sailed the boat out of the port.", "arrest", False),
        ("Chinese coast guards seized a North Korean fishing boat and its crew on Monday.", "arrest", True),
        # birds and dogs fired on are no attack; villagers fired on are
        ("Border guards fired on birds flying in from China under anti-epidemic orders.", "attack", False),
        ("Soldiers shot stray dogs near the barracks in Hyesan last week.", "attack", False),
        ("Border guards shot two villagers near the river last week.", "attack", True),
        # killed before a crowd is a public execution, no attack
        ("The manager of the farm was killed before a crowd of 3,000 residents last March.", "attack", False),
        # a case looked into holds no one; people investigated by the police are held
        ("Japanese police are investigating the case after the boat washed ashore.", "arrest", False),
        ("Security agents are investigating the cause of the fire at the market.", "arrest", False),
        ("Security agents investigated three officials in Hyesan last week.", "arrest", True),
    ],
)
def test_the_words_own_arguments_tell_its_sense(fired, text, event_type, fires):
    types, found = fired_types(fired, text)
    assert (event_type in types) is fires, found


def test_a_destination_is_where_the_object_is_sent(nlp):
    from yalu.extract.senses import destinations

    def word(doc, text):
        return next(t for t in doc if t.text == text)

    doc = nlp("The guards handed him back to the North Korean police.")
    assert [[t.text for t in phrase] for phrase in destinations(word(doc, "handed"))] == [["the", "North", "Korean", "police"]]
    # a verb with no object sends nothing anywhere
    doc = nlp("The workers returned to North Korea in June.")
    assert destinations(word(doc, "returned")) == []
