"""Tests for corpus.language: the note on documents that are probably not English."""

from corpus import from_texts, read_corpus
from corpus.language import language_note

ENGLISH = (
    "The minister said that we must act with care and that the talks will go on for as long "
    "as it takes to reach a fair agreement for all of the parties in the region."
)
SPANISH = (
    "La ministra dijo que debemos actuar con prudencia y que las conversaciones seguirán "
    "durante el tiempo que sea necesario para alcanzar un acuerdo justo para todas las partes. "
) * 2


def test_a_text_with_few_common_english_words_is_noted():
    assert language_note(ENGLISH) == ""
    assert language_note(SPANISH).startswith("probably not English: 0% of its first 56 words")
    assert language_note(SPANISH[:60]) == ""  # too few words to judge


def test_the_load_report_notes_it_and_keeps_the_document(tmp_path):
    table = tmp_path / "news.csv"
    table.write_text(f'id,text\nen,"{ENGLISH}"\nes,"{SPANISH.strip()}"\n', encoding="utf-8")
    c = read_corpus(table)
    assert c.doc_ids == ["en", "es"]
    report = c.report.set_index("doc_id")
    assert report.loc["en", "detail"] == ""
    assert report.loc["es", "detail"].startswith("probably not English")
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "es.txt").write_text(SPANISH, encoding="utf-8")
    assert read_corpus(folder).report.loc[0, "detail"].startswith("probably not English")
    assert list(from_texts([ENGLISH]))[0].text == ENGLISH
