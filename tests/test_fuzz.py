"""The short version of `bench/fuzz.py`: twenty seeded mutations of a small report
through one `convert` run (the bench runs 1,000 of the whole fixtures)."""

from __future__ import annotations

import importlib.util
import io
import sys

import pikepdf

from .badpdfs import FIXTURE
from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = fuzz  # its dataclasses look their module up
_spec.loader.exec_module(fuzz)


def test_mutations_are_seeded(tmp_path):
    source = tmp_path / "source.pdf"
    source.write_bytes(FIXTURE.read_bytes()[:5000])
    first = [p.read_bytes() for p in fuzz.make_mutations(tmp_path / "a", 8, seed=3, sources=[source])]
    again = [p.read_bytes() for p in fuzz.make_mutations(tmp_path / "b", 8, seed=3, sources=[source])]
    other = [p.read_bytes() for p in fuzz.make_mutations(tmp_path / "c", 8, seed=4, sources=[source])]
    assert first == again and first != other
    assert all(m != source.read_bytes() for m in first)


def test_damaged_copies_convert_without_traceback_or_internal_error(tmp_path):
    pdf = pikepdf.open(FIXTURE)
    del pdf.pages[3:]
    buffer = io.BytesIO()
    pdf.save(buffer)
    source = tmp_path / "small.pdf"
    source.write_bytes(buffer.getvalue())
    fuzz.make_mutations(tmp_path / "in", 20, seed=11, sources=[source])
    result = fuzz.check(tmp_path / "in", tmp_path / "out", workers=2)
    assert result.files == 20
    assert result.tracebacks == [] and result.forbidden == [] and result.json_of_failed == []
    assert result.statuses.get("failed", 0) < 20
    assert result.recovered_share >= 0.95, (result.pages_recovered, result.pages_pdfium)


def test_fuzz_reports_each_traceback_itself_not_the_tail_of_the_stream():
    stream = ("Exception ignored in: <function X.__del__>\nTraceback (most recent call last):\n"
              '  File "a.py", line 1, in close\n    self.close()\nValueError: closed twice\n' + "a warning\n" * 200)
    [block] = fuzz.traceback_blocks(stream)
    assert block.endswith("ValueError: closed twice") and "Exception ignored" in block
    assert fuzz.traceback_blocks("a warning\n" * 5) == []
