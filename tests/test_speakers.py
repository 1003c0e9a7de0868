"""An organisation's short form in an outlet that never names it in full is read as the one
full name other documents give it."""

from __future__ import annotations

from claims.pipeline import ingest
from claims.speakers import canonical, kinds, short_form
from claims.store import Store

FULL = "Kessenmark Regional Electoral Commission"


def test_short_forms_are_organisations_named_by_what_they_are():
    assert short_form("commission")
    assert short_form("regional electoral commission")
    assert short_form("Kessenmark's electoral commission")
    assert short_form("Commission")  # a headline's capital
    assert short_form("The commission")
    assert not short_form(FULL)
    assert not short_form("residents")  # a group of people, no one name
    assert not short_form("Irena Holtz")


def test_a_short_form_takes_the_one_full_name_with_all_its_words():
    labels = ["commission", "regional electoral commission", "Kessenmark's electoral commission",
              FULL, "Irena Holtz", "court"]
    names = canonical(labels, ["Administrative Court of Varnholm", "Supreme Court"])
    assert names == {"commission": FULL, "regional electoral commission": FULL,
                     "Kessenmark's electoral commission": FULL}  # two courts: "court" stays
    # a modifier the full name lacks is another organisation
    assert canonical(["national electoral commission"], [FULL]) == {}
    # "the ministry" is the Ministry of Health only where no other ministry speaks
    assert canonical(["ministry"], ["Ministry of Health"]) == {"ministry": "Ministry of Health"}
    assert canonical(["ministry"], ["Ministry of Health", "Ministry of Finance"]) == {}
    # an apostrophe after a plural is no part of the word; a possessive is no full name
    assert canonical(["workers’ union"], ["Rail Workers' Union"]) == {
        "workers’ union": "Rail Workers' Union"}
    assert canonical(["commission"], ["Kessenmark Commission’s"]) == {}
    # a mission and an inspectorate are organisations too
    assert canonical(["mission"], ["International Border Monitoring Mission"]) == {
        "mission": "International Border Monitoring Mission"}
    assert canonical(["inspectorate"], ["National Health Inspectorate"]) == {
        "inspectorate": "National Health Inspectorate"}
    # "the union" is a federation of unions too, where the story has one and no union
    assert canonical(["union"], ["Kestrian Metalworkers' Federation"]) == {
        "union": "Kestrian Metalworkers' Federation"}
    assert canonical(["union"], ["Kestrian Metalworkers' Federation", "Rail Workers' Union"]) \
        == {"union": "Rail Workers' Union"}
    assert canonical(["federation"], ["Rail Workers' Union"]) == {}  # (not the other way)


def test_a_name_the_texts_call_a_party_is_what_the_party_means():
    names = ["Kessenmark First", "Party of Labour and Progress", "Irena Holtz"]
    called = kinds(names, ["The commission rejected claims by the Kessenmark First party."])
    assert called == {"Kessenmark First": "party"}
    text = "Kessenmark First insists turnout was low. The party also claims fraud."
    assert canonical(["party"], names, text, called) == {"party": "Kessenmark First"}
    # where the document names the other party's words too, "the party" stays as it is
    both = text + " The Labour and Progress campaign disagreed."
    assert canonical(["party"], names, both, called) == {}


def test_a_persons_or_places_body_is_no_named_party():
    assert kinds({"Maslen", "Varnholm"}, ["The Maslen administration took office. The Varnholm "
                                          "council voted."]) == {}


def test_the_document_must_use_a_word_the_full_name_adds():
    # the short form's own name is topic enough; a headline's capital is not
    full = "Kessenmark Regional Electoral Commission"
    assert canonical(["Kessenmark's electoral commission"], [full],
                     "Kessenmark's electoral commission has rejected the claim.") == {
        "Kessenmark's electoral commission": full}
    assert canonical(["Commission"], [full], "Commission rejects claim.") == {}
    # one common word is not enough: a teachers' union is no Rail Workers Union
    assert canonical(["union"], ["Rail Workers Union"],
                     "The union said 300 workers had joined the teachers' strike.") == {}
    names = ["Norrland Rail Safety Board"]
    school = "The board said the new school would open in August."
    assert canonical(["board"], names, school) == {}
    rail = "The board said the Norrland line would reopen on Monday."
    assert canonical(["board"], names, rail) == {"board": "Norrland Rail Safety Board"}
    # "the city" of a document that names no city is the city another document names, where
    # this one mentions it
    dravnik = "A Dravnik Courier review found 57 invoices. The city said it had asked for an audit."
    assert canonical(["city"], ["City of Dravnik"], dravnik) == {"city": "City of Dravnik"}
    assert canonical(["city"], ["City of Dravnik"], "The city said it would pay.") == {}
    assert canonical(["city"], ["City of Dravnik", "City of Kessen"], dravnik) == {
        "city": "City of Dravnik"}  # the one this document mentions
    # a short form with a word besides its head needs no more: "the fire service" is the one
    # "Kaldrian Fire and Rescue Service" (a bare "board" above needs the story's words)
    assert canonical(["fire service"], ["Kaldrian Fire and Rescue Service"],
                     "The fire service said the fire had burned 2,100 hectares.") == {
        "fire service": "Kaldrian Fire and Rescue Service"}
    assert canonical(["fire service"], ["Kaldrian Fire and Rescue Service",
                                        "Oska Fire Service"], "The fire service said so.") == {}
    assert canonical(["city"], ["Manchester City"], "The city said Manchester City would "
                     "play.") == {}  # a club is no city
    both = "The mayors of Dravnik and Kessen met. The city said it would pay."
    assert canonical(["city"], ["City of Dravnik", "City of Kessen"], both) == {}


def test_a_short_form_left_short_is_the_one_full_name_its_story_gives():
    from claims.speakers import story_forms
    from claims.stories import document_names

    texts = {
        "wire": "Tarrow Energy said 1.2 million Carvenian customers were hit. The Carvenian "
                "Union of Technical Staff said Tarrow had cut its security team to 19.",
        "radio": "The union representing Tarrow Energy's IT staff says cuts at Tarrow left "
                 "its customers exposed.",
        "school": "The union said 300 teachers in Vellmar had joined the strike at Oskar Lind "
                  "school.",  # another story, another union
    }
    labels = {"wire": {"Tarrow Energy", "Carvenian Union of Technical Staff"},
              "radio": {"union"}, "school": {"union"}}
    told = document_names(texts.items())
    names = story_forms(labels, texts)  # the documents' names and organisations: its own
    assert names[("radio", "union")] == "Carvenian Union of Technical Staff"
    assert ("school", "union") not in names
    # the radio's words alone ("staff", no "Carvenian" or "technical") were not enough
    assert canonical({"union"}, labels["wire"], texts["radio"]) == {}
    # two unions in the story: which one, nobody can tell
    two = labels | {"wire": labels["wire"] | {"Carvenian Union of Clerks"}}
    assert ("radio", "union") not in story_forms(two, texts, told=told)
    # a union named only as whom a speaker speaks for is named all the same
    from claims.attribute import named_organisations

    texts["wire"] = ("Tarrow Energy said 1.2 million customers were hit. Beata Lund of the "
                     "Carvenian Union of Technical Staff said Tarrow had cut its team to 19.")
    labels["wire"] = {"Tarrow Energy", "Beata Lund"}
    named = {doc: named_organisations(text) for doc, text in texts.items()}
    assert "Carvenian Union of Technical Staff" in named["wire"]
    assert ("radio", "union") not in story_forms(labels, texts, told=told, named={})
    assert story_forms(labels, texts, told=told, named=named)[("radio", "union")] == \
        "Carvenian Union of Technical Staff"
    # ...but not every body a document names, nor a story told by a document with no names
    assert named_organisations("European Union rules apply to the port.") == set()
    bare = {"wire": texts["wire"], "strike": "Teachers walked out over pay. The union said the "
                                             "strike would go on."}
    assert story_forms({"wire": labels["wire"], "strike": {"union"}}, bare, named=named) == {}


def test_ingest_names_an_organisation_once_across_outlets(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "radio").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(
        "The Norrland Rail Safety Board said on Monday that the signal had failed twice.\n")
    (tmp_path / "radio" / "b.txt").write_text(
        "The safety board said the driver on the Norrland line had not been warned.\n")
    ingest([str(tmp_path / "wire"), str(tmp_path / "radio")], str(tmp_path / "index"),
           relate=False)
    claims = Store.open(tmp_path / "index").claims()
    radio = claims.filter(claims["content"].str.contains("driver")).row(0, named=True)
    assert radio["speaker"] == "Norrland Rail Safety Board"
    assert radio["mention"] == "The safety board"


def test_a_later_ingest_finds_the_full_name_in_the_store(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The Norrland Rail Safety Board said on Monday that the signal had failed twice.\n")
    (tmp_path / "b.txt").write_text(
        "The safety board said the driver on the Norrland line had not been warned.\n")
    (tmp_path / "c.txt").write_text(
        "The board said the new school would open in August.\n")  # another story's board
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a.txt")], index, relate=False)
    ingest([str(tmp_path / "b.txt"), str(tmp_path / "c.txt")], index, relate=False)
    claims = Store.open(index).claims()
    speaker = {row["content"].split()[1]: row["speaker"] for row in claims.iter_rows(named=True)}
    assert speaker["driver"] == "Norrland Rail Safety Board"
    assert speaker["new"] == "board"


def test_a_later_batch_of_one_ingest_finds_the_full_name(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The Norrland Rail Safety Board said on Monday that the signal had failed twice.\n")
    (tmp_path / "b.txt").write_text(
        "The safety board said the driver on the Norrland line had not been warned.\n")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], index, relate=False,
           batch_documents=1)  # one document per batch: the full name comes first
    claims = Store.open(index).claims()
    assert set(claims["speaker"].to_list()) == {"Norrland Rail Safety Board"}


def test_a_one_word_name_is_the_one_organisation_it_begins():
    """A wire record that only ever says "Galeforth", where another document names the
    company in full; not a person's surname ("Kalder", where Sten Kalder speaks)."""
    names = {"Galeforth Renewables", "Sten Kalder", "Kalder Construction Group",
             "Port Ardis Fishermen's Cooperative"}
    assert canonical({"Galeforth"}, names) == {"Galeforth": "Galeforth Renewables"}
    assert canonical({"Kalder"}, names) == {}
    assert canonical({"Port"}, names | {"Port Authority"}) == {}  # two organisations
    assert canonical({"Reszke"}, names) == {}  # no organisation begins with it
    # the group itself, not its parts; a carmaker is a company
    group = {"Veltmann Automotive", "Veltmann Marsk Ltd", "Veltmann Marsk Pension Fund"}
    assert canonical({"Veltmann"}, group) == {"Veltmann": "Veltmann Automotive"}
    assert canonical({"Veltmann"}, {"Veltmann Marsk Ltd", "Veltmann Szeret Ltd"}) == {}
    assert canonical({"Samsung"}, {"Samsung Biologics", "Samsung Electronics Co"}) == {}
    assert canonical({"Veltmann"}, {"Veltmann Automotive", "Veltmann Marsk pension fund"}) \
        == {"Veltmann": "Veltmann Automotive"}  # the one company, and a part of it
    # companies by their trade: infrastructure, haulage (not a public service's "care")
    assert canonical({"Seltra", "Valdane"}, {"Seltra Infrastructure", "Valdane Primary Care"}) \
        == {"Seltra": "Seltra Infrastructure"}
    # a place is no police force named after it
    assert canonical(["Kessenmark"], ["Kessenmark National Police"]) == {}


def test_the_police_are_the_one_police_force_named_in_full():
    assert short_form("police")
    assert canonical(["police"], ["Orsa Valley Police"]) == {"police": "Orsa Valley Police"}
    assert canonical(["police"], ["Orsa Valley Police", "Halvik City Police"]) == {}


def test_the_coastguard_is_the_one_coastguard_named_in_full():
    assert short_form("coastguard")
    assert canonical(["coastguard"], ["Ostrevian Coastguard"]) == {
        "coastguard": "Ostrevian Coastguard"}


def test_people_named_for_their_work_are_the_one_body_of_their_story_that_does_it():
    from claims.speakers import story_forms

    texts = {
        "wire": "The International Border Monitoring Mission said its patrol found soldiers on "
                "Sokol Hill above Brezna.",
        "tribune": "Monitors say Kesmiran troops still on Sokol Hill\n\nInternational monitors "
                   "who reached the summit of Sokol Hill above Brezna found soldiers.",
        "school": "Inspectors say Oskar Lind school is failing\n\nThe inspectors visited in "
                  "May.",  # another story, and nobody named for inspecting
    }
    labels = {"wire": {"International Border Monitoring Mission"},
              "tribune": {"Monitors", "International monitors"}, "school": {"Inspectors"}}
    names = story_forms(labels, texts)
    assert names[("tribune", "Monitors")] == "International Border Monitoring Mission"
    assert names[("tribune", "International monitors")] == \
        "International Border Monitoring Mission"
    assert ("school", "Inspectors") not in names
    # two bodies of the story that monitor: which one, nobody can tell
    labels["wire"] = labels["wire"] | {"Sokol Monitoring Network"}
    assert ("tribune", "Monitors") not in story_forms(labels, texts)


def test_a_name_without_its_country_is_the_one_longer_name_of_its_story():
    from claims.speakers import story_forms

    texts = {
        "tv": "The Kestrian Meteorological Institute said Monday was the hottest day in Valdane.",
        "wire": "The Meteorological Institute confirmed that Monday in Valdane was a record.",
        "farm": "The Meteorological Institute said the harvest in Orsk would be late.",
    }
    labels = {"tv": {"Kestrian Meteorological Institute"}, "wire": {"Meteorological Institute"},
              "farm": {"Meteorological Institute"}}
    told = {"tv": frozenset({"Valdane", "Kestrian"}), "wire": frozenset({"Valdane"}),
            "farm": frozenset({"Orsk"})}
    names = story_forms(labels, texts, told=told, named={})
    assert names[("wire", "Meteorological Institute")] == "Kestrian Meteorological Institute"
    assert ("farm", "Meteorological Institute") not in names  # another story
    # two longer names it ends: which one, nobody can tell
    labels["tv"] = labels["tv"] | {"Lorvanian Meteorological Institute"}
    assert ("wire", "Meteorological Institute") not in story_forms(labels, texts, told=told,
                                                                  named={})


def test_a_countrys_defence_foreign_or_interior_ministry_goes_by_its_formal_name():
    from claims.speakers import formal_ministries

    texts = ["Kesmiran guns fired on Aldravian troops. Aldravia said so; Lessany hosted talks."]
    assert formal_ministries(["Kesmira's defence ministry", "Aldravian interior ministry",
                              "Lessany's foreign ministry", "the Vell defence ministry",
                              "Aldravian ministry", "Kesmira's economy ministry"], texts) == {
        "Kesmira's defence ministry": "Kesmiran Ministry of Defence",  # the texts' adjective
        "Aldravian interior ministry": "Aldravian Ministry of the Interior",
        "Lessany's foreign ministry": "Lessany Ministry of Foreign Affairs"}  # none: the name
    # (a city's, no area, or a ministry named differently from country to country: as it was)
    assert formal_ministries(["Turkey's defence ministry", "its defence ministry"],
                             ["Turkish troops"]) == {
        "Turkey's defence ministry": "Turkish Ministry of Defence"}
