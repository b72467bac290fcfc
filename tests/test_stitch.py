from extractor.profile import load_profile
from extractor.settings import Settings
from extractor.stitch import stitch

from .synthetic import empty_layout, raw_table

PROFILE = load_profile()
HEADER = ["Clusters", "Organisation", "Cooperation objective & next steps", "The type of technology/service involved"]


def test_stitch_joins_continuation_drops_repeated_header_and_inherits_nothing_in_rows():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "Share", "Water"], [None, "Org 2", "Meet", "Energy"]], page=8)
    second = raw_table([HEADER, [None, "Org 3", "Visit", "Wood"], ["B Cluster", "Org 4", "Talk", "Food"]], page=9)
    tables = stitch([(empty_layout(8), [first]), (empty_layout(9), [second])], PROFILE)
    assert len(tables) == 1
    table = tables[0]
    assert table.pages == [8, 9]
    assert [row.text(1) for row in table.rows] == ["Org 1", "Org 2", "Org 3", "Org 4"]
    assert [row.page for row in table.rows] == [8, 8, 9, 9]
    assert table.rows[2].text(0) is None


def test_stitch_rejoins_a_row_broken_over_the_page_boundary():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "Share knowledge and", "Water"]], page=3)
    second = raw_table([HEADER, [None, None, "organise events", None], [None, "Org 2", "Meet", "Wood"]], page=4)
    table = stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)[0]
    assert [row.text(2) for row in table.rows] == ["Share knowledge and organise events", "Meet"]
    assert table.rows[0].rejoined and table.rows[0].page == 3


def test_stitch_keeps_tables_on_non_consecutive_pages_apart():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=3)
    second = raw_table([HEADER, ["B Cluster", "Org 2", "x", "y"]], page=5)
    assert len(stitch([(empty_layout(3), [first]), (empty_layout(5), [second])], PROFILE)) == 2


def test_stitch_different_column_count_starts_a_new_table():
    first = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=3)
    second = raw_table([["#", "Cluster", "Country"], ["1", "B", "Spain"]], page=4)
    assert len(stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)) == 2


def layout_with_lines(number, texts_at):
    from extractor.layout import PageLayout, Word, words_to_lines

    words = []
    for text, top in texts_at:
        x = 50.0
        for token in text.split():
            words.append(Word(token, x, top, x + 5 * len(token), top + 10, 10.0, True))
            x += 5 * len(token) + 3
    return PageLayout(number=number, width=595, height=842, words=words, lines=words_to_lines(words))


def test_stitch_captions_below_tables_when_the_document_puts_them_there():
    first = raw_table([["#", "Cluster", "Country"], ["1", "Alpha", "Spain"]], page=2, top=100)   # 100..160
    second = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=2, top=200)             # 200..260
    layout = layout_with_lines(2, [("Table 1 - EU cluster delegation", 165), ("Table 2 - Cooperation objectives and next steps", 265)])
    tables = stitch([(layout, [first, second])], PROFILE)
    assert [t.label for t in tables] == ["Table 1 - EU cluster delegation", "Table 2 - Cooperation objectives and next steps"]
    above = layout_with_lines(2, [("Table 1 - EU cluster delegation", 85), ("Table 2 - Cooperation objectives and next steps", 185)])
    assert [t.label for t in stitch([(above, [first, second])], PROFILE)] == [
        "Table 1 - EU cluster delegation", "Table 2 - Cooperation objectives and next steps"
    ]


def test_stitch_continues_without_repeated_header_when_columns_line_up():
    """The last rows of a table fall on the next page with no header and no caption;
    the first of them has an empty position (no cell at all, as word-processor
    exports leave it): the columns still line up, so the table continues."""
    first = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"], ["B Cluster", "Org 2", "x", "y"]], page=3)
    second = raw_table([["C Cluster", "Org 3", "x", "y"], ["D Cluster", "Org 4", "x", "y"]], page=4, top=60.0)
    grid = list(second.grid)
    grid[0] = grid[0][:3] + (None,)
    second = type(second)(**{**second.__dict__, "grid": tuple(grid)})
    [table] = stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)
    assert [row.text(0) for row in table.rows] == ["A Cluster", "B Cluster", "C Cluster", "D Cluster"]
    assert [row.page for row in table.rows] == [3, 3, 4, 4]


def test_stitch_caption_below_the_last_part_names_the_whole_table():
    """Captions below tables: a table broken over two pages has its caption under
    its second part; the first part has none, yet both are one table of that kind."""
    delegation = raw_table([["#", "Cluster", "Country"], ["1", "Alpha", "Spain"]], page=2, top=100)  # 100..160
    first = raw_table([["Alpha Cluster", "Omega Ltd", "Share labs"], ["Beta Cluster", "Sigma SA", "Visits"]], page=2, top=300)
    second = raw_table([["Gamma Cluster", "Delta Inc", "Webinars"]], page=3, top=60)  # 60..80
    page2 = layout_with_lines(2, [("Table 1 - EU cluster delegation", 165)])
    page3 = layout_with_lines(3, [("Table 2 - Cooperation objectives and next steps", 85)])
    tables = stitch([(page2, [delegation, first]), (page3, [second])], PROFILE)
    assert [t.label for t in tables] == ["Table 1 - EU cluster delegation", "Table 2 - Cooperation objectives and next steps"]
    assert [row.text(0) for row in tables[1].rows] == ["Alpha Cluster", "Beta Cluster", "Gamma Cluster"]
    assert tables[1].pages == [2, 3]


def test_stitch_caption_on_the_other_side_when_the_document_side_has_none():
    """Tables captioned below, but an annex titled above its table: each table gets
    the caption on the document's side first, then a free one on the other side;
    no caption line labels two tables."""
    first = raw_table([["#", "Cluster", "Country"], ["1", "Alpha", "Spain"]], page=2, top=100)  # 100..160
    second = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=2, top=200)  # 200..260
    annex = raw_table([HEADER, ["B Cluster", "Org 2", "x", "y"]], page=3, top=120)
    page2 = layout_with_lines(2, [("Table 1 - EU cluster delegation", 165), ("Table 2 - Cooperation objectives and next steps", 265)])
    page3 = layout_with_lines(3, [("Annex I - Cooperation objectives", 100)])
    tables = stitch([(page2, [first, second]), (page3, [annex])], PROFILE)
    assert [t.label for t in tables] == [
        "Table 1 - EU cluster delegation",
        "Table 2 - Cooperation objectives and next steps",
        "Annex I - Cooperation objectives",
    ]


def test_stitch_rows_that_print_the_header_again_are_dropped():
    """A header printed again among the rows (a split the part's own header detection
    missed) is not data."""
    first = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"], HEADER, ["B Cluster", "Org 2", "x", "y"]], page=3)
    second = raw_table([[h.upper() for h in HEADER], ["C Cluster", "Org 3", "x", "y"]], page=4, top=60.0)
    [table] = stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)
    assert [row.text(0) for row in table.rows] == ["A Cluster", "B Cluster", "C Cluster"]


def test_stitch_caption_at_the_previous_page_foot_labels_the_first_table():
    """A caption that ends a page (above its page number) with its table pushed onto
    the next page labels that table; a caption with body text after it does not."""
    first = raw_table([["#", "Cluster", "Country"], ["1", "Alpha", "Spain"]], page=2, top=100)
    pushed = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=3, top=80)
    page_2 = layout_with_lines(2, [("Table 1 - EU cluster delegation", 85), ("Table 2 - Cooperation objectives and next steps", 700)])
    page_2.words.append(type(page_2.words[0])("2", 297, 815, 302, 822, 7.0, False))
    from extractor.layout import words_to_lines

    page_2.lines[:] = words_to_lines(page_2.words)
    tables = stitch([(page_2, [first]), (empty_layout(3), [pushed])], PROFILE)
    assert [t.label for t in tables] == ["Table 1 - EU cluster delegation", "Table 2 - Cooperation objectives and next steps"]
    assert tables[1].columns.kind == "cooperation_objectives"
    followed = layout_with_lines(2, [("Table 1 - EU cluster delegation", 85), ("Table 2 - Cooperation objectives and next steps", 700),
                                     ("Some text after the caption", 720)])
    tables = stitch([(followed, [first]), (empty_layout(3), [pushed])], PROFILE)
    assert tables[1].label is None


def test_stitch_rejoins_a_broken_row_whose_name_closes_a_bracket_left_open():
    """The rest of a row split by the page end may go on with its identifying text: a
    partner "Delta Inc (Japanese" / "company)" is one name, not a new row."""
    first = raw_table([HEADER, ["A Cluster", "Delta Inc (Japanese", "Share knowledge and", "Water"]], page=3)
    second = raw_table([HEADER, [None, "company)", "organise events", None], [None, "Org 2 (EU firm)", "Meet", "Wood"]], page=4)
    table = stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)[0]
    assert [row.text(1) for row in table.rows] == ["Delta Inc (Japanese company)", "Org 2 (EU firm)"]
    assert [row.text(2) for row in table.rows] == ["Share knowledge and organise events", "Meet"]
    closed = raw_table([HEADER, ["A Cluster", "Delta Inc (Japan)", "Share", "Water"]], page=3)
    table = stitch([(empty_layout(3), [closed]), (empty_layout(4), [second])], PROFILE)[0]
    assert len(table.rows) == 3



def test_stitch_rejoins_a_broken_row_whose_rest_is_the_names_bracketed_remark():
    """The page break may fall between a name and its bracketed remark: the next page's
    first row holds '[non-EU cluster]' alone under the partner, its cluster blank (fresh
    dev seed 5, pool A report 5). A remark in brackets names no one: it qualifies the
    name above, which has none of its own."""
    first = raw_table([HEADER, ["A Cluster", "Delta Industries Association", "Share knowledge", "Water"]], page=3)
    second = raw_table([HEADER, [None, "[non-EU cluster]", None, None], ["B Cluster", "Org 2 (EU firm)", "Meet", "Wood"]], page=4)
    table = stitch([(empty_layout(3), [first]), (empty_layout(4), [second])], PROFILE)[0]
    assert [row.text(1) for row in table.rows] == ["Delta Industries Association [non-EU cluster]", "Org 2 (EU firm)"]
    remarked = raw_table([HEADER, ["A Cluster", "Delta Industries (Chile)", "Share knowledge", "Water"]], page=3)
    table = stitch([(empty_layout(3), [remarked]), (empty_layout(4), [second])], PROFILE)[0]
    assert len(table.rows) == 3

def _list_table(cells: list[list[str]], page: int, top: float):
    """A one-column table whose cells hold several printed lines (a name, then its list)."""
    from extractor.tables.base import Cell

    raw = raw_table([[" ".join(lines)] for lines in cells], page=page, top=top, widths=[250.0])
    grid = tuple((Cell(text=row[0].text, lines=tuple(lines), bold=False, bbox=row[0].bbox),)
                 for row, lines in zip(raw.grid, cells))
    return type(raw)(**{**raw.__dict__, "grid": grid})


def test_stitch_a_list_going_on_over_the_page_rejoins_its_name_though_the_caption_comes_after():
    """Captions below: the list table's first part has no kind until the caption under
    its last part names it; the item at the top of the next page ("c) ...") still goes
    back to the name above it, not into a row of its own."""
    first = _list_table([["Alpha Cluster", "a) Terra GmbH", "b) Sol SL"], ["Beta Cluster", "a) Nord AB"]], page=3, top=700)
    second = _list_table([["b) Vale Lda"], ["Gamma Cluster", "a) Mar SA"]], page=4, top=80)
    page_4 = layout_with_lines(4, [("Table 4 - SMEs which benefited", 130)])
    tables = stitch([(empty_layout(3), [first]), (page_4, [second])], PROFILE)
    assert [t.columns.kind for t in tables] == ["benefited_smes"]
    assert [row.cells[0].lines for row in tables[0].rows] == [
        ("Alpha Cluster", "a) Terra GmbH", "b) Sol SL"), ("Beta Cluster", "a) Nord AB", "b) Vale Lda"), ("Gamma Cluster", "a) Mar SA")]


def test_stitch_classifies_again_a_table_its_first_page_rows_could_not_explain():
    """One row before the page break, whose answer cell ("–") tells nothing: the table
    is not yet an SME agenda; the rows on the next page ("y", "No") show it is."""
    header = ["Participating cluster", "Dedicated agenda for SMEs?", "Observations", "SMEs taking part in the agenda"]
    first = raw_table([header, ["Klaster Strojarstva Kosice", "–", "To be confirmed", "-"]], page=2, top=700.0)
    second = raw_table([["VICDH", "N.A.", "Follow-up call held", "/"], ["Ruse Aerospace Cluster", "y", "Info from the debriefing", "11"],
                        ["Lodz Textile Cluster", "No", "None", "0"]], page=3, top=60.0)
    caption = "Exhibit 3 - Preparation of the SMEs before the mission"
    only_first = stitch([(layout_with_lines(2, [(caption, 685)]), [first])], PROFILE)
    assert only_first[0].columns.kind is None
    [table] = stitch([(layout_with_lines(2, [(caption, 685)]), [first]), (empty_layout(3), [second])], PROFILE)
    assert table.columns.kind == "sme_involvement"
    assert len(table.rows) == 4


def test_stitch_classifies_again_a_table_its_first_page_rows_gave_a_kind_that_leaves_columns_unexplained():
    """Three rows before the page break tell no answer ("Not applicable", "-", "–")
    and no count: only the cluster column is explained, enough for a delegation table.
    The rows on the next page (under the repeated header: "✔", "x", counts) show an
    SME agenda, which explains every column: the kind is decided again on all the rows."""
    header = ["EU cluster name", "Dedicated agenda for SMEs?", "SMEs taking part in the agenda"]
    first = raw_table([header, ["Gozo Agrifood Competence Centre", "Not applicable", None], ["ICT Cluster of Gozo", "-", None],
                       ["Kaunas Innovation Cluster for Aerospace", "–", "-"]], page=3, top=643.0)
    second = raw_table([header, ["Klaster Strojarstva Kosice", "No (not yet)", None],
                        ["Kosice Innovation Cluster for Textile and Fashion", "✔", "15–18"],
                        ["Plovdiv Innovation Cluster for ICT", "x", "10"], ["Parnu Innovation Cluster for ICT", "x", "11"]],
                       page=4, top=72.0)
    page3 = layout_with_lines(3, [("Exhibit 3 - Preparation of the SMEs before the mission", 629)])
    only_first = stitch([(page3, [first])], PROFILE)
    assert only_first[0].columns.kind == "delegation" and only_first[0].columns.unassigned
    [table] = stitch([(page3, [first]), (empty_layout(4), [second])], PROFILE)
    assert table.columns.kind == "sme_involvement"
    assert len(table.rows) == 7


def test_stitch_joins_the_rest_of_a_split_row_the_drawing_marks_though_its_text_looks_like_a_new_row():
    """The next page opens with the rest of a row split by the page break, drawn
    without a top border: its first cell ("Network", capitalised) would start a new row
    by its text alone; the drawing says it carries on the row above."""
    from dataclasses import replace

    first = raw_table([HEADER, ["Alpha Cluster", "Omega Ltd", "Pilot project", "Sensors"],
                       ["Silesia Food Innovation", "Kanto Foods", "Joint workshop", "Packaging"]], page=2, top=600.0)
    rest = [["Network", None, "with the partner's members", None], ["Beta Cluster", "Sigma SA", "Study visit", "Robots"]]
    second = raw_table(rest, page=3, top=72.0)
    caption = layout_with_lines(2, [("Table 2 - Cooperation objectives and next steps", 585)])
    [apart] = stitch([(caption, [first]), (empty_layout(3), [second])], PROFILE)
    assert [row.text(0) for row in apart.rows] == ["Alpha Cluster", "Silesia Food Innovation", "Network", "Beta Cluster"]
    [joined] = stitch([(caption, [first]), (empty_layout(3), [replace(second, opens_with_split_row=True)])], PROFILE)
    assert [row.text(0) for row in joined.rows] == ["Alpha Cluster", "Silesia Food Innovation Network", "Beta Cluster"]
    assert joined.rows[1].text(2) == "Joint workshop with the partner's members"


def _part(rows, page, edges, starts, top):
    """A table part as an engine drew it (column edges of its own) and the page's
    words, each cell's text starting at the column's text start."""
    from extractor.layout import PageLayout, Word, words_to_lines
    from extractor.tables.base import Cell, RawTable

    words, grid = [], []
    ys = [top + 20.0 * i for i in range(len(rows) + 1)]
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            x = starts[c]
            for token in text.split():
                words.append(Word(token, x, ys[r] + 5, x + 4.5 * len(token), ys[r] + 14, 9.0, False))
                x += 4.5 * len(token) + 2.5
            cells.append(Cell(text=text, lines=(text,), bold=False, bbox=(edges[c], ys[r], edges[c + 1], ys[r + 1])))
        grid.append(tuple(cells))
    raw = RawTable(page=page, bbox=(edges[0], ys[0], edges[-1], ys[-1]), engine="test", grid=tuple(grid),
                   column_edges=tuple(edges), row_edges=tuple(ys), confidence=1.0)
    return PageLayout(number=page, width=595, height=842, words=words, lines=words_to_lines(words)), [raw]


def test_stitch_continues_a_table_whose_parts_two_engines_read_where_the_column_texts_start_alike():
    # camelot draws column edges between the columns, the word-alignment engine at the
    # text: the same columns, edges 20 pt apart; the texts start at the same places.
    starts = [62, 169, 270, 375, 464]
    header = ["EU cluster", "Counterpart", "Objective", "Technology", "Notes"]
    first = _part([header, ["Alpha Cluster", "Omega Ltd", "Joint project", "Sensors", "Call held"]], 2,
                  [52, 161, 262, 366, 444, 533], starts, 700)
    second = _part([["Beta Cluster", "Sigma SA", "Study visit", "Robotics", "To confirm"]], 3,
                   [62, 169, 270, 375, 464, 522], starts, 70)
    [table] = stitch([first, second], PROFILE)
    assert [row.text(0) for row in table.rows] == ["Alpha Cluster", "Beta Cluster"]
    assert table.pages == [2, 3]


def test_stitch_caption_pushed_to_the_next_page_head_names_the_table_that_ended_the_page():
    """Captions underneath: the page break pushed a table's caption (and the rest of its
    last row) onto the next page, where no table stands above it; it names the table
    that ended the previous page."""
    first = raw_table([["#", "Cluster", "Country"], ["1", "Alpha", "Spain"]], page=3, top=100)   # 100..140
    second = raw_table([HEADER, ["A Cluster", "Org 1", "x", "y"]], page=3, top=700)           # 700..740
    page3 = layout_with_lines(3, [("Table 1 - EU cluster delegation", 145)])
    page4 = layout_with_lines(4, [("and a rest", 60), ("Table 2 - Cooperation objectives and next steps", 75),
                                  ("4 Formal agreements", 120), ("Formal agreements take longer to materialise.", 140)])
    tables = stitch([(page3, [first, second]), (page4, [])], PROFILE)
    assert [(t.label, t.columns.kind) for t in tables] == [
        ("Table 1 - EU cluster delegation", "delegation"),
        ("Table 2 - Cooperation objectives and next steps", "cooperation_objectives"),
    ]
    # a caption further down the page, after running text, names no table of the page before
    late = layout_with_lines(4, [("4 Formal agreements", 60), ("Formal agreements take longer.", 80),
                                 ("They are discussed below.", 95), ("Table 2 - Cooperation objectives and next steps", 110)])
    assert stitch([(page3, [first, second]), (late, [])], PROFILE)[1].label is None


def test_stitch_a_name_column_no_header_names_is_known_by_names_the_other_tables_repeat():
    """No header resembles the cluster field ('Participating network', 'European
    partner'), but the cells are the names that every other table of the report repeats:
    the column holding them is the cluster column, and both tables get their kind."""
    clusters = ["Alpha Food Cluster", "Beta Water Network", "Gamma Energy Centre"]
    delegation = raw_table([["Ref.", "Participating network", "Nation"]] +
                           [[str(i + 1), name, country] for i, name in enumerate(clusters)
                            for country in [["Spain", "France", "Italy"][i]]], page=2, top=100)
    objectives = raw_table([["European partner", "Organisation", "Objective and next steps"],
                            [clusters[0], "Omega Ltd", "Joint project"], [clusters[2], "Sigma SA", "Study visit"]],
                           page=2, top=300)
    agenda = raw_table([["Clusters", "Specific SMEs agenda?", "SMEs involved in the agenda"]] +
                       [[name, "Yes", "3"] for name in clusters], page=5, top=100)
    pages = [(empty_layout(2), [delegation, objectives]), (empty_layout(5), [agenda])]
    kinds = [t.columns.kind for t in stitch(pages, PROFILE)]
    assert kinds == ["delegation", "cooperation_objectives", "sme_involvement"]
    alone = [t.columns.kind for t in stitch(pages, PROFILE, Settings(recurring_names=False))]
    assert alone[:2] == [None, None]


def test_stitch_tells_a_cluster_column_from_a_partner_column_by_the_delegation_names():
    """Both columns of Annex 2 hold names that other tables repeat: the clusters (in
    the delegation) and the partners (in the objectives table). Its headers say little
    ("EU cluster organisation", "Co-signed by"). Once the delegation is read, only the
    column of its names is the cluster column; by repetition alone the two swapped."""
    clusters = ["Vorarlberg Space Alliance", "Cataluña Tourism Alliance", "Pomerania Photonics Hub"]
    # no legal form: a company's would tell the partner column apart without the delegation
    partners = ["Jutland Wind Service", "Nusantara Logistics Group", "Borneo Timber Works"]
    delegation = raw_table([["No.", "Cluster", "Country"]] + [[str(i + 1), c, "Spain"] for i, c in enumerate(clusters)], page=1)
    objectives = raw_table([["Cluster", "Partner organisation", "Objective"]]
                           + [[c, p, "A joint pilot"] for c, p in zip(clusters, partners)], page=2)
    formal = raw_table([["EU cluster organisation", "Has a formal agreement been concluded?", "Co-signed by", "Organisation category"]]
                       + [[c, "Yes", p, "non EU firm"] for c, p in zip(clusters, partners)], page=3)
    pages = [(layout_with_lines(1, [("Table 1 - EU cluster delegation", 85)]), [delegation]),
             (layout_with_lines(2, [("Table 2 - Cooperation objectives", 85)]), [objectives]),
             (layout_with_lines(3, [("Annex 2 - Formal agreements", 85)]), [formal])]
    annex = stitch(pages, PROFILE)[2]
    assert annex.columns.kind == "formal_agreements"
    assert annex.columns.columns["cluster"] == (0,) and annex.columns.columns.get("partner") != (0,)
    alone = stitch(pages, PROFILE, Settings(delegation_names=False))[2]
    assert alone.columns.columns.get("cluster") != (0,)


def test_delegation_names_are_recognised_as_the_report_spells_them_elsewhere():
    """A cluster column outside the delegation spells its names as the report does:
    initials, an acronym before the name, a word abbreviated or dropped, ä written ae.
    They count as the delegation's names; partners (one of them a delegation cluster)
    do not make a cluster column."""
    from extractor.headers import member_share, name_key

    members = frozenset(name_key(n) for n in [
        "Friuli Venezia Giulia Cluster for Logistics and Innovation", "Friuli Venezia Giulia Space and Defence Alliance",
        "Päijät-Häme Tourism Alliance", "Västra Götaland Cluster for Smart Grids and Innovation"])
    spelled = ["FVGCLI", "Friuli Venezia Giulia Space and Defence All.", "PHTA – Päijät-Häme Tourism Alliance",
               "Vaestra Goetaland Cluster for Smart Grids and Innovation", "Västra Götaland Cluster for Smart Innovation"]
    assert member_share(spelled, members) == 1.0
    partners = ["Victoria Photonics Pte. Ltd.", "Egyptian Smart Industry Association", "Päijät-Häme Tourism Alliance",
                "Danube Biotech BV", "VPPL"]
    assert member_share(partners, members) == 0.2


def test_stitch_a_column_of_repeated_remarks_or_addresses_is_no_name_column():
    """Remarks ("To be confirmed", "Follow-up call held") and web addresses recur in several tables as the
    clusters' names do (one of which the other table spells as initials, so fewer of
    them repeat than the remarks); they are no names, so the delegation's cluster
    column keeps the cluster field and the remarks column is reported as unmapped."""
    from extractor.headers import name_key

    assert name_key("To be confirmed") is None and name_key("www.cluster-example.eu") is None
    assert name_key("Distretto Aerospaziale dell'Emilia") is not None
    clusters = ["Limassol Marine Engineering Centre", "Central Macedonia Textile Centre", "Agrifood Cluster of Kosice"]
    notes = ["To be confirmed", "Follow-up call held", "To be confirmed"]
    delegation = raw_table([["Nr.", "Participating cluster", "Notes", "Country (EU)"]]
                           + [[str(i + 1), c, n, "Cyprus"] for i, (c, n) in enumerate(zip(clusters, notes))], page=1)
    objectives = raw_table([["Name of EU cluster", "Counterpart", "Objectives & follow-up", "Status"]]
                           + [[c, p, "A joint pilot", n] for c, p, n in
                              zip(clusters[:2] + ["ACK"], ["Daegu Textile Corp.", "Hanbit Semiconductor JSC", "Mekong Seafood SARL"], notes)],
                           page=3)
    pages = [(layout_with_lines(1, [("Table 1 - Participating EU clusters", 85)]), [delegation]),
             (layout_with_lines(3, [("Table 2 - Aims of the cooperation", 85)]), [objectives])]
    first = stitch(pages, PROFILE)[0]
    assert first.columns.kind == "delegation"
    assert first.columns.columns["cluster"] == (1,) and 2 in first.columns.unassigned


def test_stitch_names_another_table_spells_otherwise_are_the_documents_names():
    """The delegation's header says nothing of clusters ("Delegation member") and the
    other tables spell its names otherwise (a word abbreviated, an acronym before the
    name, letters transliterated): those spellings still make its column the column
    of the document's own names, and the table a delegation."""
    clusters = ["Alentejo Circular Economy Alliance", "Cluster Lumière Occitanie", "Normandie Creative Industries Alliance",
                "Västra Götaland Photonics Hub"]
    variants = ["Alentejo Circular Economy All.", "CLO – Cluster Lumière Occitanie", "Normandie Creative Industries All.",
                "Vaestra Goetaland Photonics Hub"]
    delegation = raw_table([["Ref.", "Delegation member", "Home country"]]
                           + [[f"#{i + 1}", c, "Portugal"] for i, c in enumerate(clusters)], page=1)
    objectives = raw_table([["Cluster", "Partner organisation", "Objective", "Technology"]]
                           + [[v, "Lapland Data ApS", "A joint pilot", "Sensors"] for v in variants], page=3)
    pages = [(layout_with_lines(1, [("Table 1 - Members of the EU delegation", 85)]), [delegation]),
             (layout_with_lines(3, [("Table 2 - Cooperation objectives", 85)]), [objectives])]
    first = stitch(pages, PROFILE)[0]
    assert first.columns.kind == "delegation" and first.columns.columns["cluster"] == (1,)


def test_stitch_the_header_parts_two_columns_of_repeated_names():
    """The clusters and their contact persons are both repeated by another table; the
    repetition alone cannot tell which column holds the clusters, the header can
    ("Cluster organisation name", "Responsible person")."""
    clusters = ["Alentejo Circular Economy Alliance", "Normandie Creative Industries Alliance", "Tyrol Smart Grids Hub"]
    persons = ["Anna Keller", "Jonas Berg", "Marta Silva"]
    delegation = raw_table([["Line", "Responsible person", "Cluster organisation name", "Home country"]]
                           + [[str(i + 1), p, c, "Portugal"] for i, (p, c) in enumerate(zip(persons, clusters))], page=1)
    objectives = raw_table([["Cluster", "Partner organisation", "Objective", "Name of contact"]]
                           + [[c, "Lapland Data ApS", "A joint pilot", p] for c, p in zip(clusters, persons)], page=3)
    pages = [(layout_with_lines(1, [("Table 1 - Members of the EU delegation", 85)]), [delegation]),
             (layout_with_lines(3, [("Table 2 - Cooperation objectives", 85)]), [objectives])]
    first = stitch(pages, PROFILE)[0]
    assert first.columns.columns["cluster"] == (2,) and 1 in first.columns.unassigned
    saturated = stitch(pages, PROFILE, Settings(recurring_name_weight=1.0))[0]
    assert saturated.columns.columns["cluster"] != (2,)


def test_stitch_a_header_alone_at_the_page_foot_broken_in_its_last_line():
    """The page break falls inside the header: one row at the foot of the page under
    the caption ("... What do you want to achieve, and"), the header's last words at
    the head of the next page ("what comes next?"), then the rows. The lone row, its
    rest joined, is the header; the table gets its kind."""
    lone = raw_table([["EU cluster organisation", "Contact organisation", "What do you want to achieve, and", "Technology field"]],
                     page=2, top=760.0)
    rest = raw_table([[None, None, "what comes next?", None],
                      ["Alpha Cluster", "Omega Ltd", "A joint pilot", "Sensors"],
                      ["Beta Cluster", "Sigma SA", "A second visit", "Robots"]], page=3, top=72.0)
    caption = layout_with_lines(2, [("Table 2 - Cooperation objectives and next steps", 745)])
    [table] = stitch([(caption, [lone]), (empty_layout(3), [rest])], PROFILE)
    assert table.flat_header[2] == "What do you want to achieve, and what comes next?"
    assert table.columns.kind == "cooperation_objectives"
    assert [row.text(0) for row in table.rows] == ["Alpha Cluster", "Beta Cluster"]


def test_stitch_a_lone_row_at_the_page_foot_under_its_caption_is_the_header():
    """One row under the caption at the page foot, its cells text (no count, no
    answer) that reads like no header spelling the profile knows: the rows on the
    next page show it was the header alone."""
    header = ["EU cluster organisation", "Contact organisation", "What do you want to achieve, and", "Technology field", "Name of contact"]
    lone = raw_table([header], page=2, top=760.0)
    rest = raw_table([["Alpha Cluster", "Omega Ltd", "A joint pilot", "Sensors", "Anna Keller"],
                      ["Beta Cluster", "Sigma SA", "A second visit", "Robots", "Jonas Berg"]], page=3, top=72.0)
    caption = layout_with_lines(2, [("Table 2 - Cooperation objectives and next steps", 745)])
    [table] = stitch([(caption, [lone]), (empty_layout(3), [rest])], PROFILE)
    assert table.flat_header == header and table.columns.kind == "cooperation_objectives"
    assert [row.text(0) for row in table.rows] == ["Alpha Cluster", "Beta Cluster"]


def test_stitch_a_headers_wrapped_lines_read_as_rows_join_the_header():
    """The engine cut the header's wrapped lines into rows of their own: nothing in the
    first column and lower-case starts ("agreement signed?", "person") under the first
    header row. They are the header's words, not data rows."""
    table = raw_table([["Cluster", "Formal", "Number of", "Partner", "Contact"],
                       [None, "agreement signed?", "formal agreements", "organisation", "person"],
                       ["Alpha Cluster", "Yes", "2", "Omega Ltd", "Anna Keller"],
                       ["Beta Cluster", "No", "0", None, None]], page=6)
    caption = layout_with_lines(6, [("Annex 2 - Formal agreements signed", 85)])
    [joined] = stitch([(caption, [table])], PROFILE)
    assert joined.flat_header == ["Cluster", "Formal agreement signed?", "Number of formal agreements", "Partner organisation", "Contact person"]
    assert [row.text(0) for row in joined.rows] == ["Alpha Cluster", "Beta Cluster"]
    [apart] = stitch([(caption, [table])], PROFILE, Settings(header_rest_rows=False))
    assert apart.rows[0].text(0) is None


def test_stitch_a_lone_row_at_the_page_foot_is_the_header_where_captions_stand_below():
    """The same header alone at a page foot, in a document that captions its tables
    underneath: the caption comes with the last part, on the next page."""
    header = ["EU cluster organisation", "Contact organisation", "What do you want to achieve, and", "Technology field", "Name of contact"]
    lone = raw_table([header], page=2, top=760.0)
    rest = raw_table([["Alpha Cluster", "Omega Ltd", "A joint pilot", "Sensors", "Anna Keller"],
                      ["Beta Cluster", "Sigma SA", "A second visit", "Robots", "Jonas Berg"]], page=3, top=72.0)
    caption_below = layout_with_lines(3, [("Table 2 - Cooperation objectives and next steps", 118)])
    [table] = stitch([(empty_layout(2), [lone]), (caption_below, [rest])], PROFILE)
    assert table.label and table.flat_header == header and table.columns.kind == "cooperation_objectives"
    assert [row.text(0) for row in table.rows] == ["Alpha Cluster", "Beta Cluster"]


def test_stitch_a_row_cut_inside_a_name_the_other_tables_repeat_is_joined_again():
    """A word-alignment table cut a wrapped row at its line break (pool D, seed 25,
    report 30): 'Norrbotten Photonics' / 'Alliance'. Joined, the two parts make a name
    the report's other tables repeat word for word, and neither part is one of its names:
    one row, and the cluster column is read as the delegation's."""
    clusters = ["Norrbotten Photonics Alliance", "Cluster Lumière Occitanie", "Flanders Circular Economy Alliance"]
    delegation = raw_table([["Ref.", "Organisation (cluster)", "Based in"]] +
                           [[str(i + 1), name, "Sweden"] for i, name in enumerate(clusters)], page=2, top=100)
    agenda = raw_table([["EU cluster organisation", "SME agenda (Y/N)", "SMEs on the agenda"]] +
                       [[name, "Yes", "3"] for name in clusters], page=4, top=100)
    objectives = raw_table([["Clusters", "Organisation", "Cooperation objective & next steps"],
                            ["Norrbotten Photonics", "Suez Industrial Services", "Study visit of the partner to"],
                            ["Alliance", "S.A.E.", "Europe"],
                            ["Cluster Lumière Occitanie", "Lion City Robotics", "Webinar series"]], page=6, top=100)
    pages = [(empty_layout(2), [delegation]), (empty_layout(4), [agenda]), (empty_layout(6), [objectives])]
    table = stitch(pages, PROFILE)[2]
    assert [row.text(0) for row in table.rows] == ["Norrbotten Photonics Alliance", "Cluster Lumière Occitanie"]
    assert table.rows[0].text(1) == "Suez Industrial Services S.A.E."
    # a name nobody else prints whole joins nothing
    other = raw_table([["Clusters", "Organisation", "Cooperation objective & next steps"],
                       ["Kainuu Photonics", "Suez Industrial Services", "Study visit"], ["Alliance", "S.A.E.", "Europe"]], page=6, top=100)
    alone = stitch([(empty_layout(2), [delegation]), (empty_layout(4), [agenda]), (empty_layout(6), [other])], PROFILE)[2]
    assert [row.text(0) for row in alone.rows] == ["Kainuu Photonics", "Alliance"]


def test_stitch_a_header_one_table_gives_the_clusters_means_them_in_the_others():
    """Pool D seed 26 report 2: 'Delegation member' is no profile spelling. In the
    objectives table the delegation's names tell that it heads the clusters' column; in
    Annex 2 they cannot, since the two partners there ('Co-signatory') are delegation
    clusters too. The header the document itself gave the clusters decides."""
    clusters = ["Flanders Cluster for Photonics", "Logistics Hub Päijät-Häme", "Normandie Circular Economy Alliance",
                "Biotech Hub Saarland", "Podkarpacie Cluster for Circular Economy"]
    delegation = raw_table([["Ref.", "Organisation (cluster)", "EU Member State"]]
                           + [[str(i + 1), c, "France"] for i, c in enumerate(clusters)], page=2, top=100)
    objectives = raw_table([["Delegation member", "Counterpart organisation", "Intended outcome / next actions"],
                            [clusters[0], "Suez Industrial Services", "Study visit"],
                            [clusters[3], "Lion City Robotics", "Webinar series"]], page=4, top=100)
    # two clusters by acronyms the report never defines: a smaller share of the
    # delegation's names than the partner column's two
    formal = raw_table([["Delegation member", "Agreement concluded?", "Agreements concluded (no.)", "Co-signatory", "Topic of the agreement"]]
                       + [[c, "No", None, None, None] for c in ["OTK", "LHX", clusters[2]]]
                       + [[clusters[3], "Yes", "1", clusters[0], "Joint research"],
                          [clusters[4], "Yes", "3", clusters[2], "Market access"]], page=6, top=100)
    pages = [(layout_with_lines(2, [("Tab. 1: Clusters in the delegation", 85)]), [delegation]),
             (layout_with_lines(4, [("Tab. 2: Targets of the cooperation and next actions", 85)]), [objectives]),
             (layout_with_lines(6, [("Supplement B – Formal agreements concluded after the mission", 85)]), [formal])]
    annex = stitch(pages, PROFILE)[2]
    assert annex.columns.kind == "formal_agreements" and annex.columns.column("cluster") == 0
    without = stitch(pages, PROFILE, Settings(document_headers=False))[2]
    assert without.columns.column("cluster") != 0


def test_stitch_a_first_row_printed_again_over_the_next_part_is_the_header_though_that_part_reads_it_as_one():
    """Pool D seed 29 report 28: nothing sets the first part's first row apart (plain
    type; a count column whose first cells are dashes), while the next part's copy of it
    stands over counts and reads as a header there. Printed again, it is the header of
    the whole table, not a row of it."""
    head = ["Delegation member", "Contact organisation", "Visits arranged", "Comment"]
    first = raw_table([head, ["Alpha Food Cluster", "Omega Ltd", "–", None], [None, "Sigma SA", "n/a", None]], page=2, top=600)
    second = raw_table([head, ["Beta Water Network", "Delta Inc", "3", "Call held"], [None, "Kappa BV", "2", None],
                        ["Gamma Energy Centre", "Lambda Oy", "4", "To be confirmed"]], page=3, top=70)
    tables = stitch([(layout_with_lines(2, [("Table no. 2 – Targets of the cooperation and next actions", 585)]), [first]),
                     (empty_layout(3), [second])], PROFILE)
    [table] = tables
    assert table.flat_header == head
    assert [row.text(1) for row in table.rows] == ["Omega Ltd", "Sigma SA", "Delta Inc", "Kappa BV", "Lambda Oy"]


def test_captions_name_the_same_table_by_label_word_and_number_alone():
    from extractor.stitch import names_same_table

    assert names_same_table("Table 5 (continued)", "Table 5: Stock list of the regional depot")
    assert names_same_table("TABLE 2.1 - Continued", "Table 2.1. Harvest by region")
    assert names_same_table("Annex IV cont.", "Annex IV: Survey answers")
    assert not names_same_table("Table 50: Stock", "Table 5: Stock")
    assert not names_same_table("Table 5.2: Stock", "Table 5.1: Stock")
    assert not names_same_table("Annex 5: Stock", "Table 5: Stock")
    assert not names_same_table("Table 5: Stock", None)
