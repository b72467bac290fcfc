from extractor.layout import Word, join_lines, join_words, mark_superscripts, words_to_lines


def word(text, x0, top, size=10.0, bold=False):
    width = 0.5 * size * len(text)
    return Word(text=text, x0=x0, top=top, x1=x0 + width, bottom=top + size, size=size, bold=bold)


def test_layout_join_lines_undoes_breaks_and_keeps_compound_hyphens():
    assert join_lines(["Oekoenergie-", "Cluster (OEC)"]) == "Oekoenergie-Cluster (OEC)"
    assert join_lines(["follow-", "up survey"]) == "follow-up survey"
    assert join_lines(["environ\u00ad", "mental"]) == "environmental"
    assert join_lines(["Contacts -", "Market  information"]) == "Contacts - Market information"
    assert join_lines(["R&D Imp/", "Exports"]) == "R&D Imp/Exports"


def test_layout_superscript_ordinal_joins_and_footnote_mark_drops():
    three = word("3", 100, 100)
    rd = Word("rd", three.x1, 97, three.x1 + 6, 103.5, 6.5, False)
    rest = Word("-country", rd.x1, 100, rd.x1 + 40, 110, 10.0, False)
    cluster = word("Cluster", 200, 100)
    mark = Word("1", cluster.x1, 97, cluster.x1 + 3, 103.5, 6.5, False)
    words = mark_superscripts([three, rd, rest, cluster, mark])
    assert [w.superscript for w in words] == [False, True, False, False, True]
    lines = words_to_lines(words)
    assert len(lines) == 1
    assert lines[0].text == "3rd-country Cluster"
    assert join_words(lines[0].words, keep_footnote_marks=True).endswith("Cluster1")


def test_layout_words_to_lines_separates_lines():
    lines = words_to_lines([word("second", 10, 130), word("first", 10, 100), word("line", 50, 100)])
    assert [line.text for line in lines] == ["first line", "second"]
