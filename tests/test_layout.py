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


def _cell_lines(rows):
    from extractor.layout import Word, words_to_lines

    words = [Word(text, x0, 100 + 8 * r, x1, 106 + 8 * r, 6.0, False) for r, row in enumerate(rows) for text, x0, x1 in row]
    return words_to_lines(words)


def test_layout_word_broken_in_a_narrow_cell_is_joined_again():
    """Geometry read off a generated annex: a 26 pt wide cell with 3 pt padding where
    "involved" did not fit and was broken after its first letter."""
    from extractor.layout import cell_line_texts, join_lines

    lines = _cell_lines([
        [("SMEs", 200.7, 214.6), ("i", 216.1, 217.8)],
        [("nvolved", 200.7, 219.5)],
        [("prior", 200.7, 213.0), ("to", 214.6, 219.5)],
        [("the", 200.7, 208.7)],
        [("event", 200.7, 214.1)],
    ])
    assert join_lines(cell_line_texts(lines, (197.7, 97.5, 223.5, 144.4)).texts) == "SMEs involved prior to the event"


def test_layout_ordinary_wrap_is_not_joined():
    """A whole word that ends short of the cell's edge, and two words that would have
    fitted together, stay apart."""
    from extractor.layout import cell_line_texts, join_lines

    lines = _cell_lines([[("Establishment", 300.0, 336.0)], [("of", 300.0, 305.0), ("business", 307.0, 330.0)]])
    assert join_lines(cell_line_texts(lines, (297.0, 97.5, 345.0, 144.4)).texts) == "Establishment of business"


def _page_of_lines(number, lines):
    from extractor.layout import PageLayout, Word, words_to_lines

    words = []
    for top, x0, text, right in lines:
        tokens = text.split()
        x = x0
        for k, token in enumerate(tokens):
            width = 5.0 * len(token)
            if k == len(tokens) - 1 and right is not None:
                x = right - width  # the last word ends at the right edge, as a contents entry's page number does
            words.append(Word(token, x, top, x + width, top + 10, 10.0, False))
            x += width + 3
    return PageLayout(number=number, width=595, height=842, words=words, lines=words_to_lines(words))


def test_contents_page_is_found_by_its_page_numbers_at_one_edge_without_dot_leaders():
    from extractor.narrative import contents_lines

    entries = [(100 + 18 * i, 97, f"{title} {garble} {page}", 533) for i, (title, garble, page) in enumerate([
        ("Introduction", "FL Le fs Ele", 3), ("Overview of the delegation", "DEIEGAHON sister", 4),
        ("Cooperation activities", "eenrmenmen", 6), ("Formal agreements achieved", "4.", 14),
        ("Benefits for the SMEs", "TO O denn", 15), ("Conclusions", "ssa rn ld", 18)])]
    contents = _page_of_lines(2, [(72, 63, "Contents", None)] + entries)
    body = _page_of_lines(3, [(100 + 14 * i, 63, f"The clusters met {n} partners in the afternoon session and agreed", 533) for i, n in enumerate(range(8))]
                          + [(220, 63, "on a second visit in 2017.", None)])
    layouts = [contents, body] + [_page_of_lines(n, [(100, 63, "Text", None)]) for n in range(4, 21)]
    found = contents_lines(layouts)
    assert {i for page, i in found if page == 2} == set(range(1, 7))
    assert not {i for page, i in found if page == 3}
    # rows of a table ending on small counts are no contents entries
    assert not contents_lines([contents] + layouts[1:], table_boxes={2: [(0, 90, 595, 300)]})


def test_narrative_stage_leaves_contents_entries_out_of_the_paragraphs():
    from extractor.pipeline import _narrative

    entries = [(100 + 18 * i, 97, f"{title} {page}", 533) for i, (title, page) in enumerate([
        ("Introduction ssa", 3), ("Overview of the delegation", 4), ("Cooperation activities", 6),
        ("Formal agreements achieved at the event 4.", 14), ("Benefits for the SMEs", 15), ("Conclusions rn", 18)])]
    layouts = [_page_of_lines(2, entries), _page_of_lines(3, [(100, 63, "The event took place in Lyon.", None)])]
    layouts += [_page_of_lines(n, [(100, 63, "Text", None)]) for n in range(4, 21)]
    paras, _ = _narrative(layouts, [(layout, []) for layout in layouts], 10.0)
    texts = " ".join(p.text for p in paras)
    assert "Formal agreements achieved" not in texts and "The event took place in Lyon." in texts


def test_word_broken_at_the_edge_of_a_cell_read_by_word_alignment_is_joined_again():
    """A producer that breaks any word at the column's edge ("coo" / "peration",
    although "cooperation" would have fitted on a line of its own), in a cell whose box
    the word-alignment engine drew from the words (no padding; the column gap on the
    right), as read off a generated annex."""
    from extractor.layout import Word
    from extractor.tables.text import _cell

    def words(*lines):
        return [Word(text, x0, 100.0 + 8 * k, x1, 106.0 + 8 * k, 6.0, True) for k, line in enumerate(lines) for text, x0, x1 in line]

    broken = words([("Type", 170.6, 184.0), ("of", 185.6, 191.0), ("coo", 192.6, 199.2)], [("peration", 170.6, 191.6)])
    assert _cell(broken, (170.6, 205.7), 0, 0, (96.0, 143.0)).text == "Type of cooperation"
    wrapped = words([("Type", 170.6, 184.0), ("of", 185.6, 191.0)], [("cooperation", 170.6, 199.2)])
    assert _cell(wrapped, (170.6, 205.7), 0, 0, (96.0, 143.0)).text == "Type of cooperation"
    apart = words([("Type", 170.6, 184.0), ("of", 185.6, 191.0), ("co", 192.6, 199.2)], [("operators", 170.6, 195.6)])
    assert _cell(apart, (170.6, 205.7), 0, 0, (96.0, 143.0)).text == "Type of co operators"


def _line_of(*placed):
    """A line of words placed at (text, x0): each word 6 points wide per letter."""
    from extractor.layout import make_line

    return make_line([Word(t, x, 100, x + 6 * len(t), 110, 10.0, False) for t, x in placed])


def test_a_caption_line_keeps_its_label_word_and_number_together():
    """"Alliance" (a cluster cell's last line) and "2. Savo Bioproducts BV" (a numbered
    item of the next cell) share a line across a column gap: the line matches the
    caption pattern but is a table row, not a caption; the same words set as one
    phrase are a caption."""
    from extractor.layout import is_caption
    from extractor.profile import load_profile

    pattern = load_profile().caption_pattern
    row = _line_of(("Alliance", 72), ("2.", 260), ("Savo", 275), ("Bioproducts", 305), ("BV", 375))
    caption = _line_of(("Alliance", 72), ("2.", 124), ("Savo", 139), ("Bioproducts", 169), ("BV", 239))
    assert pattern.search(row.text) and pattern.search(caption.text)
    assert not is_caption(row, pattern)
    assert is_caption(caption, pattern)
    assert is_caption(_line_of(("Table", 72), ("4:", 108), ("Beneficiary", 200), ("SMEs", 270)), pattern)


def test_a_table_row_that_reads_as_a_label_across_several_column_gaps_is_no_caption():
    from extractor.layout import is_caption
    from extractor.profile import load_profile

    pattern = load_profile().caption_pattern
    row = _line_of(("Norrbotten", 72), ("Y.", 140), ("1", 200), ("Algarve", 240), ("Logistica", 290))
    assert pattern.search(row.text) and not is_caption(row, pattern)
    tabbed = _line_of(("Table", 72), ("4:", 108), ("Beneficiary", 200), ("SMEs", 270))
    assert is_caption(tabbed, pattern)


def test_layout_a_word_broken_over_three_lines_of_a_narrow_cell_is_joined_again():
    """Geometry of a generated annex header (6 pt type, cells 16 pt wide): the producer
    breaks any word at the edge, so "beforehand" runs over three lines and "involvement"
    over three, its first fragment ending a line of two words."""
    from extractor.layout import cell_line_texts, join_lines

    involvement = _cell_lines([[("SME", 200.0, 211.5), ("i", 213.0, 214.6)], [("nvolve", 200.0, 215.8)], [("ment", 200.0, 212.7)]])
    beforehand = _cell_lines([[("ed", 200.0, 205.5), ("bef", 207.0, 215.0)], [("oreha", 200.0, 214.1)], [("nd?", 200.0, 208.8)]])
    assert join_lines(cell_line_texts(involvement, (198.0, 97.5, 218.0, 150.0)).texts) == "SME involvement"
    texts, open_breaks = cell_line_texts(beforehand, (198.0, 97.5, 218.0, 150.0))
    assert join_lines(texts) == "ed beforehand?"
    assert open_breaks == ()


def test_layout_a_break_word_frequencies_cannot_judge_is_left_open():
    """A name broken at the edge ("Singapo" / "rean") is no English word: the break is
    left open for the document to decide (`wordbreaks`), the line texts as printed."""
    from extractor.layout import cell_line_texts

    lines = _cell_lines([[("Singapo", 200.0, 218.5)], [("rean", 200.0, 211.0), ("cluster", 213.0, 231.0)]])
    texts, open_breaks = cell_line_texts(lines, (198.0, 97.5, 222.0, 150.0))
    assert texts == ("Singapo", "rean cluster") and open_breaks == (0,)
