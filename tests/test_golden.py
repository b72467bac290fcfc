"""Golden tests: the whole output for each fixture PDF against its hand-written expected file.

Left out of the comparison, as fixtures/expected/README.md says: ids, scores, bboxes,
table confidences, finding messages, and the byte-level identity of the source
(report_id, sha256, producer, extractor_version). `provenance.ocr`, added to the contract
after the expected files were written, is checked by tests/test_ocr.py instead. Findings are compared as a set,
everything else in order.
"""

from __future__ import annotations

import json

import pytest

from .conftest import EXPECTED, PDFS, extracted

IGNORED = {"id", "score", "bbox", "confidence", "message", "report_id", "sha256", "producer", "extractor_version", "ocr"}
CASES = sorted(p.stem for p in EXPECTED.glob("*.json"))


def comparable(value):
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    return value


def differences(found, expected, path="$"):
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in sorted(set(found) | set(expected)):
            if key not in found:
                yield f"{path}.{key}: missing (expected {expected[key]!r:.120})"
            elif key not in expected:
                yield f"{path}.{key}: unexpected {found[key]!r:.120}"
            else:
                yield from differences(found[key], expected[key], f"{path}.{key}")
    elif isinstance(expected, list) and isinstance(found, list):
        if len(found) != len(expected):
            yield f"{path}: {len(found)} items, expected {len(expected)}"
        for i, (a, b) in enumerate(zip(found, expected)):
            yield from differences(a, b, f"{path}[{i}]")
    elif found != expected or type(found) is not type(expected) and not (
        isinstance(found, (int, float)) and isinstance(expected, (int, float)) and not isinstance(found, bool)
    ):
        yield f"{path}: {found!r:.150} != expected {expected!r:.150}"


def as_set(findings):
    return sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in findings)


@pytest.mark.parametrize("case", CASES)
def test_golden_fixture_matches_expected_records(case):
    pdf = PDFS / f"{case}.pdf"
    assert pdf.exists(), f"expected file {case}.json has no fixture PDF"
    found = comparable(extracted(pdf.name).model_dump(mode="json"))
    expected = comparable(json.loads((EXPECTED / f"{case}.json").read_text(encoding="utf-8")))
    assert as_set(found.pop("findings")) == as_set(expected.pop("findings"))
    problems = list(differences(found, expected))
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:40])


def test_golden_comparison_detects_a_changed_field():
    expected = {"a": [{"x": 1, "id": "ignored"}], "b": "text"}
    assert not list(differences(comparable({"a": [{"x": 1, "id": "other"}], "b": "text"}), comparable(expected)))
    assert list(differences({"a": [{"x": 2}], "b": "text"}, comparable(expected)))
    assert list(differences({"a": [{"x": 1}], "b": "text", "c": None}, comparable(expected)))
    assert list(differences({"a": [{"x": True}], "b": "text"}, comparable(expected)))


OTHER_FAMILIES = EXPECTED / "other_families"
FAMILY_PROFILES = {"brokerage_lyon_2019": "een_brokerage"}


@pytest.mark.parametrize("case", sorted(p.stem for p in OTHER_FAMILIES.glob("*.json")))
def test_golden_other_family_needs_only_its_profile(case):
    from extractor import ExtractOptions, extract_report

    report = extract_report(PDFS / f"{case}.pdf", ExtractOptions(profile=FAMILY_PROFILES[case]))
    found = comparable(report.model_dump(mode="json"))
    expected = comparable(json.loads((OTHER_FAMILIES / f"{case}.json").read_text(encoding="utf-8")))
    assert as_set(found.pop("findings")) == as_set(expected.pop("findings"))
    problems = list(differences(found, expected))
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("pdf_name, profile", [("brokerage_lyon_2019.pdf", "een_brokerage"), ("eu_chile_2017.pdf", "eccp_followup")])
def test_golden_auto_profile_chooses_the_family(pdf_name, profile):
    from extractor import ExtractOptions, extract_report

    chosen = extract_report(PDFS / pdf_name, ExtractOptions(profile="auto")).model_dump(mode="json")
    explicit = extract_report(PDFS / pdf_name, ExtractOptions(profile=profile)).model_dump(mode="json")
    assert comparable(chosen) == comparable(explicit)
