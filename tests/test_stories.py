"""Which documents tell one story (claims.stories), and that claims of two stories are never
paired in one store."""

from __future__ import annotations

from claims.stories import document_names, same_story


def test_names_are_capitalised_words_never_written_in_lower_case():
    rows = [("a", "Norvik Chemicals said the fire at its Velmora warehouse was out."),
            ("a", "Three workers from Norvik were taken to Velmora General Hospital."),
            ("b", "Police said a general hospital in Kellbrook treated 27 people for chemicals."),
            ("b", "Kellbrook officials said the Tessel Dam held and the dam was safe, Mayor Edda "
                  "Farrow said."),
            ("c", "Edda Kovar, the mayor of Brennick, said the fire was out.")]
    names = document_names(rows)
    # "General", "Hospital" and "Chemicals" are written in lower case too; "Police" and
    # "Three" only start a sentence ("Norvik" is written inside one too); "Edda", before two
    # names ("Edda Farrow", "Edda Kovar"), is a given name, shared by chance
    assert names["a"] == {"Norvik", "Velmora"}
    assert names["b"] == {"Kellbrook", "Tessel", "Farrow"}
    assert names["c"] == {"Kovar", "Brennick"}
    assert document_names(rows[3:4])["b"] == {"Tessel", "Edda", "Farrow"}  # one Edda


def test_a_place_before_two_names_is_no_given_name_when_it_is_also_written_alone():
    rows = [("a", "Boats at Brennick Marina burned, the Brennick Herald said."),
            ("b", "The fire in Brennick reached Oska, Tomas Lind said."),
            ("c", "Tomas Berg, the mayor of Oska, said Brennick would be rebuilt.")]
    names = document_names(rows)
    assert "Brennick" in names["a"] & names["b"] & names["c"]
    assert "Tomas" not in names["b"] | names["c"]  # before two names, never alone
    # a given name's possessive is no place: "Edda's bakery"
    rows = [("dam", "Edda Farrow, a nurse in Velmora, said the dam broke."),
            ("fire", "Edda Kovar, who runs the shelter in Oska, said the fire spread."),
            ("dam2", "Piet Lind said Edda's bakery in Velmora was flooded.")]
    assert "Edda" not in set().union(*document_names(rows).values())


def test_two_documents_tell_one_story_when_they_share_two_names_or_all_the_smaller_has():
    velmora = frozenset({"Norvik", "Chemicals", "Velmora", "Dravant"})
    assert same_story(velmora, frozenset({"Velmora", "Norvik", "Green", "Tide"}))
    assert not same_story(velmora, frozenset({"Velmora", "Kellbrook", "Tessel"}))
    assert same_story(velmora, frozenset({"Velmora"}))  # all the smaller one names
    assert not same_story(velmora, frozenset({"Kellbrook"}))
    assert same_story(velmora, frozenset())  # no names: nothing says it is another story


def test_names_with_accented_capitals_are_names():
    rows = [("a", "The fire in Åre destroyed 40 homes, said Björn Ekström."),
            ("b", "In Åre, 52 homes burned, Ekström told the Östersund paper.")]
    names = document_names(rows)
    assert {"Åre", "Ekström"} <= names["a"] & names["b"]
    assert same_story(names["a"], names["b"])
