"""Columns mapped by header and content together, one matching per table; kinds
with a caption veto; unassigned columns reported. Wordings here are invented for
these tests (none is a profile spelling), so they test how headers are read, not
what the profile remembers."""

import pytest

from extractor.assemble import build_records
from extractor.entities import EntityRegistry, ReportEntities
from extractor.headers import classify, column_score, flatten_headers, header_row_count, leaf_headers, name_key
from extractor.profile import load_profile
from extractor.settings import Settings
from extractor.stitch import stitch
from extractor.wording import similarity

from .synthetic import empty_layout, raw_table

PROFILE = load_profile()
HEADER_OFF = Settings(header_similarity=False)
CONTENT_OFF = Settings(content_typing=False)


def mapped(rows, label=None, settings=Settings()):
    table = raw_table(rows)
    n = header_row_count(table, PROFILE)
    body = [[c.text if c else None for c in row] for row in table.grid[n:]]
    return classify(label, flatten_headers(table, n), leaf_headers(table, n), PROFILE, body, settings)


# Annex-1-like table, every header reworded: none of these strings is in the profile.
REWORDED_ANNEX = [
    ["Reporting cluster", "Counterpart organisations", "Forms of co-operation", "No. of SMEs benefiting",
     "Future beneficiary SMEs - direct", "Future beneficiary SMEs - indirect", "Technologies / services concerned"],
    ["Alpha Cluster", "Omega Ltd (non EU firm)", "R&D", "3", "10", "25", "Sensors"],
    ["Beta Cluster", "Sigma SA (EU firm)", "Technology transfer", "1", "4", "12", "Robotics"],
    ["Gamma Cluster", "Delta Inc (non EU firm)", "Joint venture", "0", "2", "8", "Drones"],
]


def test_similarity_reads_words_not_strings():
    assert similarity("Number of SMEs benefiting", "SME benefited") >= 0.8
    assert similarity("Type of organization", "Type of organisation") == 1.0
    assert similarity("Kind of co-operation", "Type of cooperation") == 1.0
    assert similarity("Directly", "Indirectly") == 0.0
    assert similarity("Tech. service involved", "Type of technology service involved") >= 0.8
    # words broken without a hyphen in a narrow column still read as the label
    assert similarity("Potent ial future benefi ciaries (direc t)", "Potential future beneficiaries (direct)") == 1.0
    assert similarity("SME b enefit ed", "SME benefited") == 1.0


def test_similarity_label_words_of_one_meaning():
    """Words report writers use for one thing (data/label_words.yaml) count as one;
    words that tell two fields apart do not."""
    assert similarity("Counterpart organisation", "Partner organisation") == 1.0
    assert similarity("Form of collaboration", "Type of cooperation") == 1.0
    assert similarity("Foreseen effect", "Expected impact") == 1.0
    assert similarity("Number of SMEs that profited", "SMEs benefited") >= 0.8
    assert similarity("Expected results", "Main objective") == 0.0
    assert similarity("Potential direct beneficiaries", "Potential indirect beneficiaries") < 0.8


def test_similarity_intended_results_are_expected_results():
    assert similarity("Intended results", "Expected results") == 1.0
    assert similarity("Intended outcomes of the agreement", "What are the expected results of the agreement?") >= 0.85


def test_columns_reworded_headers_map_by_meaning():
    columns = mapped(REWORDED_ANNEX)
    assert columns.kind == "cooperation_agreements"
    assert columns.columns["cluster"] == (0,)
    assert columns.columns["partner"] == (1,)
    assert columns.columns["cooperation_types"] == (2,)
    assert columns.columns["smes_benefited"] == (3,)
    assert columns.columns["future_smes_direct"] == (4,)
    assert columns.columns["future_smes_indirect"] == (5,)
    assert columns.columns["technology"] == (6,)
    assert columns.unassigned == ()


def test_columns_need_header_similarity():
    """Switched off, the three count columns cannot be told apart and the table is
    not even recognised: the mechanism is what maps them."""
    columns = mapped(REWORDED_ANNEX, settings=HEADER_OFF)
    assert columns.columns.get("future_smes_direct") != (4,) or columns.columns.get("smes_benefited") != (3,)


# Headers that say little ("Agenda", "SMEs in it"): the cells say which is the answer
# and which the count.
TERSE_SME_TABLE = [
    ["Cluster", "SMEs in it", "Agenda"],
    ["Alpha Cluster", "12", "Yes"],
    ["Beta Cluster", "0", "No"],
    ["Gamma Cluster", "7", "Yes"],
]


def test_columns_content_decides_where_headers_are_terse():
    columns = mapped(TERSE_SME_TABLE, label="Table 3 - Involvement of the SMEs prior to the event")
    assert columns.kind == "sme_involvement"
    assert columns.column("has_sme_agenda") == 2
    assert columns.column("smes_in_agenda") == 1


def test_columns_need_content_typing():
    columns = mapped(TERSE_SME_TABLE, label="Table 3 - Involvement of the SMEs prior to the event", settings=CONTENT_OFF)
    assert (columns.column("has_sme_agenda"), columns.column("smes_in_agenda")) != (2, 1)


def test_columns_content_that_does_not_fit_lowers_the_header_score():
    assert column_score(1.0, 1.0, 1.0) == 1.0
    assert column_score(1.0, 0.0, 1.0) == 0.5
    assert column_score(0.0, 1.0, 1.0) > column_score(0.0, 1.0, 0.5) > column_score(0.0, 1.0, 0.0) == 0.0
    assert column_score(0.7, None, 1.0) == 0.7


def test_columns_extra_column_is_unassigned_and_reported():
    rows = [
        ["#", "Cluster", "Remarks by the organiser", "Country"],
        ["1", "Alpha Cluster", "arrived late", "Spain"],
        ["2", "Beta Cluster", "none", "Italy"],
    ]
    raw = raw_table(rows, page=4)
    [table] = stitch([(empty_layout(4), [raw])], PROFILE)
    assert table.columns.kind == "delegation"
    assert table.columns.unassigned == (2,)
    records = build_records([table], PROFILE, ReportEntities(EntityRegistry()))
    [finding] = [f for f in records.findings if f.code == "unmapped_column"]
    assert finding.found == "Remarks by the organiser" and finding.provenance.page == 4
    assert [m.country for m in records.delegation] == ["ES", "IT"]


def test_classify_caption_naming_another_kind_vetoes():
    rows = [["Cluster", "Partner organisation", "Objective"], ["Alpha Cluster", "Omega Ltd", "Share labs"]]
    assert mapped(rows).kind == "cooperation_objectives"
    assert mapped(rows, label="Table 4 - Clusters and their SMEs which benefited from the event").kind != "cooperation_objectives"


def test_classify_lettered_roman_and_appendix_captions_name_their_kind():
    rows = [["Cluster", "Partner organisation", "Objective"], ["Alpha Cluster", "Omega Ltd", "Share labs"]]
    for label in ("Table B: Cooperation objectives", "Annex IV – Cooperation objectives", "Appendix 2. Cooperation objectives"):
        assert PROFILE.caption_pattern.search(label)
        assert mapped(rows, label=label).title_score >= 80


def test_header_row_set_apart_by_bold_type():
    table = raw_table([["Alpha", "Beta"], ["one thing", "another"], ["more", "text"]])
    assert header_row_count(table, PROFILE) == 0
    grid = list(table.grid)
    grid[0] = tuple(type(c)(text=c.text, lines=c.lines, bold=True, bbox=c.bbox) for c in grid[0])
    bold = type(table)(**{**table.__dict__, "grid": tuple(grid)})
    assert header_row_count(bold, PROFILE) == 1


def test_header_row_set_apart_by_content():
    assert header_row_count(raw_table([["Zeta", "Eta"], ["Alpha", "3"], ["Beta", "4"], ["Gamma", "0"]]), PROFILE) == 1
    assert header_row_count(raw_table([["Alpha", "3"], ["Beta", "4"], ["Gamma", "0"]]), PROFILE) == 0


def test_classify_a_caption_that_names_no_kind_gives_a_one_cell_layout_no_bonus():
    """A caption half like a kind's titles ("SME agenda of the clusters" shares words
    with "Clusters and their SMEs which benefited") does not make a three-column
    table of answers the one-cell list layout: the columns decide."""
    rows = [
        ["Cluster", "Did the cluster prepare a specific agenda for its SMEs?", "SMEs involved in the agenda"],
        ["Alpha Cluster", "N/A", None],
        ["Beta Cluster", "✗", None],
        ["Gamma Cluster", "n/a", None],
    ]
    assert mapped(rows, label="Table 3 - SME agenda of the clusters").kind == "sme_involvement"


def test_captions_any_label_word_but_figures():
    """Besides the family's caption words, a line that reads as a label (a word, an
    identifier, a separator, a title) captions a table; figure labels do not."""
    for label in ("Exhibit 3 - Beneficiary SMEs by cluster", "Tableau 2 : Délégation", "TABLE 4 – BENEFICIARY SMES BY CLUSTER"):
        assert PROFILE.caption_pattern.search(label), label
    for line in ("Figure 3 - Number of SMEs", "FIGURE 2: Map", "Page 3 of 10", "In 2016, the mission", "over 3 - 4 days"):
        assert not PROFILE.caption_pattern.search(line), line
    assert mapped(
        [["Cluster", "SMEs"], ["Alpha Cluster", "• Omega GmbH"], ["Beta Cluster", "• Sigma SAS"]],
        label="Exhibit 4 - Beneficiary SMEs by cluster",
    ).kind == "benefited_smes"


def test_header_row_bold_over_a_bold_first_column_and_worded_otherwise():
    """A bold header over a body whose first column is bold too (respondents' names)
    is still set apart by type; header words that no spelling holds but that mean the
    same ("European cluster", "Objectives & follow-up") read as headers."""
    table = raw_table([["European cluster", "Partner", "Objectives & follow-up"],
                       ["Alpha Cluster", "Omega Ltd", "Study visit"], ["Beta Cluster", "Sigma SA", "Joint workshop"]])
    grid = [tuple(type(c)(text=c.text, lines=c.lines, bold=(r == 0 or i == 0), bbox=c.bbox) for i, c in enumerate(row))
            for r, row in enumerate(table.grid)]
    bold = type(table)(**{**table.__dict__, "grid": tuple(grid)})
    assert header_row_count(bold, PROFILE) == 1
    plain = type(table)(**{**table.__dict__, "grid": tuple(tuple(type(c)(text=c.text, lines=c.lines, bold=False, bbox=c.bbox) for c in row) for row in table.grid)})
    assert header_row_count(plain, PROFILE) == 1  # by meaning: "Partner", "European cluster", "Objectives"


def test_classify_a_caption_resembling_a_kind_tips_a_close_choice():
    """Cluster, a yes/no column and a count fit both the SME agenda and the formal
    agreements; headers that say little leave it to the caption, which need not use
    the profile's title words to tip the choice."""
    rows = [["Cluster", "Done?", "How many?"], ["Alpha Cluster", "Yes", "3"], ["Beta Cluster", "No", "0"]]
    hint = mapped(rows, label="Table 3 - SMEs and trade fairs")  # shares "SMEs" with "SME involvement" only
    assert hint.kind == "sme_involvement" and hint.title_score < 80
    assert mapped(rows, label="Table 3 - SMEs and trade fairs", settings=Settings(title_hint=0.0)).kind != "sme_involvement"
    assert mapped(rows, label="Annex 2 - Agreements formally signed by each cluster").kind == "formal_agreements"


def _annex_with(detail_header: str):
    return [
        ["Reporting cluster", "Counterpart organisations", "Forms of co-operation", "SMEs consulted in advance?",
         detail_header, "No. of SMEs benefiting"],
        ["Alpha Cluster", "Omega Ltd (non EU firm)", "R&D", "yes", "Online questionnaire to the members", "3"],
        ["Beta Cluster", "Sigma SA (EU firm)", "Technology transfer", "no", "Meetings before the trip", "1"],
        ["Gamma Cluster", "Delta Inc (non EU firm)", "Joint venture", "yes", "Phone calls", "0"],
    ]


def test_columns_follow_up_question_details_the_answer_left_of_it():
    # "If yes, how?" means nothing alone: beside the survey question it is the detail of its answer.
    columns = mapped(_annex_with("If yes, how?"))
    assert columns.kind == "cooperation_agreements"
    assert columns.columns["smes_surveyed"] == (3,) and columns.columns["preparation_detail"] == (4,)


def test_columns_a_plain_label_beside_an_answer_is_not_its_detail():
    columns = mapped(_annex_with("Website"))
    assert "preparation_detail" not in columns.columns and 4 in columns.unassigned


def test_captions_whose_number_a_number_sign_announces():
    """"Table no. 3 – ...", "Tab. N° 2: ...", "Table #4 - ...": a number sign between
    the label word and the number still makes a caption, and its title still names
    the kind (a caption that is not read leaves the table without its veto)."""
    for label in ("Table no. 3 – Tailored SME programmes", "Tab. N° 2: Delegation", "Table Nr. 1 - Delegation",
                  "Annex No. II – Formal agreements", "Table #4 - Beneficiary SMEs"):
        assert PROFILE.caption_pattern.search(label), label
    for line in ("Table None - of these", "Page no. 3 of 10", "Figure no. 2 - Map"):
        assert not PROFILE.caption_pattern.search(line), line
    rows = [["Cluster", "Partner organisation", "Objective"], ["Alpha Cluster", "Omega Ltd", "Share labs"]]
    assert mapped(rows, label="Table no. 2 - Cooperation objectives").title_score >= 80


def test_two_answer_questions_told_apart_by_their_verb_not_their_qualifiers():
    """Both Annex 1 questions are asked "before the event" and "in preparation": a
    header that words one of them with the other's usual qualifier ("Survey of SMEs
    prior to the mission", "Were SMEs involved in the preparation?") is still told
    apart by its verb; benefits worded as "value" and an objective as what the
    cluster wants to achieve are read too."""
    rows = [
        ["Cluster", "Partner organisation", "Type of cooperation", "Were SMEs involved in the preparation?",
         "Survey of SMEs prior to the mission", "Number of SMEs that benefited", "Value for SMEs"],
        ["Alpha Cluster", "Omega Ltd (non EU firm)", "R&D", "Yes", "No", "3", "New customers"],
        ["Beta Cluster", "Sigma SA (EU firm)", "Technology transfer", "No", "Yes", "1", "Better market knowledge"],
    ]
    columns = mapped(rows, label="Annex 1 - Cooperation agreements").columns
    assert columns["smes_involved_before"] == (3,) and columns["smes_surveyed"] == (4,)
    assert columns["benefits"] == (6,)
    objectives = [["Cluster", "Partner organisation", "What do you want to achieve, and what comes next?"],
                  ["Alpha Cluster", "Omega Ltd", "A joint pilot; a second visit"]]
    assert mapped(objectives).columns.get("objective") == (2,)


def test_delegation_thematic_focus_is_the_field_of_activity():
    rows = [["No.", "Cluster", "Thematic focus", "Country"],
            ["1", "Alpha Cluster", "Optics, laser systems", "France"],
            ["2", "Beta Cluster", "Logistics, warehousing", "Spain"]]
    assert mapped(rows).columns.get("fields_of_activity") == (2,)


def test_a_pair_under_the_minimum_score_does_not_sway_the_matching():
    """Pool D's Annex 2 (seed 16, report 9): one of two co-signatories is a delegation
    cluster, so "Co-signatory" is a weak cluster column (under the minimum score, left
    out afterwards). Counted in the matching, it let the partner field take the real
    cluster column ("EU cluster organisation": "organisation" is a partner word), and
    the table, without its required cluster field, lost its kind."""
    flat = ["EU cluster organisation", "Has a formal agreement been concluded?", "Agreements concluded (no.)", "Co-signatory",
            "Type of partner", "Co-signatory's country", "Topic of the agreement", "Description of the agreement",
            "What results are expected?", "What results are expected?"]
    body = [["Biotech Hub Pannonia", "Yes.", "One", "Space and Defence Hub Pannonia", "Hungarian cluster organisation", "Hungary (HU)",
             "Market access", "Licence for a monitoring system", "New jobs in the partner region", None],
            ["Norrbotten Circular Economy Alliance", "No.", None, None, None, None, None, None, None, None],
            ["Norrbotten Space and Defence Alliance", "Y.", "3", "Queensland Agritech S.A.E.", "host-country firm", "Indonesia",
             "Joint research", "Licence for a monitoring system", "Joint application to a funding call", "Two joint events per year"],
            ["Pomerania Biotech Alliance", "☐", None, None, None, None, None, None, None, None],
            ["Space and Defence Hub Pannonia", "N/A.", None, None, None, None, None, None, None, None],
            ["VLC", None, None, None, None, None, None, None, None, None]]
    recurring = frozenset({"biotech hub pannonia", "hungary hu", "norrbotten circular economy alliance",
                           "norrbotten space and defence alliance", "pomerania biotech alliance", "space and defence hub pannonia"})
    found = classify("ANNEXE 2 – Formal agreements concluded after the mission", flat, flat, PROFILE, body, Settings(), recurring)
    assert found.kind == "formal_agreements" and found.columns["cluster"] == (0,)


def test_columns_names_carrying_a_legal_form_are_partners_though_no_header_says_so():
    """Annex 2 of a development report (pool D, seed 25, report 30) heads its partner
    column 'Co-signatory', a word no profile spelling resembles. Plain names would tell
    nothing (any capitalised text reads as a name), but companies' legal forms (ISO 20275:
    'S.A.E.', 'Pty Ltd') say what kind of body each is, as a type suffix does."""
    rows = [
        ["EU cluster organisation", "Has a formal agreement been concluded?", "Total agreements", "Co-signatory", "Topic of the agreement"],
        ["Alpha Food Cluster", "Yes", "3", "Nile Delta Foods S.A.E.", "Distribution of products"],
        ["Beta Water Network", "Yes", "1", "Outback Solar Pty Ltd", "Training and exchange"],
        ["Gamma Energy Centre", "No", None, None, None],
    ]
    [table] = stitch([(empty_layout(6), [raw_table(rows, page=6)])], PROFILE)
    assert table.columns.kind == "formal_agreements" and table.columns.column("partner") == 3
    [never] = stitch([(empty_layout(6), [raw_table(rows, page=6)])], PROFILE, Settings(typed_partner_fit=1.01))
    assert never.columns.column("partner") is None and 3 in never.columns.unassigned


def test_columns_a_header_printed_over_two_columns_heads_one_field():
    """Pool D seed 0 report 0: 'Intended results' heads two columns of Annex 2. The
    first (its cells on the next page) takes the expected results at the minimum score,
    the second's cells pull its own score under it: printed over both, the header says
    they are one field split in two, not an unknown column."""
    rows = [
        ["Cluster (EU side)", "Agreement concluded?", "Number of agreements concluded", "Agreement focus", "Intended results", "Intended results"],
        ["Alpha Food Cluster", "Yes", "2", "Market access", None, "Pilot"],
        ["Beta Water Network", "Yes", "1", "Training and exchange", None, "+"],
        ["Gamma Energy Centre", "No", None, None, None, None],
    ]
    [table] = stitch([(empty_layout(6), [raw_table(rows, page=6)])], PROFILE)
    assert table.columns.kind == "formal_agreements"
    assert table.columns.columns["expected_results"] == (4, 5) and not table.columns.unassigned


def test_captions_numbered_in_parts_or_after_an_annex_letter():
    for label in ("Exhibit 2.2. Number of children by age cohort", "Table A-2. Mean absolute percentage errors",
                  "Table B.1: Respondents by sector", "Tableau 3.1.2 - Délégation"):
        assert PROFILE.caption_pattern.search(label), label
    for line in ("Page 3.2 of 10", "Figure 2.1. Map of the region", "Region 1.5 234 567"):
        assert not PROFILE.caption_pattern.search(line), line


def test_columns_additional_information_is_the_agreements_details():
    """"Information" is general English for details ("Additional information",
    "Further particulars"): the column of free text beside the agreement's focus
    details the agreement."""
    rows = [["Clusters", "Formal agreement signed?", "Partner organisation", "Main focus", "Additional information",
             "Expected results"],
            ["Alpha Cluster", "Yes", "Omega Ltd", "Joint research", "Licence for a monitoring system", "New jobs"],
            ["Beta Cluster", "No", None, None, None, None],
            ["Gamma Cluster", "Yes", "Sigma SA", "Market access", "Exclusive distribution in the region", "Two joint events"]]
    found = mapped(rows, "Annex 2 - Formal agreements")
    assert found.kind == "formal_agreements" and found.columns["details"] == (4,)
    rows[0][4] = "Further particulars"
    assert mapped(rows, "Annex 2 - Formal agreements").columns["details"] == (4,)


def test_columns_one_delegation_name_in_a_partner_column_does_not_make_it_the_cluster_column():
    """Pool D's Annex 2 (seed 3, report 28): one agreement among ten clusters, signed
    with another delegation member. That one name, repeated by the delegation table,
    was evidence enough to take the cluster field for "Signed with" and push the
    real cluster column (every row a member) onto the partner field: one name may be
    anyone's. The header is 'Co-signed by' here: 'Signed with' now reads as the partner's
    own header, which would keep the partners apart whatever the names say."""
    flat = ["EU cluster organisation", "Agreement concluded?", "Total agreements", "Co-signed by", "Type of partner",
            "Subject matter", "What results are expected?"]
    members = ["Normandie Cluster for Logistics and Innovation", "Biotech Hub Funen", "Vlaams Logistiek Cluster",
               "Minho Cluster for Tourism and Innovation", "Pomerania Logistics Alliance",
               "Friuli Venezia Giulia Cluster for Biotech and Innovation"]
    body = [[m, "Not yet", None, None, None, None, None] for m in members]
    body[3] = [members[3], "Yes, we did", "2", members[5], "EU cluster", "Joint research",
               "New jobs in the partner region"]
    recurring = frozenset(name_key(m) for m in members)
    found = classify("ANNEXE 2 – Agreements concluded", flat, flat, PROFILE, body, Settings(), recurring)
    assert found.kind == "formal_agreements" and found.columns["cluster"] == (0,)
    assert found.columns.get("partner") != (0,)
    one_name_enough = classify("ANNEXE 2 – Agreements concluded", flat, flat, PROFILE, body, Settings(recurring_name_cells=1), recurring)
    assert one_name_enough.columns["cluster"] == (3,)


def test_columns_a_header_whose_words_a_narrow_column_broke_maps_by_the_whole_words():
    """Narrow columns break words without a hyphen, anywhere ("SMEs c" / "onsulte" /
    "d in ad" / "vance?"); where the lines of the header cell are no longer known, the
    pieces that make a word and are none themselves are joined before the header is
    compared (dev pool C seed 3 report 10, pool D seed 3 report 20)."""
    rows = [["Participating cluster", "Counterpart", "Nature of the cooperation", "Did you involve SMEs before the event?",
             "SMEs c onsulte d prior to the event?", "Number of SMEs that p rofite d", "Expected ind irect b enefici aries"],
            ["Alpha Cluster", "Omega Ltd (non EU firm)", "R&D", "Yes", "No", "3", "12"],
            ["Beta Cluster", "Sigma SA (EU firm)", "Technology transfer", "No", "Yes", "1", "4"],
            ["Gamma Cluster", "Delta Inc (non EU firm)", "Joint venture", "Yes", "n/a", "0", "8"]]
    found = mapped(rows, "Annex 1 - Cooperation agreements")
    assert found.kind == "cooperation_agreements"
    assert (found.columns["smes_surveyed"], found.columns["smes_benefited"], found.columns["future_smes_indirect"]) == ((4,), (5,), (6,))
    assert "future_smes_indirect" not in mapped(rows, "Annex 1 - Cooperation agreements", Settings(header_word_breaks=False)).columns


def test_similarity_a_label_ending_on_with_heads_the_other_party():
    """'Signed with', 'Agreed with whom?': the preposition's object is left to the cells,
    and what one signs or meets with is the other party, the partner (dev pool D seed 3
    report 28, seed 5 report 0). With its object in the label, 'with' says nothing."""
    assert similarity("Agreed with", "Partner") >= 0.7
    assert similarity("Entered into with whom?", "Counterpart") >= 0.7
    assert similarity("Cooperation with SMEs", "Partner") == 0.0
    assert similarity("Agreed with", "Agreement signed?") < similarity("Agreed with", "Partner")


def test_columns_a_column_headed_by_a_label_ending_on_with_holds_the_partners():
    rows = [
        ["Cluster", "Agreement concluded?", "Total agreements", "Agreed with", "Topic of the agreement"],
        ["Alpha Food Cluster", "Yes", "3", "Nile Delta Growers", "Distribution of products"],
        ["Beta Water Network", "Yes", "1", "Outback Solar Group", "Training and exchange"],
        ["Gamma Energy Centre", "No", None, None, None],
    ]
    [table] = stitch([(empty_layout(6), [raw_table(rows, page=6)])], PROFILE)
    assert table.columns.kind == "formal_agreements" and table.columns.column("partner") == 3
