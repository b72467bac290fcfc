"""The document decides the word breaks word frequencies cannot (extractor/wordbreaks.py)."""

from dataclasses import replace

from extractor.layout import PageLayout, Word, words_to_lines
from extractor.wordbreaks import rejoin_broken_words

from .synthetic import raw_table


def _page(number: int, text: str) -> PageLayout:
    words, x = [], 50.0
    for token in text.split():
        words.append(Word(token, x, 700.0, x + 5 * len(token), 710.0, 10.0, False))
        x += 5 * len(token) + 3
    return PageLayout(number=number, width=595, height=842, words=words, lines=words_to_lines(words))


def _broken(text_lines: tuple[str, ...], page: int = 2):
    """A one-column table whose only body cell was printed over `text_lines`, its first
    line filling the cell (the break left open by `layout.cell_line_texts`); the table's
    page prints the fragments as words, as the real page does."""
    table = raw_table([["Partner type"], [" ".join(text_lines)]], page=page)
    cell = replace(table.grid[1][0], lines=text_lines, open_breaks=(0,))
    table = replace(table, grid=(table.grid[0], (cell,)))
    return table, _page(page, "Partner type " + " ".join(text_lines))


def _cell_text(found):
    return found[-1][1][0].grid[1][0].text


def test_a_name_broken_at_the_edge_is_joined_where_the_document_prints_it_whole():
    table, page = _broken(("Singapo", "rean enterprise"))
    narrative = _page(1, "The Singaporean hosts welcomed the delegation")
    found = rejoin_broken_words([narrative, page], [(narrative, []), (page, [table])])
    assert _cell_text(found) == "Singaporean enterprise"


def test_a_break_stays_where_the_document_never_prints_the_joined_word():
    table, page = _broken(("Singapo", "rean enterprise"))
    narrative = _page(1, "The hosts welcomed the delegation")
    found = rejoin_broken_words([narrative, page], [(narrative, []), (page, [table])])
    assert _cell_text(found) == "Singapo rean enterprise"


def test_two_words_of_their_own_stay_apart_though_the_document_prints_them_joined():
    """"to" / "day": both are printed as words elsewhere (and are common English), so
    "today" elsewhere in the document proves nothing about this break."""
    table, page = _broken(("visits planned for to", "day and"))
    narrative = _page(1, "Contacts made today; a day to remember")
    found = rejoin_broken_words([narrative, page], [(narrative, []), (page, [table])])
    assert _cell_text(found) == "visits planned for to day and"


def test_the_extraction_joins_the_names_of_a_narrow_annex_and_the_switch_turns_it_off(tmp_path):
    """A development report (pool D, seed 22, report 22) whose 15-column annex breaks the
    names of its cluster column at the edge ("Distretto Ae" / "rospaziale"): joined, the
    names are the delegation's. (The annex itself is now recognised either way: the
    header the objectives table gives the clusters, `document_headers`, tells its column.)"""
    from extractor import ExtractOptions, extract_report
    from extractor.settings import Settings
    from fixtures.unseen.generate import generate_report

    pdf, _ = generate_report("D", 22, 22, tmp_path)
    report = extract_report(pdf)
    assert "Distretto Aerospaziale dell'Emilia" in {r.cluster.raw for r in report.cooperation_agreements if r.cluster}
    off = extract_report(pdf, ExtractOptions(settings=Settings(document_word_breaks=False)))
    assert "Distretto Ae rospaziale dell'Emilia" in {r.cluster.raw for r in off.cooperation_agreements if r.cluster}
