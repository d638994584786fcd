import analysis
import corpus


def test_seed_quotes_table():
    c = corpus.read_corpus()
    table = analysis.find_quotes(c)
    direct = table[table["kind"] == "direct"]
    assert len(direct) == 2
    assert set(direct["speaker"]) == {"Sergey Lavrov"}
    doc = next(iter(c))
    for row in table.itertuples():
        assert doc.text[row.start : row.end] == "“" + row.text + "”" or doc.text[row.start] == "‘"
    assert direct["sent_id"].tolist() == [6, 12]


def test_quotes_from_plain_text():
    t = "Lavrov said the “peacekeepers” were occupiers. “Peace cannot be built on lies,” he said."
    table = analysis.find_quotes(t)
    assert table[["text", "kind", "speaker", "words"]].values.tolist() == [
        ["peacekeepers", "fragment", "Lavrov", 1],
        ["Peace cannot be built on lies,", "direct", "Lavrov", 6],
    ]


def test_match_is_the_quote_as_printed():
    c = corpus.read_corpus()
    doc = next(iter(c))
    table = analysis.find_quotes(c)
    for row in table.itertuples():
        assert doc.text[row.start : row.end] == row.match
        assert row.match[1:-1] == row.text
    assert analysis.find_quotes(doc)["match"].tolist() == table["match"].tolist()
