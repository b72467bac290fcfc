"""Record builders: values read through the table's column map."""

from extractor.assemble import build_records
from extractor.entities import EntityRegistry, ReportEntities
from extractor.profile import load_profile
from extractor.stitch import stitch

from .synthetic import empty_layout, raw_table

PROFILE = load_profile()


def records_of(rows, label):
    tables = stitch([(empty_layout(6), [raw_table(rows, page=6)])], PROFILE)
    entities = ReportEntities(EntityRegistry())
    return tables, build_records(tables, PROFILE, entities)


def test_assemble_formal_partner_suffix_gives_the_type_and_leaves_the_name():
    rows = [
        ["Clusters", "Has your cluster signed formal agreement(s)?", "Organisation name", "Country"],
        ["Alpha Cluster", "Yes", "Omega Plastics Council [non-EU cluster]", "Chile"],
        ["Beta Cluster", "Yes", "Sigma Ltd", "Chile"],
    ]
    _, records = records_of(rows, "Annex 2 - Formal agreements")
    first, second = records.formal_agreements
    assert (first.partner, first.partner_type, first.partner_country) == ("Omega Plastics Council", "non_eu_cluster", "CL")
    assert (second.partner, second.partner_type) == ("Sigma Ltd", None)


def test_assemble_agreement_type_from_a_separate_column():
    rows = [
        ["Clusters", "Organisation", "Type of organisation", "Type of cooperation"],
        ["Alpha Cluster", "Omega Ltd", "Chilean company", "R&D"],
        ["Beta Cluster", "Sigma Network", "EU cluster", "Joint venture"],
    ]
    _, records = records_of(rows, "Annex 1 - Cooperation agreements")
    assert [a.partner_type for a in records.cooperation_agreements] == ["non_eu_firm", "eu_cluster"]


def test_assemble_benefited_smes_in_two_columns():
    rows = [
        ["Cluster", "SMEs which benefited"],
        ["Alpha Cluster", "1) Omega GmbH\n2) Sigma SAS"],
        ["Beta Cluster", "Delta AB, Kappa Oy"],
    ]
    raw = raw_table(rows, page=6)
    grid = list(raw.grid)
    for r in (1, 2):
        cell = grid[r][1]
        grid[r] = (grid[r][0], type(cell)(text=cell.text.replace("\n", " "), lines=tuple(cell.text.split("\n")), bold=False, bbox=cell.bbox))
    raw = type(raw)(**{**raw.__dict__, "grid": tuple(grid)})
    tables = stitch([(empty_layout(6), [raw])], PROFILE)
    records = build_records(tables, PROFILE, ReportEntities(EntityRegistry()))
    assert tables[0].columns.kind == "benefited_smes"
    assert [(b.cluster.raw, b.smes) for b in records.benefited_smes] == [
        ("Alpha Cluster", ["Omega GmbH", "Sigma SAS"]),
        ("Beta Cluster", ["Delta AB", "Kappa Oy"]),
    ]


def test_assemble_cluster_row_with_only_a_remark_gives_no_agreement():
    """A cluster listed with nothing to report but a remark in an extra column is no
    agreement: columns that map to no field do not count."""
    rows = [
        ["Clusters", "Organisation", "Type of cooperation", "Remarks by the organiser"],
        ["Alpha Cluster", "Omega Ltd", "R&D", "met twice"],
        ["Beta Cluster", None, None, "to be confirmed"],
    ]
    tables, records = records_of(rows, "Annex 1 - Cooperation agreements")
    assert tables[0].columns.unassigned == (3,)
    assert [a.cluster.raw for a in records.cooperation_agreements] == ["Alpha Cluster"]


def test_assemble_benefited_smes_without_bullets_split_after_the_members_name():
    """One cell per cluster: its name over one or two lines, then its SMEs one per
    line or separated by commas (wrapped), no bullets. The name is the run of first
    lines that names a delegation member, without a line holding list separators."""
    from .test_stitch import layout_with_lines

    delegation = raw_table([["#", "Cluster", "Country"], ["1", "Fjord Marine Cluster", "Norway"],
                            ["2", "Alpine Timber Innovation Network", "Austria"]], page=3, top=100)
    rows = [["Fjord Marine Cluster\\nKelp Foods AS, Sea Robotics AS, Nordic\\nAlgae AS"], ["Alpine Timber Innovation\\nNetwork\\nHolzbau GmbH"]]
    benefited = raw_table([[r[0].replace("\\n", " ")] for r in rows], page=4, top=100)
    grid = [tuple(type(c)(text=c.text, lines=tuple(rows[i][0].split("\\n")), bold=False, bbox=c.bbox) for c in row)
            for i, row in enumerate(benefited.grid)]
    benefited = type(benefited)(**{**benefited.__dict__, "grid": tuple(grid)})
    page3 = layout_with_lines(3, [("Table 1 - EU cluster delegation", 85)])
    page4 = layout_with_lines(4, [("Table 4 - Clusters and their SMEs which benefited from the event", 85)])
    tables = stitch([(page3, [delegation]), (page4, [benefited])], PROFILE)
    records = build_records(tables, PROFILE, ReportEntities(EntityRegistry()))
    assert [(b.cluster.name, b.smes) for b in records.benefited_smes] == [
        ("Fjord Marine Cluster", ["Kelp Foods AS", "Sea Robotics AS", "Nordic Algae AS"]),
        ("Alpine Timber Innovation Network", ["Holzbau GmbH"]),
    ]


def test_assemble_delegation_country_as_a_nationality_or_code():
    rows = [["#", "Cluster", "Country"], ["1", "Alpha Cluster", "German"], ["2", "Beta Cluster", "PT"], ["3", "Gamma Cluster", "Czechia"]]
    _, records = records_of(rows, "Table 1 - EU cluster delegation")
    assert [m.country for m in records.delegation] == ["DE", "PT", "CZ"]
