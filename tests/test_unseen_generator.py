"""The held-out report generator (fixtures/unseen): determinism, the scorer, the
disjointness of pools A and B and of the development pools C and D. Never extracts a pool-B report."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pdfplumber
import pytest

from fixtures.unseen.generate import build_report, generate_report
from fixtures.unseen.pools import load_pool, slot_entries
from fixtures.unseen.score import alias_accuracy, f1_of, table_stats

# slots whose entries are data (ISO codes), not wordings
DATA_SLOTS = {"names.fixed_clusters[].country"}


@pytest.fixture(scope="module")
def report_a(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen")
    pdf, exp = generate_report("A", 7, 0, out)
    return pdf, json.loads(exp.read_text(encoding="utf-8"))


def test_same_seed_same_expected(report_a, tmp_path):
    _, first = report_a
    _, again = generate_report("A", 7, 0, tmp_path)
    assert json.loads(again.read_text(encoding="utf-8")) == first
    assert build_report("A", 7, 1)[1] != first


def test_pdf_opens_and_has_text(report_a):
    pdf, expected = report_a
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert len(doc.pages) >= 3
    assert expected["event"]["title"] in text
    assert expected["delegation"][0]["cluster"]["name"].split()[0] in text


def test_expected_shape_and_reconciliation(report_a):
    _, e = report_a
    for key in ("event", "survey", "key_figures", "delegation", "cooperation_objectives", "cooperation_agreements",
                "sme_involvement", "benefited_smes", "formal_agreements", "tables", "alias_groups", "extra_columns"):
        assert key in e
    stated = {k["key"]: k["value"] for k in e["key_figures"]}
    truth = {
        "participants": len(e["delegation"]),
        "cooperation_agreements_detailed": len(e["cooperation_agreements"]),
        "smes_directly_benefited": sum(r["smes_benefited"] or 0 for r in e["cooperation_agreements"]),
        "smes_future_direct": sum(r["future_smes_direct"] or 0 for r in e["cooperation_agreements"]),
        "clusters_with_smes": len(e["benefited_smes"]),
    }
    for key, value in truth.items():
        if key in stated:
            assert stated[key] == value, key
    assert [t["kind"] for t in e["tables"]] == ["delegation", "cooperation_objectives", "sme_involvement",
                                                "benefited_smes", "cooperation_agreements", "formal_agreements"]


def _found_from(expected: dict) -> dict:
    """A found report built from the expected records, with ids: every alias group one id."""
    found = copy.deepcopy(expected)
    ids = {}
    for n, group in enumerate(expected["alias_groups"]):
        for s in group:
            ids[s] = f"e{n}"

    def put_ids(node):
        if isinstance(node, dict):
            if "raw" in node and "name" in node:
                node["id"] = ids.get(node["raw"], "x")
                node["score"] = 100
            for v in node.values():
                put_ids(v)
        elif isinstance(node, list):
            for v in node:
                put_ids(v)

    put_ids(found)
    return found


def test_scorer_perfect_and_degraded(report_a):
    _, e = report_a
    assert f1_of(e, e) == 1.0
    assert f1_of(e, _found_from(e)) == 1.0

    changed = copy.deepcopy(e)
    changed["delegation"][0]["fields_of_activity"] = "something else"
    assert f1_of(e, changed) < 1.0

    dropped = copy.deepcopy(e)
    dropped["cooperation_agreements"].pop()
    assert f1_of(e, dropped) < 1.0

    raw = copy.deepcopy(e)
    raw["delegation"][0]["cluster"]["raw"] += " X"
    assert f1_of(e, raw) < 1.0

    assert f1_of(e, None) == 0.0


def test_alias_accuracy_drops_when_groups_share_an_id(report_a):
    _, e = report_a
    found = _found_from(e)
    # entities as an extractor would list them
    found["entities"] = [{"id": f"e{n}", "name": g[0], "kind": "cluster", "aliases": list(g), "country": None}
                         for n, g in enumerate(e["alias_groups"])]
    groups = e["alias_groups"]
    good, total = alias_accuracy(groups, found)
    assert good == total > 2
    merged = copy.deepcopy(found)
    for ent in merged["entities"]:
        if ent["id"] == "e1":
            ent["id"] = "e0"

    def remap(node):
        if isinstance(node, dict):
            if node.get("id") == "e1":
                node["id"] = "e0"
            for v in node.values():
                remap(v)
        elif isinstance(node, list):
            for v in node:
                remap(v)

    remap(merged)
    worse, _ = alias_accuracy(groups, merged)
    assert worse <= good - 2


def test_table_stats():
    exp = [{"label": "Table 1 – A", "kind": "delegation"}, {"label": "Annex 1", "kind": "formal_agreements"}]
    found = [{"label": "Table 1 – A", "kind": "sme_involvement"}, {"label": None, "kind": None}]
    st = table_stats(exp, found)
    assert (st.wrong_kind, st.unrecognised) == (1, 1)


def test_report_problems_name_the_tables_and_the_columns_missed():
    from fixtures.unseen.score import report_problems

    expected = {"tables": [{"label": "Table 1 – A", "kind": "delegation"}, {"label": "Annex 1", "kind": "formal_agreements"}],
                "extra_columns": ["Responsible person", "Internet"]}
    found = {"tables": [{"label": "Table 1 – A", "kind": "sme_involvement"}, {"label": "Annex 1", "kind": None}],
             "findings": [{"code": "unmapped_column", "message": "Annex 1: column 'Internet' maps to no field"}]}
    assert report_problems(expected, found) == [
        "delegation table 'Table 1 – A' read as sme_involvement",
        "unrecognised formal_agreements table 'Annex 1'",
        "extra column 'Responsible person' not reported",
    ]
    assert report_problems(expected, None) == ["extraction raised"]


def test_the_failure_listing_refuses_the_held_out_pool(capsys):
    import runpy

    bench = runpy.run_path(str(Path(__file__).resolve().parents[1] / "bench" / "unseen.py"), run_name="unseen_bench")
    with pytest.raises(SystemExit) as stop:
        bench["main"](["--pools", "A", "B", "--failures"])
    assert stop.value.code == 2 and "pool B is held out" in capsys.readouterr().err


def test_pools_share_no_entry():
    """The only test that reads pool B: its entries never appear in pool A's same slot."""
    a, b = load_pool("A"), load_pool("B")
    ea, eb = slot_entries(a), slot_entries(b)
    assert set(ea) - {k for k in ea if k.startswith("abbreviations.")} == \
        set(eb) - {k for k in eb if k.startswith("abbreviations.")}
    for slot in ea.keys() & eb.keys():
        if slot in DATA_SLOTS:
            continue
        assert not ea[slot] & eb[slot], f"pools A and B share {sorted(ea[slot] & eb[slot])} in {slot}"
    # abbreviations: neither the words abbreviated nor their short forms are shared
    assert not set(a["abbreviations"]) & set(b["abbreviations"])
    assert not set(a["abbreviations"].values()) & set(b["abbreviations"].values())
    # host countries differ between the pools
    assert not set(a["hosts"]) & set(b["hosts"])


#: Slots that hold generator codes (number-word styles, name-variant kinds) or month
#: names: pool D draws them from the same closed lists as pools A and C.
CODE_SLOTS = {"counts.word_styles[]", "counts.cell_word_case[]", "name_variants[]", "event.months[]"}


@pytest.mark.parametrize("letter", ["C", "D"])
def test_development_pool_loads_with_the_slots_of_pool_a(letter):
    """Pools C and D (development pools written without reading pool B) have pool A's slots."""
    a, pool = load_pool("A"), load_pool(letter.lower())
    ea, ep = slot_entries(a), slot_entries(pool)
    assert {k for k in ea if not k.startswith("abbreviations.")} == \
        {k for k in ep if not k.startswith("abbreviations.")}
    assert all(ep[slot] for slot in ep)
    # every ISO code a report can print has a country name
    names = set(pool["country_names"])
    assert set(pool["hosts"]) | set(pool["names"]["regions"]) | set(pool["eu_nationalities"]) <= names
    assert {fc["country"] for fc in pool["names"]["fixed_clusters"]} <= names


@pytest.mark.parametrize("letter, other", [("C", "A"), ("D", "A"), ("D", "C")])
def test_development_pools_share_no_entry(letter, other):
    pool, earlier = load_pool(letter), load_pool(other)
    ep, ee = slot_entries(pool), slot_entries(earlier)
    exempt = DATA_SLOTS | (CODE_SLOTS if letter == "D" else set())
    for slot in ep.keys() & ee.keys():
        if slot in exempt:
            continue
        assert not ep[slot] & ee[slot], f"pools {other} and {letter} share {sorted(ep[slot] & ee[slot])} in {slot}"
    assert not set(pool["abbreviations"]) & set(earlier["abbreviations"])
    assert not set(pool["abbreviations"].values()) & set(earlier["abbreviations"].values())
    assert not set(pool["hosts"]) & set(earlier["hosts"])


def _reconciles(e: dict) -> None:
    stated = {k["key"]: k["value"] for k in e["key_figures"]}
    agreements = e["cooperation_agreements"]
    truth = {
        "participants": len(e["delegation"]),
        "cooperation_agreements_detailed": len(agreements),
        "smes_directly_benefited": sum(r["smes_benefited"] or 0 for r in agreements),
        "smes_future_direct": sum(r["future_smes_direct"] or 0 for r in agreements),
        "smes_future_indirect": sum(r["future_smes_indirect"] or 0 for r in agreements),
        "clusters_with_smes": len(e["benefited_smes"]),
        "formal_agreements_signed": sum(r["count"] or 0 for r in e["formal_agreements"] if r["signed"] == "yes"),
    }
    for key, value in truth.items():
        if key in stated:
            assert stated[key] == value, key
    if "cooperation_agreements_reported" in stated:
        assert stated["cooperation_agreements_reported"] >= len(agreements)


@pytest.mark.parametrize("letter", ["C", "D"])
def test_development_pool_report_is_deterministic_and_reconciles(tmp_path, letter):
    pdf, exp = generate_report(letter, 7, 0, tmp_path / "first")
    pdf2, exp2 = generate_report(letter, 7, 0, tmp_path / "again")
    assert exp.read_bytes() == exp2.read_bytes()
    assert pdf.read_bytes() == pdf2.read_bytes()
    e = json.loads(exp.read_text(encoding="utf-8"))
    assert e["event"]["country"] in load_pool(letter)["hosts"]
    _reconciles(e)
    assert build_report(letter, 7, 1)[1] != e
    # the pool's every wording builds: many reports, built without rendering
    for i in range(40):
        _reconciles(build_report(letter, 3, i)[1])


def test_same_report_in_other_processes(tmp_path):
    """Generation must not depend on string hashing (PYTHONHASHSEED) or process state."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    outs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        subprocess.run([sys.executable, "-m", "fixtures.unseen.generate", "--pool", "A", "--count", "2",
                        "--seed", "5", "-o", str(out)], check=True, cwd=root,
                       env={**os.environ, "PYTHONHASHSEED": hash_seed}, capture_output=True)
        outs.append(out)
    for name in ("unseen_a_5_000", "unseen_a_5_001"):
        for ext in (".expected.json", ".pdf"):
            assert (outs[0] / (name + ext)).read_bytes() == (outs[1] / (name + ext)).read_bytes(), name + ext
