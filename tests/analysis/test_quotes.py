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


def test_stat_quoting_rates_per_group_against_the_quote_table():
    texts = [
        "“We will not yield,” Elena Marsh said. Talks went on for hours in the old hall.",
        "“The vote is final,” said Tom Lee. The crowd moved. “We accept it,” someone shouted. It "
        "was “historic”.",
        "The talks ended without any statement from either side on the quota.",
        "“Peace is near,” Jane Doe said. Nothing else was said.",
    ]
    c = corpus.from_texts(texts, docvars={"outlet": ["A", "A", "B", "B"]})
    table = analysis.stat_quoting(c, by="outlet")
    # the same counts, from the quote table and the documents' words, by hand
    quotes = analysis.find_quotes(c)
    words = {doc.doc_id: len(doc.words) for doc in c}
    expected = []
    for outlet, ids in (("A", ["doc1", "doc2"]), ("B", ["doc3", "doc4"])):
        mine = quotes[quotes["doc_id"].isin(ids)]
        direct = mine[mine["kind"] == "direct"]
        counts = {
            "quotes": direct.groupby("doc_id").size(),
            "attributed": direct[direct["speaker"] != ""].groupby("doc_id").size(),
            "fragments": mine[mine["kind"] == "fragment"].groupby("doc_id").size(),
            "quoted_words": mine.groupby("doc_id")["words"].sum(),
        }
        for measure, per_doc in counts.items():
            rates = [1000 * per_doc.get(d, 0) / words[d] for d in ids]
            total = sum(words[d] for d in ids)
            expected.append([outlet, measure, int(per_doc.sum()), total, sum(rates) / 2])
    got = table[["group", "measure", "count", "words", "rate"]].values.tolist()
    assert [row[:4] for row in got] == [row[:4] for row in expected]
    assert [round(row[4], 9) for row in got] == [round(row[4], 9) for row in expected]
    # the counts themselves, read off the texts: 3 statements in A, 2 with a speaker
    assert table.set_index(["group", "measure"])["count"].to_dict()[("A", "quotes")] == 3
    assert table.set_index(["group", "measure"])["count"].to_dict()[("A", "attributed")] == 2
    assert table.attrs["provenance"]["function"] == "analysis.stat_quoting"
