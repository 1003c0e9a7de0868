"""Attribution against the written-down answers in seeds/*/_answers.json, and pattern by pattern."""

from __future__ import annotations

import pytest

from claims.attribute import attribute_sentences
from claims.labels import score_attribution
from claims.split import split_sentences
from tests.conftest import SEEDS


def attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker, verb, content) for every claim of a small document."""
    sentences = split_sentences(text)
    return [(a.speaker, a.verb, text[a.start:a.end])
            for atts in attribute_sentences(sentences) for a in atts]


def test_seed_article_every_attributed_sentence_gets_its_speaker():
    score = score_attribution(SEEDS / "idlib")
    assert score.errors == []
    assert score.sentences == 33
    assert (score.precision, score.recall) == (1.0, 1.0)


@pytest.mark.parametrize("name, precision, recall", [
    ("harbor-fire", 0.95, 0.95),  # tuned on
    ("dam-breach", 0.95, 0.95),  # written apart, measured (0.949/0.902), then tuned on
    ("fishing-quota", 0.95, 0.95),  # written apart, measured (0.778/0.700), then tuned on
    ("election-count", 0.95, 0.90),  # written by a helper for tuning, measured (0.828/0.692),
    # then tuned on (0.980/0.923)
    ("stadium-costs", 0.94, 0.78),  # written by a helper for tuning, measured (0.833/0.612),
    # then tuned on (0.911/0.735; 0.938/0.765; 0.963/0.796)
    ("wind-farm", 0.92, 0.85),  # written by a helper for tuning, measured (0.680/0.579),
    # then tuned on (0.914/0.842; 0.943/0.877)
    ("ferry-capsize", 0.92, 0.84),  # written by a helper, measured fresh at 2d6219e
    # (0.806/0.664), then tuned on (0.947/0.864)
    ("data-breach", 0.83, 0.72),  # written by a helper at the end of a stop, measured fresh
    # (0.854/0.746 at cdcb0ab and at 2d6219e alike), not yet tuned on
    ("vaccine-recall", 0.85, 0.78),  # written apart and never tuned on: the honest figure
    ("rail-strike", 0.89, 0.85),  # written by a helper, never read by us (0.917/0.871; its
    # error kinds, not its sentences, were reported to us: acronyms, "of ... and" names)
    ("mine-collapse", 0.88, 0.88),  # written by a helper, never read by us, measured fresh
    # at e33d80f (0.897/0.897)
    ("border-shelling", 0.74, 0.70),  # written by helpers at stop 24, measured fresh at
    ("clinic-closure", 0.87, 0.84),  # 35cedbc (0.728/0.674, 0.856/0.811, 0.635/0.598),
    ("plant-closure", 0.81, 0.79),  # then tuned on (0.802/0.762: "Veltmann" is Veltmann
    # Automotive, a company by its name; stop 25: 0.744/0.711, 0.875/0.848, 0.815/0.795)
    ("protest-arrests", 0.83, 0.81),  # written by helpers at stop 25, never read by us,
    ("river-pollution", 0.90, 0.86),  # measured fresh at 347e662 (0.839/0.819, 0.929/0.887,
    ("airport-outage", 0.91, 0.79),  # 0.915/0.793); 0.913/0.872 for river-pollution since
    ("bridge-collapse", 0.91, 0.88),  # written by helpers at stop 26, measured fresh at
    ("fraud-trial", 0.88, 0.77),  # 07c9303 (0.839/0.806, 0.882/0.776, 0.826/0.820), then
    ("heatwave-deaths", 0.83, 0.82),  # tuned on (0.919/0.884, 0.882/0.776, 0.833/0.827)
])
def test_labelled_sample_sets(name, precision, recall):
    score = score_attribution(SEEDS / name)
    assert score.sentences >= 60
    assert score.precision >= precision, score.errors
    assert score.recall >= recall, score.errors


@pytest.mark.parametrize("text, expected", [
    ("Police said on Monday that the road was closed.",
     [("police", "said", "the road was closed")]),
    ('"The road is closed," Chief Anna Berg told reporters.',
     [("Anna Berg", "told", "The road is closed")]),
    ('"The road is closed," said Anna Berg.', [("Anna Berg", "said", "The road is closed")]),
    ("According to the Red Cross, 300 people were hurt.",
     [("Red Cross", "according to", "300 people were hurt")]),
    ("300 people were hurt, according to the Red Cross.",
     [("Red Cross", "according to", "300 people were hurt")]),
    # whose figures they are
    ("Turnout was 61 percent, according to the ministry's data.",
     [("ministry", "according to", "Turnout was 61 percent")]),
    ("300 people were hurt, according to figures from the Red Cross.",
     [("Red Cross", "according to", "300 people were hurt")]),
    ("Mayor Ilse Dravant insisted the water was safe after Green Tide accused the city of lying.",
     [("Ilse Dravant", "insisted", "the water was safe"),
      ("Green Tide", "accused", "the city of lying")]),
    ("The harbour was closed on Tuesday.", [(None, None, "The harbour was closed on Tuesday")]),
    # a person of an organisation, and the place after a name, are no speakers themselves
    ("Anna Berg of the Red Cross said 300 people were hurt.",
     [("Anna Berg", "said", "300 people were hurt")]),
    ("Judge Mara Holm of the District Court in Brill ruled that the search was lawful.",
     [("Mara Holm", "ruled", "the search was lawful")]),
    ("The Bank of England said rates would rise.",
     [("Bank of England", "said", "rates would rise")]),
    ("Researchers at the University of Oslo said the drug worked.",  # an organisation there
     [("University of Oslo", "said", "the drug worked")]),
    ("Dr Anna Berg at Varnholm General Hospital said the ward was full.",  # a person there
     [("Anna Berg", "said", "the ward was full")]),
    ("Water board says dam is safe", [("Water board", "says", "dam is safe")]),
    # the one told is no part of what was said, nor is when it was told
    ("Residents told Valley Wire they had received no alert at all.",
     [("Residents", "told", "they had received no alert at all")]),
    ("Aasgard told the Lundar parliament on Monday that the talks were constructive.",
     [("Aasgard", "told", "the talks were constructive")]),
    ("She told the BBC it was a mistake.", [("She", "told", "it was a mistake")]),
    ("Last month Voss told councillors they would not be asked for more money.",
     [("Voss", "told", "they would not be asked for more money")]),
    ("The inspector told the court the trawler had 42 tonnes of cod on board.",
     [("inspector", "told", "the trawler had 42 tonnes of cod on board")]),
    ("She told the court what she had seen.", [("She", "told", "the court what she had seen")]),
    # a wire dateline is no part of a claim; "however" is no part of what was said
    ("KELLBROOK, Ardenne, May 10 - At least three people were killed when the dam gave way.",
     [(None, None, "At least three people were killed when the dam gave way")]),
    ("DRAVNIK, Vessland, March 3 (VNA) - The stadium will cost about 56 million crowns, "
     "according to the Municipal Audit Office.",
     [("Municipal Audit Office", "according to", "The stadium will cost about 56 million "
       "crowns")]),
    ("The Maritime Safety Directorate said, however, that the survey was in April.",
     [("Maritime Safety Directorate", "said", "the survey was in April")]),
    # sources the writer does not name are the speaker
    ("The company paid 9 million crowns, according to two people with knowledge of the "
     "negotiations.",
     [("two people with knowledge of the negotiations", "according to",
       "The company paid 9 million crowns")]),
    # a message "saying" something is its sender's claim; "without giving" is the writer's
    ("Greyfen, the group behind the attack, posted a new message on Sunday saying it had "
     "been paid in full, without giving an amount.",
     [("Greyfen", "saying", "it had been paid in full")]),
    ("The boy held a sign saying the end was near.",
     [(None, None, "The boy held a sign saying the end was near")]),
    # a claim rejected "by" someone is that one's own claim too
    ("The commission has rejected claims by the Kessenmark First party that thousands of "
     "ballots were left out.",
     [("commission", "rejected", "claims by the Kessenmark First party that thousands of "
       "ballots were left out"),
      ("Kessenmark First", "claims", "thousands of ballots were left out")]),
    ("Police denied allegations by residents that officers had fired tear gas.",
     [("police", "denied", "allegations by residents that officers had fired tear gas"),
      ("residents", "claims", "officers had fired tear gas")]),
    ("Police denied the allegations by Monday.",
     [("police", "denied", "the allegations by Monday")]),
    # a day or a month before a name is when, not part of the name
    ("Last Thursday Aubry had said the unit could not reopen.",
     [("Aubry", "said", "the unit could not reopen")]),
    ("On Monday Helena Brask said the plant would close. In March Brask said it would not.",
     [("Helena Brask", "said", "the plant would close"),
      ("Helena Brask", "said", "it would not")]),
    ("The Sunday Herald said it was over.", [("Sunday Herald", "said", "it was over")]),
    # a police spokesman speaks for the police (not "a senior police officer": a person)
    ("The Orsa Valley Police said 11 people had died. A police spokesman said one was a "
     "woman.", [("Orsa Valley Police", "said", "11 people had died"),
                ("Orsa Valley Police", "said", "one was a woman")]),
    # City Hall is the city's government, named as "the city" is
    ("VALDANE, Kestria, July 30 (KPA) - City Hall said its cooling centres had stayed open.",
     [("City of Valdane", "said", "its cooling centres had stayed open")]),
    ("City Hall said its cooling centres had stayed open.",
     [("City Hall", "said", "its cooling centres had stayed open")]),
    ("On 12 March Helena Brask said the plant would close.",
     [("Helena Brask", "said", "the plant would close")]),
    ("A letter from April Rhodes says the bridge was safe.",  # a given name, after "from"
     [("April Rhodes", "says", "the bridge was safe")]),
    # the claims a rejecting verb dismisses are its object, not a speaker's verb
    ('Mirek dismissed as "fiction" Aldravian claims that its soldiers had taken the summit, '
     "and said the hill remained under Kesmiran control.",
     [("Mirek", "dismissed", 'as "fiction" Aldravian claims that its soldiers had taken the '
       "summit"), ("Mirek", "said", "the hill remained under Kesmiran control")]),
    ("The minister rejected Kesmiran claims that the shells came from Aldravia.",
     [("minister", "rejected", "Kesmiran claims that the shells came from Aldravia")]),
    ("Officials have long disputed union claims that staff were forced to work overtime.",
     [("union", "claims", "staff were forced to work overtime")]),  # no "as": the union's
    # an estimate is a claim ("projects", "forecast"); "the projected cost" is no verb
    ("Voss has since put the likely total at 52 million crowns, while the audit office "
     "projects 56 million.",
     [("Voss", "put", "the likely total at 52 million crowns"),
      ("audit office", "projects", "56 million")]),
    ("The projected cost was 49 million crowns.",
     [(None, None, "The projected cost was 49 million crowns")]),
    # where or when it was said, then "that"; a figure another disputes
    ("The network said in its preliminary statement that polling had been peaceful.",
     [("network", "said", "polling had been peaceful")]),
    ("Police said at least 12 people were killed in the blast that hit the market.",
     [("police", "said", "at least 12 people were killed in the blast that hit the market")]),
    ("She told everyone she met that the dam was unsafe.",
     [("She", "told", "the dam was unsafe")]),
    ("UNESCO, the UN cultural agency, has listed the old town - one of 12 sites - as "
     "endangered, officials said.",
     [("officials", "said", "UNESCO, the UN cultural agency, has listed the old town - one of "
       "12 sites - as endangered")]),
    ("Many projects were delayed by the strike, the union said.",
     [("union", "said", "Many projects were delayed by the strike")]),
    ("Investigators said they knew who set the fire but would not say who.",
     [("Investigators", "said", "they knew who set the fire but would not say who")]),
    ("Minister Lena Holm told reporters in Vessen that twenty aircraft were fighting the fire.",
     [("Lena Holm", "told", "twenty aircraft were fighting the fire")]),
    ("Mayor Edda Farrow says about 3,000 people have been displaced, a figure the Sarn Valley "
     "Water Board disputes.",
     [("Edda Farrow", "says", "about 3,000 people have been displaced")]),
    # "which she said had been ...": the first claim ends before "which", the second keeps
    # its own verb
    ("Beata Lund told the committee that the union had given the commissioner a copy of the "
     "alert, which she said had been marked \"low priority\" by managers.",
     [("Beata Lund", "told", "the union had given the commissioner a copy of the alert"),
      ("Beata Lund", "said", "had been marked \"low priority\" by managers")]),
    # the next speaker's whole subject, appositive and possessive included, ends the content
    ("Castellan Works has denied any responsibility, and its chief executive, Marten Haskell, "
     "says the company's work passed every inspection.",
     [("Castellan Works", "denied", "any responsibility"),
      ("Marten Haskell", "says", "the company's work passed every inspection")]),
    ("The mayor denied the claim, and her spokesman said the road was open.",
     [("mayor", "denied", "the claim"), ("spokesman", "said", "the road was open")]),
    # "of ... and ..." inside an organisation's name; a name that is all capitalised words
    ("The Brannholm Chamber of Commerce and Industry said shops lost money.",
     [("Brannholm Chamber of Commerce and Industry", "said", "shops lost money")]),
    ("Norvalian State Railways said 40 trains ran.",
     [("Norvalian State Railways", "said", "40 trains ran")]),
    ("Russia and Turkey said the deal held.", [("Turkey", "said", "the deal held")]),
    ("The University of Oxford and AstraZeneca said the vaccine worked.",
     [("AstraZeneca", "said", "the vaccine worked")]),  # two names, not one institution's
    ("The Department of Health and Human Services said cases rose.",
     [("Department of Health and Human Services", "said", "cases rose")]),
    # an estimate "put ... at" a figure; "put pressure on" is none
    ("The Arlen Transport Ministry put the cost of the closure at 40 million crowns.",
     [("Arlen Transport Ministry", "put", "the cost of the closure at 40 million crowns")]),
    ("Police put pressure on the crowd.", [(None, None, "Police put pressure on the crowd")]),
    ("Firefighters put out the blaze at 4 a.m.",
     [(None, None, "Firefighters put out the blaze at 4 a.m")]),
    ("The ministry put out a statement at 10 a.m. saying the dam was safe.",
     [(None, None, "The ministry put out a statement at 10 a.m. saying the dam was safe")]),
    ("Police said two died, and Ian Moor was quoted as saying the offer was an insult.",
     [("police", "said", "two died"),
      ("Ian Moor", "quoted as saying", "the offer was an insult")]),
    # an appositive inside an appositive: the subject is the first name
    ("Elin Bakke, a spokeswoman for Mattias Orn, the third-placed candidate, said the count "
     "was fair.", [("Elin Bakke", "said", "the count was fair")]),
    ("A lawyer for the company, Ruth Danning, argued that inspectors had erred.",
     [("Ruth Danning", "argued", "inspectors had erred")]),
    # a ruling is a claim; ruling something out is not a reporting verb
    ("Judge Hedda Lorentz ruled that the recount must go ahead.",
     [("Hedda Lorentz", "ruled", "the recount must go ahead")]),
    ("Police ruled out arson on Monday.", [(None, None, "Police ruled out arson on Monday")]),
    # a pronoun after the one told starts the content only after a name or the press
    ("The witness told the court what she had seen.",
     [("witness", "told", "the court what she had seen")]),
    # the one an outlet quotes says it
    ("Minister Ann Lee said talks failed, and the Evening Star quoted Ian Moor as saying the "
     "offer was an insult.",
     [("Ann Lee", "said", "talks failed"),
      ("Ian Moor", "quoted as saying", "the offer was an insult")]),
    # what an outlet printed and now retracts is no claim; the correction after it is
    ("Correction, May 15, 2027: An earlier version of this article gave the number of wounded "
     "people treated at Selvo District Hospital as 71.", []),
    ("Correction: An article on May 11 said Veltmann had received 42 million marks in grants.",
     []),
    ("An earlier version of this story said Harnby was 85 km from Marrowgate.", []),
    ("Correction, Jan. 5, 2027: An earlier version of this article said 71.", []),
    ("Editor's note: An earlier version of this story said the dam was 40 years old.", []),
    ("Correction on May 15: An earlier version of this article said 71.", []),
    ("Correction: An earlier version of this report said 71.", []),
    ("An earlier version of this report found 40 cases.",  # an inspectors' report: a claim
     [(None, None, "An earlier version of this report found 40 cases")]),
    ("Police spokeswoman Karen Mills said the road was closed.",  # a surname, no mill
     [("Karen Mills", "said", "the road was closed")]),
    ("Correction officers said: a report by the ministry found 40 cases.",  # kept, and theirs
     [("Correction officers", "said", "a report by the ministry found 40 cases")]),
    ("The correct figure is 17.", [(None, None, "The correct figure is 17")]),
    ("Correction notices were posted at the station on Monday.",
     [(None, None, "Correction notices were posted at the station on Monday")]),
])
def test_reporting_patterns(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a count, poll or review states what its owner found: the owner speaks
    ("The ministry's figures show unemployment rose to 7 percent.",
     [("ministry", "show", "unemployment rose to 7 percent")]),
    ("A Daily Courier review of court records from 2,000 cases has found that 40 were delayed.",
     [("Daily Courier", "found", "40 were delayed")]),
    ("An exit poll by the Centre for Social Surveys (CSS) had put the mayor ahead by two points.",
     [("Centre for Social Surveys", "put", "the mayor ahead by two points")]),
    ("The Herald's tally puts turnout at 52 percent.",
     [("Herald", "puts", "turnout at 52 percent")]),
    # no owner, or no count: no speaker
    ("The survey found that most people agreed.",
     [(None, None, "The survey found that most people agreed")]),
    ("Police found a body in the river.", [(None, None, "Police found a body in the river")]),
    ("Tuesday's count gave Maslen 40 percent.",  # a day, a place: no owners
     [(None, None, "Tuesday's count gave Maslen 40 percent")]),
    ("The Varnholm data show 40 deaths.", [(None, None, "The Varnholm data show 40 deaths")]),
    ("The union's review put the dispute behind it.",  # nothing put at a figure
     [(None, None, "The union's review put the dispute behind it")]),
    ("The Gallup poll put Holtz narrowly ahead.",  # a one-word pollster; a named one ahead
     [("Gallup", "put", "Holtz narrowly ahead")]),
    ("Turnout was 61 percent, according to last year's figures.",
     [(None, None, "Turnout was 61 percent, according to last year's figures")]),
])
def test_a_count_or_poll_speaks_for_its_owner(text, expected):
    assert attributions(text) == expected


def test_and_said_belongs_to_the_subject_of_its_clause():
    got = attributions(
        "Irena Holtz declared herself the winner on Tuesday, hours after the Kessenmark "
        "Electoral Commission finished counting and said Teodor Maslen had won by 3,968 votes.")
    assert got[-1] == ("Kessenmark Electoral Commission", "said",
                       "Teodor Maslen had won by 3,968 votes")
    # no comma: the clause is part of what she said, and "and added" is hers; nor where a
    # comma closes the clause before "and"
    got = attributions("Anna Berg said the dam was safe after the police arrived and added "
                       "that repairs had begun.")
    assert [speaker for speaker, _, _ in got] == ["Anna Berg", "Anna Berg"]
    got = attributions("Anna Berg said the count was rigged, because Piet Olsen lied, and "
                       "added the count was flawed.")
    assert [speaker for speaker, _, _ in got] == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize("text, expected", [
    # the one a relative clause is about says what the clause says
    ("The ruling was welcomed by the Kestrel Monitoring Network (KMN), which said its "
     "observers would attend.",
     [("Kestrel Monitoring Network", "said", "its observers would attend")]),
    ("The union, which says 4,000 members joined the strike, will meet on Friday.",
     [("union", "says", "4,000 members joined the strike")]),  # the sentence goes on after it
    ("Anna Berg, who denied the dam was unsafe, resigned on Monday.",
     [("Anna Berg", "denied", "the dam was unsafe")]),
    # a clause that states nothing, and the verb after it
    ("The doctor, who asked not to be named, said 40 patients had died.",
     [("doctor", "said", "40 patients had died")]),
    ("The union, which represents 4,000 drivers, said the talks had failed.",
     [("union", "said", "the talks had failed")]),
    # the clause ends where the sentence goes on with its own verb, not inside a quotation
    ("Observers from the Kestrel Monitoring Network (KMN), which said its observers would "
     "attend, arrived on Monday.",
     [("Kestrel Monitoring Network", "said", "its observers would attend")]),
    ('Anna Berg, who said "we will win, whatever happens", resigned.',
     [("Anna Berg", "said", "we will win, whatever happens")]),
    ("The union, which said 40 ballot boxes were missing, damaged or destroyed, will appeal.",
     [("union", "said", "40 ballot boxes were missing, damaged or destroyed")]),
])
def test_relative_clauses(text, expected):
    assert attributions(text) == expected


def test_a_count_by_its_owners_acronym_and_its_own_count():
    got = attributions(
        "The director of the Institute of Opinion and Social Research (IOSR) defended the poll. "
        "The IOSR poll, based on interviews with 14,200 voters, gave Holtz 49.1 percent. "
        "The Kessenmark Electoral Commission published its figures. "
        "Its final count, published on Tuesday, gave Maslen a lead of 3,968 votes over the "
        "candidate of the Green Party.")  # "Its": named before this sentence
    assert [(speaker, content) for speaker, _, content in got if speaker] == [
        ("Institute of Opinion and Social Research", "Holtz 49.1 percent"),  # its whole name
        ("Kessenmark Electoral Commission",
         "Maslen a lead of 3,968 votes over the candidate of the Green Party")]


def test_a_report_by_a_body_the_story_names_in_lower_case_is_that_bodys():
    got = attributions(
        "The International Border Monitoring Mission visited Brezna. Last week's report by the "
        "mission found that the first shells came from the north-east.")
    assert got[-1] == ("International Border Monitoring Mission", "found",
                       "the first shells came from the north-east")
    # ...not a bare description ("local engineers": whose?)
    assert attributions("A report by local engineers found that the shells came from the "
                        "north-east.")[0][0] is None


def test_the_report_is_its_authors_once_the_story_says_who_wrote_it():
    got = attributions(
        "Nine units were broken, according to a report by the Valdane Care Inspectorate "
        "published on Monday. The report said faults had been logged on June 28.")
    assert got[-1][0] == "Valdane Care Inspectorate"
    got = attributions(
        "The report, dated November 9, 2026 and signed by the structural engineer Mira Kallas, "
        "records cracks in the deck. The span is graded 4, the report says.")
    assert got[-1] == ("Mira Kallas", "says", "The span is graded 4")
    # ...not whoever asked for it
    got = attributions("A report commissioned by the Valdane City Council was published. The "
                       "report said faults had been logged on June 28.")
    assert got[-1][0] != "Valdane City Council"


def test_a_role_given_with_a_places_possessive_and_a_regulator_named_for_its_work():
    got = attributions("Velgrid, Kestria's grid operator, said 236,000 households had lost "
                       "power. The company also acknowledged that 41,000 were cut off.")
    assert [speaker for speaker, _, _ in got] == ["Velgrid", "Velgrid"]
    got = attributions("The Energy Regulation Office said Velgrid had warned the city. The "
                       "regulator said 236,000 households had lost power.")
    assert got[-1][0] == "Energy Regulation Office"
    # a watchdog: the one body named for overseeing, here a commissioner's office
    got = attributions("Watchdog says Tarrow took 68 hours to report breach\n\nThe Office of "
                       "the Data Commissioner said Tarrow Energy did not notify it.")
    assert got[0][0] == "Office of the Data Commissioner"
    # ...and none where the story names no such body
    got = attributions("Velgrid said 236,000 households had lost power. The regulator said it "
                       "would investigate.")
    assert got[-1][0] == "regulator"
    # "the company" after another business spoke, one nothing calls a person, is not the
    # grid operator named paragraphs before
    got = attributions("Velgrid, Kestria's grid operator, said 236,000 households had lost "
                       "power.\n\nThe Ministry of Health said 97 deaths had been confirmed.\n\n"
                       "Silverbrook Care said a fifth resident had died. The company said it "
                       "would cooperate fully.")
    assert got[-1][0] != "Velgrid"


def test_a_study_commissioned_from_a_firm_is_the_firms():
    got = attributions("An independent study commissioned by the board from Tidewater Acoustics "
                       "found that the substation would produce about 39 decibels.")
    assert got == [("Tidewater Acoustics", "found",
                    "the substation would produce about 39 decibels")]


def test_the_review_is_the_ones_who_spoke_in_it_not_the_first_named():
    got = attributions(
        "Velgrid warned the city's emergency office at 10:28 that cuts were likely, the Energy "
        "Regulation Office said on Friday in its review of the cuts. The review said Linden "
        "Court had not been on Velgrid's list.")
    assert got[-1] == ("Energy Regulation Office", "said",
                       "Linden Court had not been on Velgrid's list")
    # "a report of the inspection" may be anyone's
    got = attributions("The agency said in a report of the inspection that the span was poor. "
                       "The report said the bearing had shifted.")
    assert got[-1][0] != "agency"


def test_a_toll_put_at_a_number_in_words():
    got = attributions("The Orsa Valley Police, however, put the confirmed toll at eleven, "
                       "with three people still missing.")
    assert got == [("Orsa Valley Police", "put",
                    "the confirmed toll at eleven, with three people still missing")]
    assert attributions("The union put it at eleven.")[0][0] is None  # what is "it"?


def test_a_body_in_a_city_speaks_not_the_city():
    assert attributions("The defence ministry in Vell said the toll was seven.") == [
        ("defence ministry", "said", "the toll was seven")]


def test_according_to_a_copy_or_records_released_by_a_body_is_that_bodys():
    got = attributions("The log shows two calls at 04:58 and 05:10, according to a copy "
                       "released by the Aldravian Ministry of Defence on Saturday.")
    assert got == [("Aldravian Ministry of Defence", "according to",
                    "The log shows two calls at 04:58 and 05:10")]
    assert attributions("The ship was late, according to records from the Port Authority."
                        )[0][0] == "Port Authority"
    # ...not whoever saw it
    assert attributions("The ship was late, according to a copy seen by the Herald.")[0][0] \
        is None


def test_the_speaker_of_a_quotation_is_no_role_of_the_name_before_it():
    assert attributions("The contract was awarded to Piet Olsen, the minister said.") == [
        ("minister", "said", "The contract was awarded to Piet Olsen")]


def test_a_role_names_the_one_person_the_document_gives_it_later():
    got = attributions(
        "The director of the Nordic Polling Institute has defended the poll, saying its "
        "figures were sound. \"A poll is a sample,\" said Agnes Ruud, the institute's "
        "director.")
    assert [speaker for speaker, _, _ in got] == ["Agnes Ruud", "Agnes Ruud"]
    # two people with the role later: the role stays a role
    got = attributions(
        "The director said the figures were sound. Agnes Ruud, the institute's director, "
        "agreed. Lars Dahl, the agency's director, did not.")
    assert got[0][0] == "director"
    # a role of something else: the police chief is not the fire service's chief
    got = attributions("The police chief said two men were arrested. Later, Anna Berg, the "
                       "chief of the fire service, said the fire was out.")
    assert got[0][0] == "police chief"


def test_an_acronym_resolves_to_the_organisation_it_stands_for():
    got = attributions(
        "The Kestrel Valley Water Authority (KVWA) said on Monday that supplies were safe. "
        "KVWA said tests were clean. The Federation of Dock Workers said the strike would go "
        "on. FDW said pay was too low. NATO said troops were ready.")
    assert [(speaker, content) for speaker, _, content in got] == [
        ("Kestrel Valley Water Authority", "supplies were safe"),
        ("Kestrel Valley Water Authority", "tests were clean"),  # introduced with it
        ("Federation of Dock Workers", "the strike would go on"),
        ("Federation of Dock Workers", "pay was too low"),  # its initials
        ("NATO", "troops were ready")]  # no organisation here it could stand for
    got = attributions(
        "The International Monetary Fund said growth slowed. The IMF said debt rose. "
        "The United Steelworkers union said jobs were at risk. US says tariffs will stay. "
        "Dr Anna Berg (WHO) said cases were rising. WHO said the outbreak was contained.")
    assert [speaker for speaker, _, _ in got] == [
        "International Monetary Fund", "International Monetary Fund",  # "the" before it
        "United Steelworkers union", "US",  # two initials are too few to guess from
        "Anna Berg", "WHO"]  # a person's bracket is no name for her


def test_surnames_pronouns_and_descriptors_resolve_to_the_full_name():
    text = ("Russian Foreign Minister Sergei Lavrov spoke in Munich. Lavrov said talks failed. "
            "He added that more talks would follow. "
            "The top Russian diplomat said Moscow was ready.")
    assert [s for s, _, _ in attributions(text)] == [None] + ["Sergei Lavrov"] * 3


def test_a_bare_quotation_continues_the_previous_speaker():
    text = ('Union leader Petr Vasko said inspections were skipped.\n\n'
            '"We warned them again and again."\n\nThe port reopened on Friday.')
    assert [s for s, _, _ in attributions(text)] == ["Petr Vasko", "Petr Vasko", None]


def test_organisation_short_mentions_resolve_to_the_full_name():
    text = ("The Ministry of Environment said the water was clean. "
            "The ministry added that tests would continue.")
    assert [s for s, _, _ in attributions(text)] == ["Ministry of Environment"] * 2


def test_content_spans_lie_inside_their_sentence():
    text = (SEEDS / "idlib" / "wire" / "000_f2ce2917a4387b93.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    for sent, atts in zip(sentences, attribute_sentences(sentences), strict=True):
        for a in atts:
            assert sent.start <= a.start < a.end <= sent.end


def test_transcript_turns_belong_to_their_speaker_label():
    text = ("Excerpt of a press conference by Fisheries Minister Annika Rosk.\n\n"
            "MINISTER ANNIKA ROSK: We will not allow it. The boat was inside our waters.\n\n"
            "REPORTER: Were shots fired?\n\nROSK: No shots were fired.")
    got = attributions(text)
    assert [s for s, _, _ in got] == [None, "Annika Rosk", "Annika Rosk", "reporter",
                                      "Annika Rosk"]
    assert got[1][2] == "We will not allow it"


def test_a_name_written_only_in_capitals_is_shown_as_a_name():
    text = ("Transcript of an interview.\n\nHANNA VOSS: Did the line spark?\n\n"
            "MATTIAS ORRIN: It was switched off at noon.\n\nVOSS: Will you resign?")
    assert [s for s, _, _ in attributions(text)] == [None, "Hanna Voss", "Mattias Orrin",
                                                     "Hanna Voss"]  # "VOSS" is her too


def test_an_unnamed_spokesperson_speaks_for_the_organisation():
    text = ("The Northern Waters Council met on Monday. "
            "The council's spokesperson said the split was unchanged.")
    assert attributions(text)[1][:2] == ("Northern Waters Council", "said")


def test_reported_speech_inside_reported_speech_is_one_claim():
    got = attributions("He added that Marvessa had agreed to stop boarding vessels.")
    assert len(got) == 1 and got[0][1] == "added"


def test_an_apology_is_a_claim_and_so_is_what_follows_it():
    """ "apologised to customers and said ...": two claims, as the sample sets write them
    (data-breach, ferry-capsize, bridge-collapse, clinic-closure)."""
    got = attributions("Chief executive Henrik Dalberg apologised to customers and said the "
                       "company was working around the clock.")
    assert got == [("Henrik Dalberg", "apologised", "to customers"),
                   ("Henrik Dalberg", "said", "the company was working around the clock")]
    got = attributions("The authority said it was looking into the booking and apologised "
                       "for any confusion.")
    assert [(v, c) for _, v, c in got] == [("said", "it was looking into the booking"),
                                           ("apologised", "for any confusion")]


def test_reported_speech_after_an_aside_is_still_inside_the_claim():
    """ "said, however, that Kesmira had agreed only to ...": Kesmira's "agreed" is part of
    what the minister said, not a claim by Kesmira (border-shelling)."""
    got = attributions("Foreign Minister Lada Seren said, however, that Kesmira had agreed "
                       "only to a visit by monitors.")
    assert [(s, v) for s, v, _ in got] == [("Lada Seren", "said")]


def test_a_pronoun_can_point_back_inside_the_same_sentence():
    text = ("Green Tide said the water was dirty. Minister Annika Rosk admitted a flare was "
            "fired, but she denied that any shots were fired.")
    assert [s for s, _, _ in attributions(text)] == ["Green Tide", "Annika Rosk", "Annika Rosk"]


def test_rejecting_an_account_while_saying_something_is_two_claims():
    """The rejection answers the claim before it ("that account" is what is rejected, not a
    "that" clause); what follows "saying" is the speaker's own statement."""
    text = ("The water board said alerts went out at 1:40 a.m. Mayor Edda Farrow rejected that "
            "account, saying the first alert reached town hall at 2:50 a.m.")
    got = attributions(text)
    assert got[1:] == [("Edda Farrow", "rejected", "that account"),
                       ("Edda Farrow", "saying", "the first alert reached town hall at 2:50 a.m")]
    assert attributions("He said that claims of fraud were false.") == [
        ("He", "said", "claims of fraud were false")]  # here "that" is the clause's
    assert attributions("He claimed that the dam was safe, warning that critics were wrong.") \
        == [("He", "claimed", "the dam was safe, warning that critics were wrong")]


def test_two_people_joined_by_and_stay_two_people():
    got = attributions("Secretary of State Antony Blinken and Sergei Lavrov met in Geneva. "
                       "The secretary said talks were useful.")
    assert got[-1][:2] == ("Antony Blinken", "said")


def test_a_pronoun_after_a_sentence_about_someone_is_that_person():
    """ "Holtz refused to concede. '...,' she said": she is the one the sentence before was
    about where the last person who spoke is a "he" ("at his headquarters", "Mr")."""
    for maslen in ("Teodor Maslen told supporters at his headquarters that he had won.",
                   "Mr Teodor Maslen said he had won."):
        for holtz in ("Holtz refused to concede.", "Ms Holtz refused to concede."):
            text = f'Irena Holtz led early. {maslen} {holtz} "We will not accept it," she said.'
            assert [s for s, _, _ in attributions(text)][-1] == "Irena Holtz", text
    # whoever spoke last, where nothing says they are not the one the pronoun means
    for text, speaker in [
        ('Tom Reed, a spokesman for Piotr Maslen, said the count was fair. Irena Holtz has '
         'refused to concede. "It is time to move on," he said.', "Tom Reed"),
        ("Mark Lee, the family's lawyer, said they would appeal. Sarah Kim, the judge, had "
         "ruled on Friday. Kim found that police had no warrant. \"This ruling ignores the "
         "facts,\" he said.", "Mark Lee"),
        ("Health Minister Ewa Kowalski defended the plan. Anna Berg, the union's general "
         "secretary, said members were angry. Kowalski has refused to meet the union. \"She "
         "won't even take our calls,\" she said.", "Anna Berg"),
        ('Irena Holtz declared herself the winner. Teodor Maslen said he had won. Holtz\'s '
         'campaign refused to concede. "It is not over," he said.', "Teodor Maslen"),
    ]:
        assert [s for s, _, _ in attributions(text)][-1] == speaker, text


def test_the_statement_said_is_its_issuers():
    text = ("The Independent Election Monitoring Network said in its preliminary statement that "
            "polling had been peaceful. Its observers found no evidence of fraud, the statement "
            "said.")
    assert [s for s, _, _ in attributions(text)] == ["Independent Election Monitoring Network"] * 2
    text = ("The IEMN said in its preliminary statement that voting was orderly. The Interior "
            "Ministry reported 12 incidents. \"Observers saw no serious irregularities,\" the "
            "statement said.")
    assert attributions(text)[-1][0] == "IEMN"
    # not the organisation named last: one that only answers the report, or cites another's
    for text in ("Human Rights Watch published a report documenting 40 deaths. The Interior "
                 "Ministry rejected the findings. \"Security forces fired at protesters,\" the "
                 "report said.",
                 "Amnesty International said the police used excessive force, citing a report "
                 "by the United Nations. \"At least 40 people were killed,\" the report said."):
        assert attributions(text)[-1][0] not in ("Interior Ministry", "Amnesty International")


@pytest.mark.parametrize("text, speaker", [
    # an appositive before an auxiliary: not the place at its end
    ("Anneli Voss, the mayor of Dravnik, has denied that she hid the overrun.", "Anneli Voss"),
    # a description before the name is no part of it
    ("In a statement, the main contractor, Kalder Construction Group, said it billed "
     "correctly.", "Kalder Construction Group"),
    ("The opposition Dravnik Citizens' Movement has demanded an inquiry.",
     "Dravnik Citizens' Movement"),
    # "put ... at" a figure, quoted or after "since"
    ('Tomas Egerland spoke. Egerland put the overrun at "more than 80 percent" of the budget.',
     "Tomas Egerland"),
    ("Anneli Voss spoke. Voss has since put the likely total at 52 million crowns.",
     "Anneli Voss"),
    # a report's owner: "says", "by" after "published", and "The report" named before
    ("The Municipal Audit Office's final report, published on Monday, says 31 invoices were "
     "paid twice.", "Municipal Audit Office"),
    ("The Municipal Audit Office's final report came out on Monday. The report found that 31 "
     "invoices were paid twice.", "Municipal Audit Office"),
    ("The work will cost 56 million crowns, according to a preliminary report published on "
     "Wednesday by the Municipal Audit Office (MAO).", "Municipal Audit Office"),
    # a lowercase organisation after "according to"
    ("According to the water board, the dam was inspected in March.", "water board"),
    ("Final audit says the stadium will cost 59 million crowns", None),
])
def test_stadium_costs_patterns(text, speaker):
    assert attributions(text)[-1][0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a phrase after "according to" or "said" stops at a preposition
    ("According to a spokesman for the ministry, the bridge is safe.", "spokesman"),
    ("The bridge is safe, according to a statement from the ministry.", "ministry"),
    ('"We will appeal," said the company in a statement.', "company"),
    ('"It is safe," said the mayor at a news conference.', "mayor"),
    # a name set off after a role keeps the claim
    ("The mayor of Dravnik, Anneli Voss, has said the budget is sound.", "Anneli Voss"),
    ("The mayor of Dravnik, Anneli Voss, said the budget is sound.", "Anneli Voss"),
    ("The president of France, Emmanuel Macron, said the plan failed.", "Emmanuel Macron"),
    ("A lawyer for Jonas Falk, Sara Berg, has said he will appeal.", "Sara Berg"),
    # ...and a role, an age or a relative clause set off before "has said" is no speaker
    ("Tom Reed, spokesman for the union, has said the plan failed.", "Tom Reed"),
    ("John Smith, 45, has said the plan failed.", "John Smith"),
    ("Maria Lund, who chairs the committee, has said the plan failed.", "Maria Lund"),
    ("The union, which represents 4,000 drivers, has said the plan failed.", "union"),
    # a new report is not the one named before
    ("The Audit Office's report was published in May. A second report, commissioned by the "
     "contractor, was released on Friday. The report found costs were fair.", None),
    # a headline's adjective is no owner; an organisation's name is
    ("Leaked audit says stadium cost 74 million crowns", None),
    ("Reuters poll shows Lind ahead at 40 percent", "Reuters"),
])
def test_review_counter_examples(text, speaker):
    assert attributions(text)[-1][0] == speaker


def test_since_after_said_stays_in_the_claim():
    assert attributions("The mayor said since the vote, costs have doubled.")[0][2] == \
        "since the vote, costs have doubled"


@pytest.mark.parametrize("text, speaker", [
    # a headline's "Contractor" and a later "the company" are the one business the story names
    ("Contractor says overrun is the city's doing\n\nIn a statement, the main contractor, "
     "Kalder Construction Group, said it had billed correctly.", "Kalder Construction Group"),
    # ...not a business of another kind: an insurer is no operator
    ("Norvik Chemicals, the operator of the warehouse, said it was safe. The insurer said it "
     "would pay.", "insurer"),  # an insurer the story does not name
    ("Kalder Construction Group says it is owed money. The company also told the Courier that "
     "the stadium would open late.", "Kalder Construction Group"),
    ("Kalder Construction Group, the firm renovating the stadium, said costs rose. The firm "
     "said it was owed money.", "Kalder Construction Group"),
    # two businesses, or none: the words said
    ("Kalder Construction Group and Norvik Chemicals met. The company said it was not to "
     "blame.", "company"),
    ("Police said the fire started at night. The company said it was not to blame.", "company"),
])
def test_the_company_is_the_one_business_the_story_names(text, speaker):
    assert attributions(text)[0 if text.startswith("Contractor") else -1][0] == speaker


@pytest.mark.parametrize("text, speaker", [
    # the dateline names the city; "the city" speaks for its government
    ("DRAVNIK, Vessland, March 3 (VNA) - The stadium will cost 56 million crowns, the audit "
     "office said.\n\nThe city said it had no record of any refund.", "City of Dravnik"),
    ("Mayor of Dravnik Anneli Voss defended the budget.\n\nAccording to the city, only 12 "
     "of those were formal change orders.", "City of Dravnik"),
    ("Dravnik's city council met on Monday.\n\nThe hall will open in May, said the city.",
     "City of Dravnik"),
    # no city named, or two: "city", as written (another document may name it: `speakers`)
    ("The city said it had no record of any refund.", "city"),
    ("The mayor of Dravnik met the mayor of Kessen.\n\nThe city said it would pay.", "city"),
    # days, pronouns and a list that looks like a dateline are no city
    ("DRAVNIK, Vessland, March 3 (VNA) - Talks began.\n\nAt Tuesday's city council meeting, "
     "nothing was decided.\n\nThe city said it would pay.", "City of Dravnik"),
    ("\"Our city council has failed us,\" said one resident.\n\nThe city said it would pay.",
     "city"),
    ("UEFA, Vessland's football federation and the clubs will inspect the stadium.\n\nThe "
     "city said it would pay.", "city"),
    ("The mayor of Kessen spoke.\n\nThe town said the bridge would reopen.", "Town of Kessen"),
    # only "the city" itself: residents of a town are not the town
    ("DRAVNIK, Vessland, March 3 - Talks began.\n\nResidents of the old town said they were "
     "afraid.", None),
])
def test_the_city_is_the_one_city_the_story_names(text, speaker):
    assert attributions(text)[-1][0] == speaker


@pytest.mark.parametrize("text, speakers", [
    # a business's short name is the business the document names in full
    ("Galeforth Renewables has cut the number of turbines.\n\nGaleforth says the turbines "
     "will be 260 metres tall.", ["Galeforth Renewables"]),
    ("PORT ARDIS, Lorvania, June 2 (LPA) - Galeforth Renewables cut its plan, the company "
     "said.", ["Galeforth Renewables"]),
    # ...not where a person has that name too
    ("Sten Kalder runs Kalder Construction Group.\n\nKalder said the bill was right.",
     ["Sten Kalder"]),
    # names with "for the" and "and" inside them, and their short forms
    ("The Lorvanian Society for the Protection of Birds (LSPB) said it was opposed. The "
     "society says every bird was found near the turbines.",
     ["Lorvanian Society for the Protection of Birds"] * 2),
    ("Kasimir Drohl of the Maritime and Energy Workers' Union said that figure was wrong. The "
     "union estimates that 300 workers would be hired.",
     ["Kasimir Drohl", "Maritime and Energy Workers' Union"]),
    # a person of an organisation, with or without "the"
    ("Samir Halloran of Green Coast Alliance said the village was asked too much.",
     ["Samir Halloran"]),
    ("Ruth Calder of Tidewater Acoustics rejected the criticism, saying the study was sound.",
     ["Ruth Calder", "Ruth Calder"]),
    ("The Royal Bank of Scotland said profits rose.", ["Royal Bank of Scotland"]),
    ("The Department of Health and Human Services said it would act.",
     ["Department of Health and Human Services"]),
    ("Minister for the Environment Jane Doe said the plan was fine.", ["Jane Doe"]),
    # a spokesman named by an organisation's word speaks for it
    ("The Vellin Regional Planning Board will rule in July.\n\nA hearing is due, a board "
     "spokesman said.", ["Vellin Regional Planning Board"]),
])
def test_organisations_named_in_full_and_the_people_of_them(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, expected", [
    # the subject of a clause before "and/but said" says it
    ("Galeforth Renewables met the fishermen.\n\nGaleforth accepted the figure but said the "
     "spawning ground lies further east.", ("Galeforth Renewables", "said")),
    ("Police arrested two men on Monday and said more arrests were likely.",
     ("police", "said")),
    # "did say", "repeated that"
    ("Reszke did say that the farm would supply half the homes.", ("Reszke", "say")),
    ("He repeated that the cooperative had never received any written offer.",
     ("He", "repeated")),
    # no claim: "repeated the test", no subject before "and said"
    ("The board repeated the test.", (None, None)),
    ("Voters in the north and said nothing.", (None, None)),
    # a plural possessive ends the name: "Galeforth Renewables' wind farm"
    ("The cooperative says Galeforth Renewables' wind farm will close the grounds.\n\n"
     "Galeforth says the grounds lie further east.", ("Galeforth Renewables", "says")),
])
def test_coordinated_and_emphatic_reporting_verbs(text, expected):
    speaker, verb, _ = attributions(text)[-1]
    assert (speaker, verb) == expected


def test_our_reporters_are_the_outlet():
    from claims.attribute import outlet_name

    text = ("Our reporters found arithmetical errors in 38 protocols.\n\nOur reporters also "
            "found that Kalder billed the city twice.\n\nPolice found two bodies in the "
            "river.\n\n\"Our reporters found nothing,\" she said.")
    sentences = split_sentences(text)
    got = [(a.speaker, text[a.start:a.end]) for atts in
           attribute_sentences(sentences, "varnholm-gazette") for a in atts]
    assert got[:2] == [("Varnholm Gazette", "arithmetical errors in 38 protocols"),
                       ("Varnholm Gazette", "Kalder billed the city twice")]
    assert got[2][0] is None  # what the police found is no claim of theirs
    assert got[3][0] == "she"  # inside a quotation, "our" is the speaker's
    # without a known outlet, no one
    assert [a.speaker for atts in attribute_sentences(sentences) for a in atts][:2] == [None] * 2
    assert outlet_name("dravnik-courier") == "Dravnik Courier"
    assert outlet_name("Vessland Herald") == "Vessland Herald"


@pytest.mark.parametrize("text, speakers", [
    ('"We are on schedule," said Samir Halloran of Green Coast Alliance.', ["Samir Halloran"]),
    # "and" joins a name only after "the": two speakers are not one
    ("Talks between Sten Kalder and Harbour Workers' Union leaders collapsed. Kalder said "
     "talks would resume.", ["Sten Kalder"]),
    ("An energy spokesman said prices would rise.", ["energy spokesman"]),
    # a person of that name later in the document keeps the short form
    ("Kalder Construction will build the base. Kalder said it was on time. Sten Kalder, its "
     "founder, said more.", ["Sten Kalder", "Sten Kalder"]),
    # datelines without a date, with a day first or another agency
    ("SELVIK, Lorvania - Talks broke down. The city said it would pay.", ["City of Selvik"]),
    ("SELVIK, Lorvania, 29 June (Reuters) - Talks broke down. The city said it would pay.",
     ["City of Selvik"]),
])
def test_second_review_of_who_speaks(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, speaker", [
    ("The Tannery Road Residents' Association met on Monday.\n\nThe residents' association that "
     "represents neighbours of the Tannery Road Stadium says the city has abandoned the hall.",
     "Tannery Road Residents' Association"),
    ("The group that runs the shelter said it was full.", "group"),
    ("A man who lives near the port said he smelled smoke.", "man"),
    # an object relative is no subject of its own
    ("The report that the ministry published says costs rose.", None),
])
def test_a_relative_clause_between_a_subject_and_its_verb(text, speaker):
    assert attributions(text)[-1][0] == speaker


def test_the_company_is_the_business_named_so_far_or_last():
    """ "the company" where a second business comes later is the one named so far; "the
    consultancy" no one is called is the business named last before it."""
    got = attributions(
        "Galeforth Renewables said on Thursday that it would raise the compensation fund. "
        "The money would be paid over ten years to boats that fished the bank, the company "
        "said. The board published the study it commissioned from Halvard Ecology. The "
        "consultancy estimates that the 58 turbines would kill 900 seabirds a year.")
    assert [s for s, _, _ in got] == ["Galeforth Renewables", "Galeforth Renewables", None,
                                      "Halvard Ecology"]
    # two businesses named before "the company" and neither last: no guess
    got = attributions(
        "Galeforth Renewables and Halvard Ecology signed the contract. The planning board "
        "approved it. The company said the work would start in May.")
    assert got[-1][0] != "Galeforth Renewables" and got[-1][0] != "Halvard Ecology"


def test_a_headline_descriptor_is_the_organisation_the_story_names():
    got = attributions(
        "Contractor says overrun is the city's doing\n\nKalder Construction Group, the firm "
        "renovating the stadium, has rejected a newspaper's claim. The union said it was "
        "worried.")
    assert got[0][:2] == ("Kalder Construction Group", "says")
    got = attributions(
        "Bird society says test turbines killed 212 birds\n\nThe Lorvanian Society for the "
        "Protection of Birds says the two turbines killed at least 212 birds in 2026.")
    assert {s for s, _, _ in got} == {"Lorvanian Society for the Protection of Birds"}


def test_a_headline_role_is_the_one_person_the_story_gives_that_role():
    body = ("\n\nKesmira moved 2,000 troops to the border, Defence Minister Ilona Brask told "
            "parliament on Thursday.")
    got = attributions("Kesmira massed 2,000 troops, minister says" + body)
    assert got[0][:2] == ("Ilona Brask", "says")
    # two ministers: which one is not said (the first named need not speak)
    got = attributions("Kesmira massed 2,000 troops, minister says" + body + " Foreign "
                       "Minister Lada Seren said talks would go on.")
    assert got[0][0] == "minister"
    got = attributions("Strike will end by Friday, minister says\n\nUnions have been "
                       "negotiating with Finance Minister Ola Dahl for weeks over pay. Labour "
                       "Minister Lena Holm said on Tuesday the strike would end by Friday.")
    assert got[0][0] == "minister"
    # a role set before the name, lower-case, is hers too
    got = attributions("Minister says Veltmann broke its word\n\nArdenvale's economy minister, "
                       "Helena Brask, told KBC that Veltmann had broken its word.")
    assert [s for s, _, _ in got] == ["Helena Brask", "Helena Brask"]
    # not a former one's, nor the role of someone she met
    got = attributions("Minister says Veltmann broke its word\n\nThe former economy minister, "
                       "Helena Brask, told KBC that Veltmann had broken its word.")
    assert got[0][0] == "minister"
    got = attributions("Talks will go on, minister says\n\nAfter talks with the economy "
                       "minister, Helena Brask said the strike would continue. Economy Minister "
                       "Tomas Veld said talks would go on.")
    assert got[0][0] == "Tomas Veld"


def test_a_headline_role_and_a_second_report_in_the_headline():
    got = attributions(
        "Sedden Bridge: governor says twelve dead, lorry firm denies its truck was overweight"
        "\n\nThe governor of the Orsa Valley region, Katrin Dossel, says twelve people have "
        "died. Dreyer Haulage said its truck was not overweight. Governor Dossel said she had "
        "never been told.")
    # the role's holder by her full name, not the "Governor Dossel" that gives the role; the
    # words before the second report's speaker ("lorry firm") are not the first's content
    assert got[0] == ("Katrin Dossel", "says", "twelve dead")
    assert got[1][1:] == ("denies", "its truck was overweight")
    # the last items of a list stay in the content
    got = attributions("The mayor said the plan was costly, slow and the council said it would "
                       "vote on Friday.")
    assert got[0][2].startswith("the plan was costly, slow")


def test_a_role_at_an_organisation_is_the_whole_subject():
    # "the head of the agency" speaks, after what she says, not "the agency" after "head of"
    got = attributions("The line was live, the head of the agency told parliament.")
    assert got == [("head of the agency", "told", "The line was live")]
    got = attributions("The line was live, the director of the Kestrel Institute said.")
    assert got == [("director of the Kestrel Institute", "said", "The line was live")]
    # ...with her name after it, the role leads the subject and is no part of what she says
    got = attributions("The line was live, the head of the Energy Networks Authority, Ruth "
                       "Akerman, told parliament.")
    assert got == [("Ruth Akerman", "told", "The line was live")]
    # people of a place are no role at it; the mayor of the city speaks for the city
    assert attributions("The road was closed, the residents of the town said.")[0][0] is None
    assert attributions("The mayor of the city said the road was closed.")[0][:2] == (
        "city", "said")


def test_a_report_inside_what_someone_else_says_ends_where_their_wrapper_begins():
    got = attributions("The line was live hours after the company says it was switched off, "
                       "the regulator said.")
    assert ("company", "says", "it was switched off") in got
    assert ("regulator", "said", "The line was live hours after the company says it was "
            "switched off") in got


def test_the_group_is_the_body_the_story_called_a_group():
    got = attributions("Dana Whitlow, who chairs the patients' group Harnby Maternity Voices, "
                       "said the birth was avoidable. The group says at least four women have "
                       "been sent to Marrowgate.")
    assert got[-1] == ("Harnby Maternity Voices", "says",
                       "at least four women have been sent to Marrowgate")
    got = attributions("Harnby Maternity Voices, a parents' group, has campaigned against the "
                       "closure. The group says four women have been sent away.")
    assert got[-1][0] == "Harnby Maternity Voices"
    # a person with a role at a company is no company
    got = attributions("Anna Berg, the company's lawyer, said the plan was fine. The group "
                       "said it would appeal.")
    assert got[0][0] == "Anna Berg" and got[-1][0] != "Anna Berg"


def test_a_name_a_body_s_role_goes_with_is_that_body():
    # "the national grid operator Velgrid", "Silverbrook Care, the company that runs the
    # home": a body, and "the company" later is it
    got = attributions("The national grid operator Velgrid said it had cut power. The company "
                       "also acknowledged that 41,000 households were affected.")
    assert [s for s, _, _ in got] == ["Velgrid", "Velgrid"]
    got = attributions("Silverbrook Care, the company that runs the home, said it was sorry. "
                       "The company said it would cooperate.")
    assert [s for s, _, _ in got] == ["Silverbrook Care", "Silverbrook Care"]
    # a person's role is no body's, nor a role that people have too
    got = attributions("Anna Berg, a former company director, said the plan was fine. The "
                       "company said it would appeal.")
    assert got[0][0] == "Anna Berg" and got[1][0] != "Anna Berg"
    got = attributions("John Smith, a consultant, said the dam was safe. He said more.")
    assert [s for s, _, _ in got] == ["John Smith", "John Smith"]


def test_a_place_name_may_lead_a_lowercase_descriptor():
    for text in ("The boats landed fish worth 31 million florins, the Vellin fisheries "
                 "office said.",
                 "The Vellin fisheries office said the boats landed fish worth 31 million "
                 "florins."):
        assert attributions(text)[0][0] == "Vellin fisheries office"


def test_a_title_that_labels_what_follows_is_no_claim():
    got = attributions("Transcript: chief auditor Helga Rimmer on the stadium bill and the "
                       "mayor's figures\n\nThe audit office said the bill was 59 million crowns.")
    assert got == [("audit office", "said", "the bill was 59 million crowns")]
    # a labelled title that reports someone is still their claim
    assert attributions("Interview: Rosk says no shots were fired") == [
        ("Rosk", "says", "no shots were fired")]


@pytest.mark.parametrize("text, speaker", [
    # a role no one holds goes to a business only where its name fits the role
    ("Operator says ferry was seaworthy\n\nThe ferry is run by Nordsund Line. Investigators "
     "from Vessel Safety Partners boarded it on Monday.", "Operator"),
    ("Residents paid for a noise study by Lindqvist Acoustics. The operator said the turbines "
     "met every noise limit.", "operator"),
    ("Insurer says flood claims will be paid\n\nResidents said they had heard nothing from "
     "Gravik Logistics.", "Insurer"),
])
def test_a_role_no_one_holds_is_no_business_of_another_kind(text, speaker):
    assert attributions(text)[0 if text.startswith(("Operator", "Insurer")) else -1][0] \
        == speaker


def test_ferry_story_patterns():
    """Patterns from the ferry-capsize set (measured fresh at 2d6219e: 0.806/0.664)."""
    # a ferry line is a business: "the company" is it
    got = attributions("Heskline Ferries said the ship was seaworthy. The company denies that "
                       "the ferry was overloaded.")
    assert [s for s, _, _ in got] == ["Heskline Ferries", "Heskline Ferries"]
    # the coastguard is an organisation
    assert attributions("The coastguard said on Thursday that 26 people were now confirmed "
                        "dead.")[0][:2] == ("coastguard", "said")
    # a "she" in the sentence of a person it opens with is that person, not the last speaker
    got = attributions("Commander Piet Alvar of the coastguard said the lifeboat left at 8 "
                       "p.m. Lena Daskal, whose brother Mattis is among the missing, has set "
                       "up an association, which she said already had more than 80 members.")
    assert got[-1][0] == "Lena Daskal"
    # a name, its appositive and a long relative clause before the verb: the name
    got = attributions("Rutger Vann, Heskline's chief executive, who was heckled for almost "
                       "an hour at a meeting of the association at the Brackwater seamen's "
                       "mission on Wednesday evening, told the families that the company had "
                       "received the warning late.")
    assert got[0][:2] == ("Rutger Vann", "told")
    # "repeated on Thursday that": the harbourmaster repeats, not the officer he quotes
    got = attributions("The harbourmaster, Eirik Vosse, repeated on Thursday that Heskline's "
                       "duty officer had acknowledged the warning by radio at 17.25.")
    assert got[0][:2] == ("Eirik Vosse", "repeated")
    assert attributions("The lab repeated the test on Thursday.")[0][0] is None


@pytest.mark.parametrize("text, speaker", [
    ("Maria Olsen said the captain had phoned her at five. Anna Ruud, a survivor, was in the "
     "bar when the ship listed, she said.", "Maria Olsen"),
    ("Karl Weiss, a police spokesman, said the captain, Piet Omar, had been arrested. Omar, "
     "who survived, had been drinking, he said.", "Karl Weiss"),
])
def test_a_closing_pronoun_is_whoever_spoke_not_whom_the_sentence_is_about(text, speaker):
    assert attributions(text)[-1][0] == speaker


def test_an_insurer_speaks_and_now_may_stand_before_the_verb():
    got = attributions("Northmark Mutual said it had made payments. The insurer said the "
                       "remaining two claims were being checked.")
    assert [s for s, _, _ in got] == ["Northmark Mutual", "Northmark Mutual"]
    assert attributions("Heskline Ferries now says it received no storm warning before the "
                        "ship left.")[0][:2] == ("Heskline Ferries", "says")


def test_a_pronoun_before_anyone_has_spoken_is_the_person_the_sentence_opens_with():
    got = attributions("Teodor Brun has crossed from Hesk on the Friday evening ferry for six "
                       "years, and he says he had never seen the Corrin Star as full.")
    assert got[0][:2] == ("Teodor Brun", "says")


def test_by_someones_count_the_claim_is_theirs():
    got = attributions("The Ostrevian Seafarers' Union said the crew was short. By the "
                       "union's count, the Corrin Star had not had a full inspection for 17 "
                       "months.")
    assert got[-1][:2] == ("Ostrevian Seafarers' Union", "according to")
    assert got[-1][2].startswith("the Corrin Star had not had")
    got = attributions("Ingrid Fell said the ship was crowded. By her account, the ship had "
                       "been leaning for twenty minutes.")
    assert got[-1][0] == "Ingrid Fell"
    assert attributions("By Tuesday, the ferry had been raised.")[0][0] is None



@pytest.mark.parametrize("text, speakers", [
    # an office named with "of the": the office speaks, not the last person to
    ("Chief executive Henrik Dalberg said the company was working hard. The Office of the Data "
     "Commissioner said the breach was the largest ever reported.",
     ["Henrik Dalberg", "Office of the Data Commissioner"]),
    ("Officials at the Ministry of the Interior said the border was open.",
     ["Ministry of the Interior"]),
    # a spokesman for a titled office no one holds is the office the document names
    ("Chief executive Henrik Dalberg apologised to customers. The company had informed the "
     "Office of the Data Commissioner on Friday. A spokesman for the Data Commissioner "
     "confirmed that the office had been notified.",
     ["Henrik Dalberg", "Office of the Data Commissioner"]),  # (an apology is a claim)
    # a business named with a word that also titles people ("Energy Minister"), in an
    # appositive; "the company" later is that business
    ("DRELLIN, Carvenia, March 8 (CPS) - Tarrow Energy, Carvenia's second-largest electricity "
     "and gas supplier, said on Monday that hackers had stolen the data. No passwords were "
     "taken, the company said.", ["Tarrow Energy", "Tarrow Energy"]),
    # still a person's description where the words are not a titled office
    ("Tomas Hallvik said the ship was stable. The 52-year-old captain said the crew was "
     "ready.", ["Tomas Hallvik", "Tomas Hallvik"]),
])
def test_offices_and_businesses_named_with_title_words(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a participle between a subject and its verb, an object or a place after it
    ("The union representing Tarrow Energy's IT staff says years of cost-cutting left the "
     "company exposed. Beata Lund, general secretary of the Carvenian Union of Technical "
     "Staff, said the team was cut.",
     ["union", "Beata Lund"]),  # (a union named later may be another: "the court" / "...
    # appeal to the Supreme Court")
    ("The group running the shelter said it was full.", ["group"]),
    ("Officials speaking on Monday said the bridge was closed.", []),  # no head of a name
    # "the company" after a sentence that names one business by its first word
    ("The union said Tarrow Energy had cut its team and handed night monitoring to a "
     "contractor, Veradyne Services. Veradyne did not comment. Tarrow rejects that account. "
     "The company says no alert was raised before March 4.",
     ["union", "Tarrow Energy", "Tarrow Energy"]),
    # ...where the last sentence to name a business names the other one, that one
    ("The union said Tarrow Energy had cut its team and handed night monitoring to a "
     "contractor, Veradyne Services. Veradyne did not comment. The company says no alert was "
     "raised before March 4.",
     ["union", "Veradyne Services"]),
])
def test_participles_before_the_verb_and_businesses_named_by_their_first_word(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, speakers", [
    # a person titled by an institution "of" somewhere is a person
    ("Bank of England Governor Andrew Bailey said rates would fall. Bailey added that prices "
     "were steady.", ["Andrew Bailey", "Andrew Bailey"]),
    ("Office of the Data Commissioner head Anna Fisk said the office was told.", ["Anna Fisk"]),
    # a noun ending in -ing is no participle
    ("The EU fishing commissioner said the quota would fall.", ["EU fishing commissioner"]),
    ("The Dravnik planning committee said the hall would open.",
     ["Dravnik planning committee"]),
    # a participle's clause with a reporting verb of its own ends the subject there
    ("Residents living near the plant say the company admitted the leak last year.",
     ["Residents"]),  # (not "Residents" admitted it too)
    # a participle after an object of "for", "of": not the subject
    ("A lawyer for the man facing charges said he would plead not guilty.", []),
    # a bare descriptor is not an organisation of that kind named later
    ("The court said the contract was void. The firm will appeal to the Supreme Court.",
     ["court"]),
    ("The hospital said two patients had died. The survivors were later moved to Kellbrook "
     "General Hospital.", ["hospital"]),
    # a titled office: the person the document names in it, here or later, before any office
    ("The Mayor said the road would close. The Office of the Mayor issued a statement. Mayor "
     "Anneli Voss has led the city since 2020.", ["Anneli Voss"]),
    # ...and no earlier speaker, who may be anyone ("Jonas Berg, 54, said ... The Mayor said")
    ("Jonas Berg, 54, said the tap water had been brown for a week. The Mayor said the water "
     "was safe to drink.", ["Jonas Berg", "mayor"]),
    # participles with a bare object; two bodies listed before a party
    ("The union representing nurses said the strike would go ahead.", ["union"]),
    ("Doctors treating patients at the hospital said beds were full.", ["Doctors"]),
    ("The Liberal Democrats and Green Party said they would vote against the budget. The Green "
     "Party said the cuts would hit schools hardest.", ["Green Party", "Green Party"]),
    # an adjective before an organisation's word is no part of its name
    ("The Rail Safety Board opened an inquiry. The independent board said the signal failed.",
     ["Rail Safety Board"]),
    # "&" between two people, or before a title, joins no name
    ("Mayor Anneli Voss & Deputy Mayor Karl Brandt visited the site. Voss said it was safe.",
     ["Anneli Voss"]),
])
def test_second_review_counter_examples_of_this_stop(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, speakers", [
    # names with "and" after two capitalised words, and with "&"
    ("VESSEN, Kaldria, August 15 (KPA) - A wildfire broke out in dry grass, the Kaldrian Fire "
     "and Rescue Service said.", ["Kaldrian Fire and Rescue Service"]),
    ("The Kessen Council and Dravnik Council said it was fine.", ["Dravnik Council"]),
    ("The Vessen law firm Brodt & Partners said it was preparing a claim.",
     ["Brodt & Partners"]),
    ("Felix Ortmann, a lawyer whose firm Ortmann & Sale is organising a class action, said "
     "the data was exposed.", ["Felix Ortmann"]),
    # a role somewhere, then the name
    ("Its coordinator in Vessen, Paulo Renn, said the charity needed bedding.", ["Paulo Renn"]),
    ("Brennick municipality said on Tuesday that 2,400 people had been evacuated.",
     ["Brennick municipality"]),
    # "the weather service" is not the one "Fire and Rescue Service" named before
    ("The Kaldrian Fire and Rescue Service said the fire was contained. The weather service "
     "said the wind would drop.",
     ["Kaldrian Fire and Rescue Service", "weather service"]),
    # a utility is a business; an action group is none
    ("The Brennick Fire Action Group said the line was live. Harlen Power said it had "
     "switched the line off. The company said it had received the warning at 11:40.",
     ["Brennick Fire Action Group", "Harlen Power", "Harlen Power"]),
])
def test_wildfire_story_patterns(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, speakers", [
    # "It said" opening a sentence: the organisation that spoke last
    ("The fire service said the fire was out.\n\nIt said six planes were deployed.",
     ["fire service", "fire service"]),
    ("Tarrow Energy said the data was safe. It also acknowledged for the first time that bank "
     "account numbers were stolen.", ["Tarrow Energy", "Tarrow Energy"]),
    # ...not after a person, nor inside a clause ("the attack it disclosed last week")
    ("Anna Berg said the fire was out. It said more planes would come.", ["Anna Berg"]),
    ("Tarrow Energy said 4.2 million customers were hit in the attack it disclosed last week.",
     ["Tarrow Energy"]),
])
def test_it_said_is_the_organisation_that_spoke_last(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


def test_people_an_organisation_was_named_with_speak_for_it_again():
    got = attributions("Investigators from the Kaldrian Fire and Rescue Service said the fire "
                       "started under the line. The investigators said they were examining "
                       "the line.")
    assert [s for s, _, _ in got] == ["Kaldrian Fire and Rescue Service"] * 2
    # ...not people of no organisation named so
    got = attributions("Investigators said the fire started under the line. The "
                       "investigators said they were examining the line.")
    assert [s for s, _, _ in got] == ["Investigators", "investigators"]
    # "Fire officials": the one organisation with "Fire" in its name, past its first word;
    # not a place's officials, nor "hospital officials"
    got = attributions("VESSEN, Kaldria, August 15 (KPA) - A wildfire broke out, the Kaldrian "
                       "Fire and Rescue Service said. Fire officials said 1,200 hectares had "
                       "burned. Lundar officials said the survey was wrong.")
    assert [s for s, _, _ in got] == ["Kaldrian Fire and Rescue Service"] * 2 + [
        "Lundar officials"]


def test_a_first_word_that_is_also_a_persons_name_names_no_business():
    got = attributions("Mark Tarrow founded Tarrow Energy. It hired a contractor, Veradyne "
                       "Services, for night monitoring. Tarrow rejects that account. The "
                       "company says no alert was raised.")
    assert [s for s, _, _ in got][-2:] == ["Mark Tarrow", "Veradyne Services"]


def test_saying_after_a_speakers_own_verb_is_a_second_claim_of_that_speaker():
    assert attributions("Sten Kalder denied that any subcontractor was owed money, saying all "
                        "payments were up to date.") == [
        ("Sten Kalder", "denied", "any subcontractor was owed money"),
        ("Sten Kalder", "saying", "all payments were up to date")]
    # what reports warn of is part of the claim, not a claim of its own
    assert attributions("He claimed that the government had ignored two engineering reports, "
                        "warning that the embankment was weakening.") == [
        ("He", "claimed", "the government had ignored two engineering reports, warning that "
                          "the embankment was weakening")]


@pytest.mark.parametrize("text, expected", [
    # "that" alone is what was said before; what follows "saying" is the speaker's own claim
    ("Galeforth denied that, saying trawling would only be restricted near each turbine.",
     [("Galeforth", "denied", "that"),
      ("Galeforth", "saying", "trawling would only be restricted near each turbine")]),
    # past an appositive to the speaker
    ("Anneli Voss, the mayor of Dravnik, has denied that she concealed an overrun, saying she "
     "first saw the figures in June.",
     [("Anneli Voss", "denied", "she concealed an overrun"),
      ("Anneli Voss", "saying", "she first saw the figures in June")]),
])
def test_a_denial_then_saying_is_two_claims_of_one_speaker(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tarrow categorically denied the report.", [("Tarrow", "denied", "the report")]),
    # a figure's comma is no end of the appositive
    ("Morrow, whose group has collected about 2,300 signatures against the substation, said "
     "the company had measured from the wrong place.",
     [("Morrow", "said", "the company had measured from the wrong place")]),
])
def test_an_adverb_or_a_figure_between_speaker_and_verb(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize("text", [
    # a participle appositive: the verb after it goes unread, so no claim is cut out of it
    "The company, based in Bergen, said 300 jobs would go, adding that the plant would close.",
    # several subjects: no one of them says it
    "Farrow, Kovar and Lund signed the letter, saying the plant should close.",
])
def test_no_participle_claim_where_its_speaker_is_unclear(text):
    assert attributions(text) == [(None, None, text.rstrip("."))]


def test_adding_to_is_no_second_claim():
    assert attributions("The ministry said the water was safe, adding to the confusion.") == [
        ("ministry", "said", "the water was safe, adding to the confusion")]


@pytest.mark.parametrize("text, expected", [
    # a long aside after a name: a role with a clause of its own
    ("Felix Ortmann, a lawyer whose firm Ortmann & Sale is organising a class action on behalf "
     "of Tarrow customers, said 38,000 people had signed up.",
     [("Felix Ortmann", "said", "38,000 people had signed up")]),
    # a relative clause with a list inside it
    ("Trask Facility Services, which employs most of the contract cleaners, fitters and "
     "warehouse staff at the site, said it had not been told.",
     [("Trask Facility Services", "said", "it had not been told")]),
    ("The union, which represents drivers, guards and cleaners, has said it will strike.",
     [("union", "said", "it will strike")]),
    # whom the speaker is of, before a verb joined to "but said"
    ("Sofia Reinholt of the metalworkers' union welcomed the offer but said it would save too "
     "few jobs.", [("Sofia Reinholt", "said", "it would save too few jobs")]),
    # people named by what they do, in the plural
    ("Two suppliers told the Herald they had been warned in April.",
     [("two suppliers", "told", "they had been warned in April")]),
    ("The shells came from the north-east, international monitors said on Thursday.",
     [("international monitors", "said", "The shells came from the north-east")]),
    # people of an organisation, with a relative clause of their own before the verb
    ("Researchers at Merrow University who mapped the burn scar from satellite images said "
     "about 9,100 hectares had burned.",
     [("Merrow University", "said", "about 9,100 hectares had burned")]),
    ("On Thursday, international monitors who reached the summit said the soldiers had dug "
     "in.", [("international monitors", "said", "the soldiers had dug in")]),
])
def test_long_asides_lists_and_people_named_by_what_they_do(text, expected):
    assert attributions(text) == expected


@pytest.mark.parametrize("text, speakers", [
    # people named for what the one organisation of that name does speak for it
    ("The International Border Monitoring Mission opened an office in Vell. The shells came "
     "from the north-east, international monitors said. Monitors also reported tanks.",
     ["International Border Monitoring Mission", "International Border Monitoring Mission"]),
    ("The National Health Inspectorate visited the unit. The inspectors said the rota was "
     "unsafe.", ["National Health Inspectorate"]),
    ("The Municipal Audit Office published its report. The auditors said costs had doubled.",
     ["Municipal Audit Office"]),
    # not the people the organisation is named after: monitors are no newspaper
    ("The Daily Monitor reported the count. Monitors said the vote was fair.",
     ["Daily Monitor", "Monitors"]),
    # a mission is an organisation, its short form the one named
    ("The International Border Monitoring Mission opened an office. The mission said the "
     "soldiers had left.", ["International Border Monitoring Mission"]),
])
def test_people_named_for_what_an_organisation_does(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers


@pytest.mark.parametrize("text, speakers", [
    # people are mapped only to what they do: not "officers" to an Office, "journalists" to a
    # Journal, "engineers" to a business named for its trade
    ("The Foreign Office summoned the ambassador. The shells hit the school, officers said.",
     ["officers"]),
    ("The Harbour Journal reported the count. Journalists said they had been beaten.",
     ["Harbour Journal", "Journalists"]),
    ("Kalder Engineering built the dam. Engineers said the dam was safe.", ["Engineers"]),
    ("The Maritime Accident Investigation Office opened an inquiry. Investigators said the "
     "door was open.", ["Maritime Accident Investigation Office"]),
    # people named after someone else's: not the passengers nor the protesters
    ("Relatives of the passengers said the airline had not called them.", []),
    ("Lawyers for the protesters said the arrests were unlawful.", []),
    # a quantifier of people is no name to speak for
    ("Most of the workers accepted the offer but said they would strike again.", []),
    # people who are an object, before their relative clause, are not the subject
    ("Police confronted protesters who threw stones and said 12 officers were hurt.",
     ["police"]),
    # things, not people
    ("Officials denied the leak, but sensors confirmed ammonia levels of 4 mg per litre.",
     ["Officials"]),
    # a long aside after an object, then an inverted "said the union"
    ("Police arrested Tomas Veld, a teacher who had organised the march and was released "
     "without charge after two nights in a cell at the central police station, said the "
     "union.", ["union"]),
])
def test_review_counter_examples_of_people_and_long_asides(text, speakers):
    assert [s for s, _, _ in attributions(text) if s] == speakers
