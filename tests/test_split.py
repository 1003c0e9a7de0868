from claims.split import split_sentences
from tests.conftest import SEED_ARTICLE


def test_every_sentence_is_the_exact_slice_of_the_text():
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert len(sentences) == 33
    for s in sentences:
        assert text[s.start:s.end] == s.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)


def test_headline_is_its_own_sentence():
    text = "Moscow says victory in Idlib 'unavoidable'\n\nMUNICH: Lavrov said so on Saturday."
    assert [s.text for s in split_sentences(text)] == [
        "Moscow says victory in Idlib 'unavoidable'", "MUNICH: Lavrov said so on Saturday."]


def test_abbreviations_do_not_end_sentences():
    text = "Mr. Lunde met Dr. Veltri at 9 a.m. in the U.S. embassy. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Lunde met Dr. Veltri at 9 a.m. in the U.S. embassy.", "Then he left."]


def test_a_quotation_stays_with_its_attribution():
    text = '"We see it. It is not possible to stay silent," Erdogan had said. Next one.'
    assert [s.text for s in split_sentences(text)] == [
        '"We see it. It is not possible to stay silent," Erdogan had said.', "Next one."]


def test_markdown_heading_marks_are_not_part_of_the_sentence():
    text = "# Port closed after fire\n\nThe port is closed."
    assert split_sentences(text)[0].text == "Port closed after fire"


def test_empty_and_blank_text_give_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("  \n\n \n") == []
