"""Modality (yalu/extract/modality.py): is the act reported as done, alleged,
planned, denied, ongoing, or not reported at all (negated, asked, imagined)?

`modality()` returns ontology.md's modality, or None when the clause reports no
act. Sentences are fictional, in the style of Daily NK / RFA / Yonhap copy.
"""

import pytest

from yalu.extract.modality import modality, negated, question


@pytest.fixture(scope="module")
def mode(nlp):
    """(sentence, trigger word) -> modality of that word in the first sentence."""

    def run(text, word, *, attributed=False):
        doc = nlp(text)
        sent = next(doc.sents)
        token = next(t for t in sent if t.text == word)
        return modality(token, sent, attributed=attributed)

    return run


# --- acts reported as done -------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("Police arrested two smugglers in Hyesan on Tuesday.", "arrested"),
        ("A soldier deserted his post in Sinpa County last week.", "deserted"),
        ("Soldiers have laid landmines along the river.", "laid"),
        ("The authorities conducted an investigation into the fire at the power station.", "investigation"),
        # a beginning told in the past is the act (near misses of modality.future and .desire)
        ("A new crackdown on private traders began in Hyesan last week.", "crackdown"),
        ("An inspection of households started in Musan on Monday.", "inspection"),
        ("Police set up checkpoints and arrested two brokers on Monday.", "arrested"),
        ("North Korea conducted a series of weapons tests on Tuesday.", "tests"),
        ("The army dispatched two battalions to the border on Monday.", "dispatched"),
    ],
)
def test_plain_act_is_asserted(mode, text, word):
    assert mode(text, word) == "asserted"


def test_attributed_act_is_reported(mode):
    text = "Police arrested two smugglers in Hyesan on Tuesday."
    assert mode(text, "arrested", attributed=True) == "reported"
    assert mode(text, "arrested", attributed=False) == "asserted"


# --- negation ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("The soldier did not defect.", "defect"),
        ("The soldier didn't defect to China.", "defect"),
        ("The soldiers never crossed the river.", "crossed"),
        ("There were no defections from the unit this year.", "defections"),
        ("Police did not arrest the traders, but fined them.", "arrest"),
        ("No soldiers deserted the unit this year.", "deserted"),
        ("Police arrested no one at the market.", "arrested"),
    ],
)
def test_negated_act_is_no_act(mode, text, word):
    assert mode(text, word) is None


def test_negated_reads_the_trigger_and_its_own_clause(nlp):
    doc = nlp("The soldier did not defect. His brother defected to China.")
    first, second = [t for t in doc if t.lemma_ == "defect"]
    assert negated(first)
    assert not negated(second)


def test_not_only_is_no_negation(mode):
    assert mode("He not only deserted his unit but also stole a rifle.", "deserted") == "asserted"


# --- questions -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("Did the soldier defect to China?", "defect"),
        ("Why would anyone defect under such conditions?", "defect"),
        ("Could the regime close the market again?", "close"),
    ],
)
def test_question_is_no_act(mode, text, word):
    assert mode(text, word) is None


def test_question_detection(nlp):
    assert question(next(nlp("Who would dare to defect now?").sents))
    assert question(next(nlp("“Who would dare to defect now?”").sents))
    assert question(next(nlp("Interview Pt.2 -Is it true that soldiers have deserted?-").sents))
    assert not question(next(nlp("Two soldiers defected to China.").sents))


# --- hypotheticals -------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("If the border reopens, many residents will defect.", "reopens"),
        ("If a soldier deserts, his family is punished.", "deserts"),
        ("Residents would defect if the border reopened.", "defect"),
        ("The soldier might defect.", "defect"),
        ("Residents could be arrested for watching foreign dramas.", "arrested"),
        ("Whether the soldier defected is unclear.", "defected"),
    ],
)
def test_hypothetical_is_no_act(mode, text, word):
    assert mode(text, word) is None


# --- planned and threatened ------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("The army plans to deploy more troops to the border.", "deploy"),
        ("The regime is preparing to launch a satellite.", "launch"),
        ("North Korea intends to close the border crossing at Sinuiju.", "close"),
        ("The authorities decided to close the market in Hyesan.", "close"),
        ("The guards threatened to shoot anyone crossing the river.", "shoot"),
        ("The authorities vowed to crack down on smuggling.", "crack"),
        ("North Korea will deploy additional troops to the border.", "deploy"),
        # an act's noun held by a future verb
        ("The authorities will conduct an investigation into the fire at the power station.", "investigation"),
        ("A public trial will be held in the stadium next week.", "trial"),
        # an act's noun that is the subject of a beginning or of a future's frame
        ("The source said a new crackdown on private traders will begin after the harvest.", "crackdown"),
        ("Traders fear that an inspection of the market will start next month.", "inspection"),
        ("A crackdown on smugglers is set to begin in Hyesan next month.", "crackdown"),
        ("A public trial is going to take place in the stadium on Friday.", "trial"),
        ("North Korea is set to launch a reconnaissance satellite next week.", "launch"),
        # an act called for is not yet done
        ("The ministry urged Pyongyang to release the six fishermen.", "release"),
        ("Seoul called on the North to apologize and punish those responsible.", "punish"),
        # a sanction promised is not yet meted out
        ("The provincial police promised to punish traders selling South Korean rice cookers.", "punish"),
    ],
)
def test_planned_act(mode, text, word):
    assert mode(text, word) == "planned"


# --- attempts are acts ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("North Korea attempted to launch a satellite on Tuesday.", "launch"),
        ("A soldier tried to defect to China last month.", "defect"),
        ("Two soldiers attempted to cross the Tumen River.", "cross"),
        # the noun too, for a launch: a failed launch was made (modality.toml attempt_heads)
        ("Seoul detected an attempt by the North to launch a medium-range missile on Friday.", "launch"),
        ("Radar tracked a failed attempt to fire a new rocket from the west coast on Monday.", "fire"),
        # a crossing that failed is still an attempt at one; a catch after a failure is made
        ("Two soldiers tried to cross the Tumen River but failed.", "cross"),
        ("After the first raid failed, police arrested the broker on Monday.", "arrested"),
        ("Guards caught the woman who had failed to report to the office.", "caught"),
    ],
)
def test_attempted_act_stays_an_act(mode, text, word):
    assert mode(text, word) == "asserted"


def test_an_attempt_at_another_act_is_still_its_aim(mode):
    """Only a launch is made by its attempt: "an attempt to cross" names the crossing aimed at."""
    assert mode("Guards foiled an attempt by two women to cross the river in Musan.", "cross") is None


# --- alleged ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("A soldier reportedly defected to China last month.", "defected"),
        ("A soldier allegedly deserted his post in Hyesan.", "deserted"),
        ("A cadre was apparently executed in Hyesan.", "executed"),
        ("It is rumored that a cadre was executed in Hyesan.", "executed"),
        ("A cadre is suspected of taking bribes from traders.", "bribes"),
    ],
)
def test_hedged_act_is_alleged(mode, text, word):
    assert mode(text, word) == "alleged"


def test_hedge_beats_attribution(mode):
    text = "A soldier reportedly defected to China last month."
    assert mode(text, "defected", attributed=True) == "alleged"


# --- denied -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("North Korea denied that its soldiers had fired at the guard post.", "fired"),
        ("North Korea denies it has sent balloons across the border.", "sent"),
        ("Pyongyang denied the defection of a diplomat.", "defection"),
    ],
)
def test_denied_act(mode, text, word):
    assert mode(text, word) == "denied"


# --- ongoing ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("Border guards are laying landmines along the Tumen River.", "laying"),
        ("Authorities have been cracking down on phone use since October.", "cracking"),
        ("Police are interrogating two smugglers in Hyesan.", "interrogating"),
    ],
)
def test_ongoing_act(mode, text, word):
    assert mode(text, word) == "ongoing"


# --- habits and general truths ------------------------------------------------------

@pytest.mark.parametrize(
    "text, word",
    [
        ("Smugglers usually bribe the border guards.", "bribe"),
        ("North Koreans often cross the river in winter.", "cross"),
    ],
)
def test_habit_is_no_act(mode, text, word):
    assert mode(text, word) is None


@pytest.mark.parametrize(
    "text, word",
    [
        # fictional: a technique or a site named by an act's noun
        ("Engineers were sent abroad to study missile launch technology.", "launch"),
        ("The regime has expanded its nuclear testing capability.", "testing"),
        ("Officials were sent to Dandong to learn smuggling.", "smuggling"),
        # what an earlier act left, and acts warded off
        ("Aid was sent to the flood victims in Sinuiju.", "flood"),
        ("Soldiers worked to remove the aftermath of the flood.", "flood"),
        ("Relief goods were delivered on Monday to the victims of the flood in Sinuiju.", "flood"),
        ("The navy is ready to deter attacks from the sea.", "attacks"),
        ("The unit showed off its attack helicopters.", "attack"),
        ("A recruit at an army training camp near Pyongyang fell ill last week.", "training"),
        ("The women were driven to the nearest detention center in Onsong on Friday.", "detention"),
        ("Two missiles were launched in response to the joint exercises.", "exercises"),
        ("Claiming a violation of its airspace, the army shot down a plane.", "violation"),
    ],
)
def test_means_and_skills_are_no_act(mode, text, word):
    assert mode(text, word) is None


@pytest.mark.parametrize(
    "text, word",
    [
        ("The missile launch was detected at dawn.", "launch"),
        ("Guards caught two men smuggling copper.", "smuggling"),
        ("The shooting victim died in hospital in Hyesan.", "shooting"),
    ],
)
def test_act_nouns_stay_acts(mode, text, word):
    assert mode(text, word) == "asserted"


def test_one_sentence_two_modalities(mode):
    # the arrest happened; the desertion told in the relative clause did too
    text = "A soldier who deserted last year was arrested in Hyesan on Monday."
    assert mode(text, "arrested") == "asserted"
    assert mode(text, "deserted") == "asserted"


# --- generic mentions: a class of acts named, none reported ----------------------------

@pytest.mark.parametrize(
    "text, word, rule",
    [
        ("Beijing has built new fences in an attempt to stop both defections and smuggling.", "defections",
         "modality.generic.prevented"),
        ("The new posts will make defections more difficult, officials said.", "defections", "modality.generic.prevented"),
        ("The number of arrests of traders crossing the river has increased.", "arrests", "modality.generic.trend"),
        ("The number of North Koreans fleeing to the South has declined.", "fleeing", "modality.generic.trend"),
        ("Hyesan, the site of frequent defections, is under watch.", "defections", "modality.generic.described"),
        ("Rampant smuggling keeps the market supplied.", "smuggling", "modality.generic.described"),
        ("The two countries signed an agreement on the repatriation of defectors.", "repatriation",
         "modality.generic.rule_content"),
        ("Sanctions ban the country from carrying out missile launches.", "launches", "modality.generic.rule_content"),
        ("He could not join the army because his brother had defected.", "defected", "modality.kin_past"),
        ("The family was banished for having relatives who defected to the South.", "defected", "modality.kin_past"),
        ("Guards used to demand a bribe of 500 yuan.", "bribe", "modality.habitual"),
        ("Viewers of such dramas generally face a public trial.", "trial", "modality.habitual"),
        # a sanction hanging over people, not one passed
        ("Smugglers caught by the border guards face harsh punishment, sources said.", "punishment",
         "modality.no_act.threatened"),
        ("Teenagers risk severe punishment to watch South Korean dramas.", "punishment", "modality.no_act.threatened"),
        ("Out of fear of punishment, the guard fled to China.", "punishment", "modality.no_act.threatened"),
        ("The two brothers hid in a barn because they were afraid of the harsh punishment awaiting them.", "punishment",
         "modality.no_act.threatened"),
        ("Those who are caught are sent to a labor camp.", "sent", "modality.habitual"),
        # an act named as the cause of the news, not reported by the clause
        ("Many traders closed their stalls due to the border closure.", "closure", "modality.no_act.cause_named"),
        ("Prices have soared because of the lockdown in Hyesan.", "lockdown", "modality.no_act.cause_named"),
        ("In the wake of the missile launches, Washington called for new sanctions.", "launches",
         "modality.no_act.cause_named"),
        ("Trade slowed amid North Korea's border lockdown, a source said.", "lockdown", "modality.no_act.cause_named"),
        ("Residents rarely meet due to COVID-19 controls and lockdowns, the source said.", "lockdowns",
         "modality.no_act.cause_named"),
        # an earlier act named to measure the news by
        ("Rice prices reached levels not seen since a lockdown in June 2021.", "lockdown", "modality.no_act.reference"),
        ("It was the heaviest shelling of the island since the 2010 bombardment.", "bombardment",
         "modality.no_act.reference"),
        ("The lockdown was ordered out of fear of a coronavirus outbreak.", "coronavirus", "modality.no_act.threatened"),
        ("Repatriated defectors risk severe punishment, including execution.", "execution", "modality.no_act.threatened"),
        ("Families of defectors often face heavy penalties, including imprisonment in labor camps.", "imprisonment",
         "modality.no_act.threatened"),
        # a bare sanction under a threat, warning, order or call, wherever the parser hangs it
        ("Officers are threatening families who have sheltered travelers in their homes with strict punishment.",
         "punishment", "modality.no_act.sanction_called_for"),
        ("The lecturers are threatening residents who have accepted or hidden unregistered guests in their homes with "
         "strict punishment.", "punishment", "modality.no_act.sanction_called_for"),
        ("The lecturer warned that the police will step up inspections and punishment for hoarding grain.",
         "punishment", "modality.no_act.sanction_called_for"),
        ("A new directive has been issued calling for harsh punishments for guards who take bribes.", "punishments",
         "modality.no_act.sanction_called_for"),
        ("The county threatened to mete out penalties to farmers who fail to deliver their quotas.", "penalties",
         "modality.no_act.sanction_called_for"),
        # a class of acts kept off or stopped
        ("Soldiers were sent to the border to prevent the spread of COVID-19.", "COVID-19", "modality.generic.prevented"),
        ("Trade is restricted out of fears over the spread of COVID-19 from China.", "COVID-19",
         "modality.generic.prevented"),
        # a class of acts described by what it has become
        ("Smuggling over the border had become more difficult, the source said.", "Smuggling",
         "modality.generic.described"),
        ("Defection is rare among officers of the unit.", "Defection", "modality.generic.described"),
        ("Under the deal, the two sides halted live-fire drills along the border.", "drills",
         "modality.generic.prevented"),
        # a class of people described by a past act
        ("The agency threatened those who have family members who defected to the South.", "defected",
         "modality.kin_past"),
        ("The list names families of defectors who have fled to China.", "fled", "modality.kin_past"),
        # trends, descriptions, forecasts and past cases
        ("Guards have been told to reduce the number of people crossing the border.", "crossing",
         "modality.generic.trend"),
        ("The sanctions have led to a rise in arrests of traders.", "arrests", "modality.generic.trend"),
        ("Authorities are now meting out harsher punishments for smugglers.", "punishments",
         "modality.generic.described"),
        ("Guard units on major defection routes now patrol around the clock.", "defection",
         "modality.no_act.means_or_aftermath"),
        ("Viewers of such dramas generally take part in a public trial and are sent to labor camps.", "sent",
         "modality.habitual"),
        ("After his arrest, he is likely to be expelled from the party.", "expelled", "modality.desire"),
        # the act a forecast is about, as its subject
        ("Officials fear that a severe food shortage is likely this spring.", "shortage", "modality.desire"),
        ("Residents say a fresh crackdown on traders is expected after the holiday.", "crackdown", "modality.desire"),
        ("In past cases like this, the family was sent to a labor camp.", "sent", "modality.background"),
        # the famine of the 1990s is history, whatever the report's news
        ("During the Arduous March, a famine that struck in the mid-1990s, the guard began smuggling copper.",
         "famine", "modality.background"),
        ("During North Korea’s Arduous March, a famine of the mid-1990s, the guard began smuggling copper.",
         "famine", "modality.background"),
        ("The province insists it has zero cases of the coronavirus.", "coronavirus", "modality.generic.none_counted"),
        ("Smuggling across the border has almost ceased.", "Smuggling", "modality.generic.trend"),
        ("The government is intensifying punishments of human trafficking and drugs.", "punishments",
         "modality.generic.trend"),
        # a duty is no act done
        ("The unit is tasked with sealing the border along the Tumen.", "sealing", "modality.no_act.duty"),
        ("Agents responsible for catching defectors were sent to Hyesan.", "catching", "modality.no_act.duty"),
        # a present clause opened by "when" under a present clause: whenever it happens
        ("When North Korea executes an official, the world condemns it.", "executes", "modality.habitual"),
        # a total over a year counts many acts and tells none
        ("Last year, a total of 1,396 North Koreans defected to South Korea, the ministry said.", "defected",
         "modality.statistic"),
        # the run of earlier acts the news is set in; a class kept off by a bare gerund
        ("The launch, the latest in a series of weapons tests this month, came as the allies wrapped up a drill.",
         "tests", "modality.generic.series"),
        ("The raids are also an attempt to stop smuggling along the river.", "smuggling", "modality.generic.prevented"),
        # a flight kept off
        ("Guards laid mines along the river to discourage starving residents from fleeing into China.", "fleeing",
         "modality.no_act.banned_act"),
        ("The ministry took new steps to stem the flow of defections across the river.", "defections",
         "modality.generic.prevented"),
        # forecasts, failures and threats
        ("Residents expect an inspection of households by the security ministry to start soon.", "inspection",
         "modality.desire"),
        ("Officials anticipate a new crackdown on the market to begin after the holiday.", "crackdown", "modality.desire"),
        # a catch that failed caught no one
        ("Guards failed to catch the escaped prisoners.", "catch", "modality.no_act.failed"),
        ("The guards tried to catch the two escapees, but failed.", "catch", "modality.no_act.failed"),
        ("Police tried in vain to arrest the broker.", "arrest", "modality.no_act.failed"),
        # a sanction or an attack hanging over people
        ("Those caught after the order were threatened with being sent to a labor camp.", "sent",
         "modality.no_act.threatened"),
        ("The commanders are exposing the soldiers directly to attacks.", "attacks", "modality.no_act.threatened"),
        ("The two brokers are subject to punishment under the new decree.", "punishment", "modality.no_act.threatened"),
        ("Traders who sell foreign goods are liable to punishment, the notice said.", "punishment",
         "modality.no_act.threatened"),
    ],
)
def test_generic_mention_is_no_act(nlp, text, word, rule):
    from yalu.extract.modality import judge

    doc = nlp(text)
    sent = next(doc.sents)
    token = next(t for t in sent if t.text == word)
    verdict = judge(token, sent, attributed=False)
    assert (verdict.modality, verdict.rule) == (None, rule)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Police stopped a smuggling ring in Hyesan on May 3.", "smuggling"),  # a bust, not prevention
        ("Flash floods killed 40 people over the weekend.", "floods"),  # a bare plural told in the past
        ("Tension rose after the North sent balloons across the border, activists who have for years sent leaflets said.",
         "sent"),  # "for years" belongs to the activists' clause
        ("Two defections were reported near Musan last week.", "defections"),
        ("The authorities imposed a lockdown on Hyesan on Monday.", "lockdown"),
        ("The court handed down harsh punishment to the two brokers last week.", "punishment"),
        # subjected to it, told in the past: the trial or the beating was held
        ("The three brokers were subjected to a public trial in the Musan market on Friday.", "trial"),
        ("Guards subjected the returned women to beatings at the holding center last month.", "beatings"),
        ("A famine hit two counties of South Hwanghae Province in the spring of 2012, a source said.", "famine"),
        # a sanction ordered for people named, or pledged, is meted out or decided
        ("The minister ordered the public execution of the three brokers caught in Musan.", "execution"),
        ("The party pledged severe punishment for the county officials who failed to evacuate the village.",
         "punishment"),
        # the famine as a yardstick for a present act
        ("Floods in Kimchaek killed 30 people last week, the worst since the Arduous March.", "Floods"),
        ("Amid fears of a new Arduous March, police arrested 20 traders in Hyesan last week.", "arrested"),
        # a sanction under a call or order, but with a verb of its own in between: held
        ("Residents were ordered to attend public executions in Hyesan on Tuesday, a source said.", "executions"),
        ("Seoul demanded an explanation after executions were carried out in Hyesan on Tuesday.", "executions"),
        ("Rights groups urged the UN to condemn executions carried out in Musan last week.", "executions"),
        ("Three soldiers died in the flood in Hoeryong last week.", "flood"),
        ("Two soldiers who have defected to the South spoke to reporters.", "defected"),
        ("A COVID-19 outbreak hit Sinuiju last week.", "COVID-19"),
        ("A total of 13 defectors were arrested in Shenyang last week.", "arrested"),
        ("North Korea has intensified its crackdown on smugglers in Hyesan since Monday.", "crackdown"),
        # enforcement stepped up is the campaign itself, not a policy over many acts
        ("Authorities in Hyesan are stepping up inspections on households with Chinese TV sets.", "inspections"),
        ("The security ministry has intensified crackdowns on smugglers along the Yalu this month.", "crackdowns"),
        ("A woman in her 20s was placed under emergency arrest in Hoeryong in July.", "arrest"),  # held, no setting
        ("Police sent the two smugglers to a labor camp last week.", "sent"),
        ("Because of the ban, the price of fish at the market has doubled.", "ban"),  # the article's own ban
        ("Prices have doubled since the lockdown, a source said.", "lockdown"),  # the article's own lockdown
        ("Three cases of the coronavirus were confirmed in Sinuiju on Monday.", "coronavirus"),
        ("The number of arrests fell after the guards sent three brokers to prison.", "sent"),
        ("The officer is likely to have been executed in May, a source said.", "executed"),
        ("The explosion was likely caused by a gas leak, the source said.", "explosion"),
    ],
)
def test_specific_act_stays_an_act(mode, text, word):
    assert mode(text, word) is not None
