"""OCR of scanned pages: the scanned fixtures (fixtures/build/scan_pdf.py) read through
the product path, the mode switch, the missing engine, and the image stages alone.

The whole scanned report's F1 is measured by bench/ocr.py (a report takes minutes to
OCR); here the mixed fixture, whose page 5 (the delegation table, 14 records) is a scan
among text pages, carries the F1 bar."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pypdfium2
import pytest
from typer.testing import CliRunner

from extractor import bulk, extract_report
from extractor.cli import app
from extractor.document import read_layout
from extractor.errors import OcrUnavailableError
from extractor.ocr import OcrWord, needs_ocr
from extractor.ocr.image import prepare, render
from extractor.ocr.page import ImagePage, mend_misreads, reread_cells, split_spaced_dashes, with_bullets
from extractor.pipeline import ExtractOptions
from extractor.settings import Settings
from extractor.stitch import headers_agree
from extractor.tables.plumber import PlumberLinesEngine

from .conftest import EXPECTED, FIXTURES, PDFS, extracted

sys.path.insert(0, str(FIXTURES / "unseen"))
from score import f1_of, field_counts  # noqa: E402  (the one file of fixtures/unseen/ that may be read)

SCAN = PDFS / "eu_mexico_2016_scan.pdf"
MIXED = PDFS / "eu_mexico_2016_mixed.pdf"
SCANNED_PAGE = 5
EXPECTED_REPORT = json.loads((EXPECTED / "eu_mexico_2016.json").read_text(encoding="utf-8"))
RECORD_KINDS = ["delegation", "cooperation_objectives", "cooperation_agreements", "sme_involvement",
                "benefited_smes", "formal_agreements", "key_figures"]
runner = CliRunner()


@pytest.fixture(scope="module")
def mixed() -> dict:
    return extract_report(MIXED).model_dump(mode="json")


def test_scanned_page_among_text_pages_is_read_by_ocr_into_records(mixed):
    delegation = field_counts(EXPECTED_REPORT, mixed)["delegation"]
    assert delegation.f1 >= 0.95, delegation
    assert f1_of(EXPECTED_REPORT, mixed) >= 0.95


def test_mixed_fixture_keeps_native_text_and_marks_ocr_records(mixed):
    by_page = {}
    for kind in RECORD_KINDS:
        for record in mixed[kind]:
            by_page.setdefault(record["provenance"]["page"] == SCANNED_PAGE, []).append(record["provenance"])
    assert by_page[True] and all(p["ocr"] is True for p in by_page[True])
    assert by_page[False] and all(p["ocr"] is False for p in by_page[False])
    # native pages keep their own text: the other tables read as in the text-layer twin
    # (canonical names may differ: they come from the delegation table, the scanned page)
    twin = extracted("eu_mexico_2016.pdf").model_dump(mode="json")
    for kind in ("cooperation_objectives", "formal_agreements"):
        printed = lambda report: [(r["cluster"]["raw"], json.dumps(r.get("partner")), r.get("objective"), r.get("details")) for r in report[kind]]
        assert printed(mixed) == printed(twin)


def test_ocr_records_carry_the_ocr_word_confidence(mixed):
    native = {m.index: m.provenance.confidence for m in extracted("eu_mexico_2016.pdf").delegation}
    for member in mixed["delegation"]:
        confidence = member["provenance"]["confidence"]
        assert 0.5 < confidence < native[member["index"]]
    figures = [f for f in mixed["key_figures"] if f["provenance"]["page"] == SCANNED_PAGE]
    assert figures and all(0.5 < f["provenance"]["confidence"] < 1 for f in figures)


def test_ocr_never_on_a_scan_still_fails_no_text_layer(tmp_path):
    result = runner.invoke(app, ["extract", str(SCAN), "-o", str(tmp_path), "--ocr", "never"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: eu_mexico_2016_scan.pdf: no_text_layer: ")
    assert not list(tmp_path.rglob("*.json"))


def test_missing_engine_gives_one_line_install_hint(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()  # a PATH with no tesseract on it: the real executable is not found
    result = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "extract", str(SCAN), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, env={**os.environ, "PATH": str(empty)}, timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: eu_mexico_2016_scan.pdf: ocr_unavailable: ")
    assert "apt-get install tesseract-ocr" in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "eu_mexico_2016_scan.json").exists()


def test_missing_engine_setting_and_missing_language_raise_ocr_unavailable(tmp_path):
    with pytest.raises(OcrUnavailableError, match="install it"):
        extract_report(SCAN, ExtractOptions(settings=Settings(ocr_command=str(tmp_path / "tesseract"))))
    with pytest.raises(OcrUnavailableError, match="tesseract-ocr-xyz"):
        extract_report(SCAN, ExtractOptions(settings=Settings(ocr_languages="eng+xyz")))


def test_convert_reads_a_scan_by_ocr_in_its_workers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with pikepdf.open(SCAN) as scan, pikepdf.new() as excerpt:
        excerpt.pages.append(scan.pages[SCANNED_PAGE - 1])
        excerpt.save(folder / "scanned_delegation.pdf")
    summary = bulk.convert([str(folder)], tmp_path / "out", bulk.ConvertOptions(workers=1))
    (outcome,) = summary.outcomes
    assert outcome.status in ("ok", "partial") and outcome.records["delegation"] == 14
    report = json.loads((tmp_path / "out" / "scanned_delegation.json").read_text(encoding="utf-8"))
    assert all(m["provenance"]["ocr"] for m in report["delegation"])
    never = bulk.convert([str(folder)], tmp_path / "never", bulk.ConvertOptions(workers=1, ocr="never"))
    assert never.outcomes[0].error_code == "no_text_layer"


# --- the stages alone (no OCR engine run) ----------------------------------------

@pytest.fixture(scope="module")
def scan_page_5():
    document = pypdfium2.PdfDocument(str(SCAN))
    gray = render(document, SCANNED_PAGE - 1, 300)
    document.close()
    return gray


def test_image_rules_give_the_table_stage_the_delegation_grid(scan_page_5):
    """The rules found on the scan, with the text-layer twin's words (same geometry once
    the scan is straightened), make the same 15 x 4 ruled table; without them, none."""
    with pdfplumber.open(PDFS / "eu_mexico_2016.pdf") as pdf:
        page = pdf.pages[SCANNED_PAGE - 1]
        layout = read_layout(page, SCANNED_PAGE)
        prepared = prepare(scan_page_5, 300, float(page.height), deskew=True, denoise=True, find_lines=True)
        assert abs(prepared.angle - (-0.7)) <= 0.1
        (table,) = PlumberLinesEngine().find(ImagePage(layout, prepared.edges), layout)
        assert (len(table.grid), table.n_columns) == (15, 4)
        assert table.grid[1][1].text == "Agrofood Regional Cluster"
        assert len(prepared.cells) >= 15 * 4
        bare = prepare(scan_page_5, 300, float(page.height), deskew=True, denoise=True, find_lines=False)
        assert PlumberLinesEngine().find(ImagePage(layout, bare.edges), layout) == []


def test_unstraightened_scan_gives_a_skewed_grid(scan_page_5):
    with pdfplumber.open(PDFS / "eu_mexico_2016.pdf") as pdf:
        page = pdf.pages[SCANNED_PAGE - 1]
        layout = read_layout(page, SCANNED_PAGE)
        turned = prepare(scan_page_5, 300, float(page.height), deskew=False, denoise=True, find_lines=True)
        assert turned.angle == 0.0
        tables = PlumberLinesEngine().find(ImagePage(layout, turned.edges), layout)
        assert not tables or (len(tables[0].grid), tables[0].n_columns) != (15, 4)


def test_large_title_letters_are_not_taken_for_rules():
    document = pypdfium2.PdfDocument(str(SCAN))
    gray = render(document, 0, 300)  # the cover: 22 pt bold title, no table
    document.close()
    prepared = prepare(gray, 300, 842.0, deskew=True, denoise=True, find_lines=True)
    assert not [e for e in prepared.edges if e["orientation"] == "v"]


def test_which_pages_need_ocr():
    with pdfplumber.open(SCAN) as scan, pdfplumber.open(MIXED) as mixed_pdf:
        scanned, native = scan.pages[0], mixed_pdf.pages[0]
        scanned_layout, native_layout = read_layout(scanned, 1), read_layout(native, 1)
        auto, always, never = Settings(), Settings(ocr="always"), Settings(ocr="never")
        assert needs_ocr(scanned, scanned_layout, auto) and not needs_ocr(native, native_layout, auto)
        assert needs_ocr(native, native_layout, always)
        assert not needs_ocr(scanned, scanned_layout, never)
        assert needs_ocr(mixed_pdf.pages[SCANNED_PAGE - 1], read_layout(mixed_pdf.pages[SCANNED_PAGE - 1], SCANNED_PAGE), auto)


# --- mending what the engine returns (its own word lists, no engine run) ----------

def _word(text, x0, x1, line=(0, 100, 2000, 140)):
    return OcrWord(text, (x0, line[1] + 5, x1, line[3] - 5), line, 0.9)


def test_glued_dash_is_split_but_a_line_end_hyphen_and_a_compound_are_not():
    words = [_word("CEEC-", 100, 220), _word("Cluster", 260, 400), _word("3rd-country", 420, 600), _word("follow-", 620, 760)]
    assert [w.text for w in split_spaced_dashes(words)] == ["CEEC", "-", "Cluster", "3rd-country", "follow-"]


def test_not_applicable_read_back_from_its_misreading():
    assert [w.text for w in mend_misreads([_word("NIA", 0, 50), _word("N|A.", 60, 110), _word("AIM", 120, 170)])] == ["N/A", "N/A.", "AIM"]


def test_bullet_dot_becomes_its_own_word_unless_read_as_a_letter():
    dot = (100, 112, 112, 124)
    glued = with_bullets([_word("eEsteyco", 100, 260)], [dot])
    assert [w.text for w in glued] == ["\u2022", "Esteyco"]
    letter = with_bullets([_word("Directly", 100, 260)], [dot])
    assert [w.text for w in letter] == ["Directly"]
    alone = with_bullets([_word("Meotis", 130, 260)], [dot])
    assert sorted(w.text for w in alone) == ["Meotis", "\u2022"]


def test_repeated_header_with_an_ocr_slip_still_agrees_on_a_wide_table():
    header = ["Clusters", "Organisation", "Type of cooperation", "SME benefited", "Benefits identified",
              "Directly", "Indirectly", "Cooperation activity & next steps", "Type of technology service involved", "Expected impact"]
    slipped = header[:3] + ["benefited"] + header[4:]
    assert headers_agree(slipped, header, Settings())
    assert not headers_agree(slipped, header, Settings(header_repeat_tolerance=0.0))
    assert not headers_agree(["Clusters", "Organisation", "Objective", "Technology"], ["Clusters", "Partner", "Objective", "Technology"], Settings())


def test_contents_dot_leader_read_short_is_made_a_leader_again():
    line = (0, 100, 2000, 140)
    leader = OcrWord("event...", (100, 105, 900, 135), line, 0.8)  # 8 characters over 800 pixels
    prose = OcrWord("said...", (100, 105, 230, 135), line, 0.9)
    assert [w.text for w in mend_misreads([leader, prose])] == ["event....", "said..."]


class _BlockReader:
    """An engine whose block reading of any cell gives one word, as Tesseract's
    block mode does for a digit alone in its cell."""

    name = "fake"

    def __init__(self, text, confidence):
        self.text, self.confidence, self.calls = text, confidence, 0

    def read(self, image, block=False):
        self.calls += 1
        h, w = image.shape
        return [OcrWord(self.text, (12, 12, 22, 32), (12, 12, 22, 32), self.confidence)]


def _cell_image():
    import numpy as np

    image = np.full((200, 200), 255, dtype=np.uint8)
    image[110:130, 105:111] = 0  # a narrow glyph: ink enough to be worth reading
    return image


def test_a_lone_short_word_of_a_cell_read_with_some_doubt_is_read_again():
    cell = (100, 100, 180, 160)
    slipped = OcrWord("x", (104, 110, 112, 130), (104, 110, 112, 130), 0.8)
    engine = _BlockReader("1", 0.94)
    words = reread_cells(engine, _cell_image(), [cell], [slipped])
    assert [w.text for w in words] == ["1"]
    sure = OcrWord("No", (104, 110, 130, 130), (104, 110, 130, 130), 0.95)
    assert reread_cells(_BlockReader("1", 0.94), _cell_image(), [cell], [sure]) == [sure]
    longer = OcrWord("Yes.", (104, 110, 150, 130), (104, 110, 150, 130), 0.8)
    assert reread_cells(_BlockReader("1", 0.94), _cell_image(), [cell], [longer]) == [longer]


def test_repeated_header_read_with_its_lines_out_of_order_still_agrees():
    header = ["Clusters", "Organisation", "Have you involved SMEs prior to the event?", "Have you surveyed your SMEs in preparation?",
              "Type of technology service involved", "Expected impact on the SMEs"]
    scrambled = header[:2] + ["involvedHave you SMEs prior to the event?", "surveyedHave you your SMEs in preparation?",
                              "Typeoftechnologyservice involved", "SMEsExpected impact on the"]
    assert headers_agree(scrambled, header, Settings())
    # letters in any order, but not the letters of another header
    other = header[:2] + ["Cooperation activity and next steps", "Benefits identified for the members", "Partner country", "Signed"]
    assert not headers_agree(other, header, Settings())


def test_a_header_level_printed_again_as_a_row_is_dropped_but_a_sparse_data_row_is_kept():
    from types import SimpleNamespace

    from extractor.stitch import _repeats_header

    # a wide table (12 columns), where the header's tolerance lets two columns differ
    first = ["Clusters", "Organisation", "How many SMEs could benefit?", ""] + [f"Question {i}" for i in range(8)]
    second = ["", "", "Directly", "Indirectly"] + [""] * 8
    flat = [" ".join(filter(None, pair)) for pair in zip(first, second)]
    table = SimpleNamespace(header=[first, second], flat_header=flat, n_columns=12)

    def row(*cells):
        cells = cells + (None,) * (12 - len(cells))
        return SimpleNamespace(text=lambda c: cells[c])

    assert _repeats_header(row(None, None, "Directly", "Indirectly"), table, Settings())
    assert _repeats_header(row(*first), table, Settings())
    # its empty columns agree with the level's, but none of the level's words is there
    assert not _repeats_header(row(None, None, "3", "5"), table, Settings())


def test_an_ocr_entity_name_takes_the_accents_most_of_its_mentions_read():
    from extractor.ocr.spelling import _majority_spelling

    mentions = ["CEEC - Cluster d'Eficiéncia", "CEEC (Clúster d'Eficiència)", "CEEC (Cluster d'Eficiència)", "CEEC - C'Eficiència"]
    assert _majority_spelling("CEEC - Cluster d'Eficiéncia", mentions) == "CEEC - Cluster d'Eficiència"
    # no accent is added or taken away; a tie keeps the first spelling
    assert _majority_spelling("Pole Eau", ["Pôle Eau", "Pôle Eau"]) == "Pole Eau"
    assert _majority_spelling("Pôle Eau", ["Pole Eau", "Pole Eau"]) == "Pôle Eau"
    assert _majority_spelling("Pôle Eau", ["Pôle Eau", "Pòle Eau"]) == "Pôle Eau"
    # nor letters, nor case
    assert _majority_spelling("Basque Cluster", ["basque cluster", "Basque Clusters", "basque cluster"]) == "Basque Cluster"


def test_settled_spelling_reaches_every_reference_and_the_entity_list():
    from extractor.ocr import settle_ocr_report
    from schemas.records import MissionReport

    report = MissionReport.model_validate(_with_ids(EXPECTED_REPORT))
    member = next(m.cluster for m in report.delegation if "Eficiència" in m.cluster.name)
    right = member.name
    misread = right.replace("Eficiència", "Eficiéncia")
    for node in (member, *[e for e in report.entities if e.id == member.id]):
        node.name = misread
    member.raw = misread
    assert settle_ocr_report(report.model_copy(deep=True), {}).delegation == report.delegation  # no page read by OCR
    settled = settle_ocr_report(report, {1: 0.9})
    names = {ref.name for ref in _refs_to(settled, member.id)} | {e.name for e in settled.entities if e.id == member.id}
    assert names == {right}
    assert len(_refs_to(settled, member.id)) > 3


def _with_ids(value):
    """The hand-kept records leave entity ids empty: one id per canonical name."""
    if isinstance(value, dict):
        value = {k: _with_ids(v) for k, v in value.items()}
        if value.get("id") == "" and "name" in value:
            value["id"] = "org:" + value["name"]
        return value
    if isinstance(value, list):
        return [_with_ids(v) for v in value]
    return value


def _refs_to(report, entity_id):
    from schemas.records import EntityRef, instances_of

    return [ref for ref in instances_of(report, EntityRef) if ref.id == entity_id]
