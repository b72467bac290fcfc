from extractor.assemble import LOW_CONFIDENCE, build_records, record_confidence
from extractor.entities import EntityRegistry, ReportEntities
from extractor.profile import load_profile
from extractor.stitch import stitch

from .synthetic import empty_layout, raw_table

PROFILE = load_profile()
HEADER = ["#", "Cluster", "Field(s) of activity", "Country"]


def delegation_table(confidence: float):
    raw = raw_table([HEADER, ["1", "Alpha Cluster", "Water", "Spain"], ["2", "Beta Cluster", "Wood", "Atlantis"]], page=5)
    raw = type(raw)(**{**raw.__dict__, "confidence": confidence})
    return stitch([(empty_layout(5), [raw])], PROFILE)


def test_confidence_follows_grid_quality_and_unparsed_values():
    records = build_records(delegation_table(1.0), PROFILE, ReportEntities(EntityRegistry()))
    by_name = {m.cluster.name: m.provenance.confidence for m in records.delegation}
    assert by_name["Alpha Cluster"] == 1.0
    assert by_name["Beta Cluster"] < 1.0  # "Atlantis" is no country: one unparsed value
    assert not [f for f in records.findings if f.code == "low_confidence"]


def test_low_confidence_records_raise_a_finding():
    records = build_records(delegation_table(0.4), PROFILE, ReportEntities(EntityRegistry()))
    low = [f for f in records.findings if f.code == "low_confidence"]
    assert len(low) == 2 and all(f.found < LOW_CONFIDENCE for f in low)
    assert low[0].provenance.row == 0


def test_record_confidence_penalises_rejoined_rows():
    [table] = delegation_table(1.0)
    row = table.rows[0]
    assert record_confidence(table, row, 0) == 1.0
    row.rejoined = True
    assert record_confidence(table, row, 0) == 0.9
