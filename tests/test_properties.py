"""Properties that hold for any input (hypothesis): no crash, spans are exact slices, re-ingest
adds nothing."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.attribute import attribute_sentences
from claims.numbers import extract_quantities
from claims.split import split_sentences

WORDS = ["said", "told", "according to", "Lavrov", "He", "she", "the ministry", "The",
         "Minister", "Sergei", "insisted", "accused", "800,000", "a million", "people", "not",
         "\"", "“", "”", ",", ".", "?", "!", ":", "\n\n", "\n", "Mr.", "U.S.", "after", "that",
         "ROSK:", "REPORTER:", "’s", "-", "—", "(", ")", "12", "posts", "up to", "four of the"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS + list(string.ascii_letters)), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_split_and_attribute_never_crash_and_spans_are_exact(text):
    sentences = split_sentences(text)
    previous_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.start >= previous_end
        previous_end = s.end
    for sent, atts in zip(sentences, attribute_sentences(sentences), strict=True):
        assert atts, "every sentence gives at least one claim (the narrator's)"
        for a in atts:
            assert sent.start <= a.start <= a.end <= sent.end
            for q in extract_quantities(text, a.start, a.end):
                assert a.start <= q.start <= q.end <= a.end
                assert text[q.start:q.end] == q.text


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=4))
def test_ingest_stores_exact_spans_and_reingest_adds_nothing(tmp_path_factory, docs):
    import pytest

    from claims.pipeline import ingest
    from claims.store import Store
    from tests import fake_embedder

    mp = pytest.MonkeyPatch()
    fake_embedder.install(mp)
    try:
        folder = tmp_path_factory.mktemp("docs")
        for i, text in enumerate(docs):
            (folder / f"d{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        index = folder / "index"
        first = ingest([str(folder)], str(index))
        again = ingest([str(folder)], str(index))
        assert (again.documents_added, again.claims_added) == (0, 0)
        if first.documents_added:
            store = Store.open(index)
            texts_by_id = dict(zip(store.documents()["doc_id"], store.documents()["text"],
                                   strict=True))
            for row in store.claims().iter_rows(named=True):
                assert texts_by_id[row["doc_id"]][row["start"]:row["end"]] == row["content"]
            assert store.index().ntotal == len(store.claims())
    finally:
        mp.undo()
