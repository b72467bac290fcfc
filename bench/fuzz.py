"""Fuzz harness: damaged copies of the fixture PDFs through one `convert` run.

Makes N seeded mutations of the PDFs in `fixtures/pdfs/` (bytes flipped, a span
deleted, a span duplicated, the file truncated), converts them with the CLI in one
run, and checks what the tool promises on damaged input:

- no traceback on stdout or stderr;
- no `internal_error` or `worker_crashed` in the manifest;
- no report JSON left for a file that failed;
- pages with text recovered: for each file, the pages whose text reached the report
  (manifest `pages_with_text`; 0 for a failed file), at most the pages PDFium reads
  with usable text, summed, against the sum of the pages PDFium reads with text.
  Target: at least 95%.

What the page figure does not measure: whether the text recovered is the whole text
of the page, nor tables (read only from pages pdfminer interprets).

    python bench/fuzz.py [--mutations 1000] [--scanned-mutations 4] [--seed 11] [--workers 2]

The mutations are spread over the fixtures with a text layer (the mixed one, whose one
scanned page goes through OCR, included). A fixture with no text at all (the scan)
costs a whole document of OCR per mutation (28 pages, minutes each on two cores), so
it gets its own, smaller count in the same run: those files are checked for
tracebacks and crashes but add nothing to the page figure (PDFium reads no text there).

The same functions serve the short version in `tests/test_fuzz.py`.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
FIXTURES = sorted((ROOT / "fixtures" / "pdfs").glob("*.pdf"))
KINDS = ("flip", "delete", "duplicate", "truncate")
FORBIDDEN_CODES = ("internal_error", "worker_crashed")


def mutate(data: bytes, rng: random.Random, kind: str) -> bytes:
    """One damaged copy of `data`, the damage chosen by `rng`."""
    size = len(data)
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(size)] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == "delete":
        start = rng.randrange(size)
        return data[:start] + data[start + rng.randint(1, 256) :]
    if kind == "duplicate":
        start = rng.randrange(size)
        span = data[start : start + rng.randint(1, 256)]
        at = rng.randrange(size)
        return data[:at] + span + data[at:]
    if kind == "truncate":
        return data[: int(size * rng.uniform(0.3, 0.999))]
    raise ValueError(f"unknown mutation {kind}")


def make_mutations(folder: Path, count: int, seed: int, sources: list[Path] | None = None) -> list[Path]:
    """Write `count` mutated PDFs into `folder`; the same seed gives the same files."""
    rng = random.Random(seed)
    sources = sources or text_fixtures()
    originals = [(p.stem, p.read_bytes()) for p in sources]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        stem, data = originals[i % len(originals)]
        kind = KINDS[(i // len(originals)) % len(KINDS)]
        path = folder / f"{i:04d}_{kind}_{stem}.pdf"
        path.write_bytes(mutate(data, rng, kind))
        paths.append(path)
    return paths


def text_fixtures() -> list[Path]:
    return [p for p in FIXTURES if pdfium_text_pages(p)]


def scanned_fixtures() -> list[Path]:
    return [p for p in FIXTURES if not pdfium_text_pages(p)]


def pdfium_text_pages(path: Path) -> int:
    """Pages on which PDFium reads usable text (0 when PDFium cannot open the file)."""
    import pypdfium2

    from extractor.document import pdfium_chars, text_layer_usable

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:
        return 0
    pages = 0
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                chars = pdfium_chars(page)
                page.close()
            except Exception:
                continue
            pages += text_layer_usable(chars)
    finally:
        document.close()
    return pages


@dataclass
class FuzzResult:
    files: int = 0
    seconds: float = 0.0
    tracebacks: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)  # internal_error / worker_crashed lines
    json_of_failed: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    pages_pdfium: int = 0
    pages_recovered: int = 0

    @property
    def recovered_share(self) -> float:
        return self.pages_recovered / self.pages_pdfium if self.pages_pdfium else 1.0


def run_convert(folder: Path, out: Path, workers: int = 2, extra: list[str] | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "extractor.cli", "convert", str(folder), "-o", str(out), "--workers", str(workers), "--json"]
    return subprocess.run(command + (extra or []), capture_output=True, text=True, cwd=ROOT)  # no time limit: 1,000 files take an hour on a busy machine


def check(folder: Path, out: Path, workers: int = 2) -> FuzzResult:
    """Convert every PDF of `folder` into `out` and check the promises above."""
    start = time.perf_counter()
    run = run_convert(folder, out, workers)
    result = analyse(folder, out)
    result.seconds = time.perf_counter() - start
    for name, stream in (("stdout", run.stdout), ("stderr", run.stderr)):
        (out / f"convert.{name}.txt").write_text(stream, encoding="utf-8")  # the whole output, to read afterwards
        result.tracebacks += traceback_blocks(stream)
    missing = len(list(folder.glob("*.pdf"))) - result.files
    if missing:
        result.forbidden.append(f"{missing} files have no manifest line")
    return result


def traceback_blocks(stream: str) -> list[str]:
    """Each traceback in a stream, from its "Traceback" line to the exception line that
    ends it (the stream's tail may be unrelated warnings)."""
    blocks = []
    lines = stream.splitlines()
    for i, line in enumerate(lines):
        if "Traceback (most recent call last)" in line:
            end = next((j for j in range(i + 1, len(lines)) if lines[j] and not lines[j].startswith((" ", "\t"))), len(lines) - 1)
            blocks.append("\n".join(lines[max(0, i - 2) : end + 1]))
    return blocks


def analyse(folder: Path, out: Path) -> FuzzResult:
    """The checks on the manifest lines written so far (also of a run still going)."""
    paths = sorted(folder.glob("*.pdf"))
    result = FuzzResult()
    manifest = out / "manifest.jsonl"
    lines = []
    for raw in (manifest.read_text(encoding="utf-8").splitlines() if manifest.exists() else []):
        try:
            lines.append(json.loads(raw))
        except json.JSONDecodeError:
            continue  # a line being written
    by_name = {Path(line["path"]).name: line for line in lines}
    for path in paths:
        line = by_name.get(path.name)
        if line is None:
            continue
        result.files += 1
        result.statuses[line["status"]] = result.statuses.get(line["status"], 0) + 1
        if line.get("error_code"):
            result.codes[line["error_code"]] = result.codes.get(line["error_code"], 0) + 1
        if line.get("error_code") in FORBIDDEN_CODES:
            result.forbidden.append(line["message"])
        if line["status"] == "failed" and (out / f"{path.stem}.json").exists():
            result.json_of_failed.append(path.name)
        readable = pdfium_text_pages(path)
        recovered = (line.get("pages_with_text") or 0) if line["status"] != "failed" else 0
        result.pages_pdfium += readable
        result.pages_recovered += min(recovered, readable)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--scanned-mutations", type=int, default=4, help="mutations of the fixtures without a text layer (OCR on every page)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="folder to keep the mutated PDFs and the output in")
    parser.add_argument("--analyse", type=Path, metavar="FOLDER",
                        help="only report on FOLDER/in and FOLDER/out of a run (finished or not) kept with --keep")
    args = parser.parse_args(argv)
    if args.analyse:
        result = analyse(args.analyse / "in", args.analyse / "out")
        print("analysis of the manifest lines written so far (tracebacks are seen only by a whole run)")
    else:
        work = args.keep or Path(tempfile.mkdtemp(prefix="fuzz-"))
        make_mutations(work / "in", args.mutations, args.seed)
        scanned_sources = scanned_fixtures()
        scanned = make_mutations(work / "scanned", args.scanned_mutations, args.seed, scanned_sources) if args.scanned_mutations and scanned_sources else []
        for path in scanned:
            path.rename(work / "in" / f"scanned_{path.name}")
        result = check(work / "in", work / "out", args.workers)
    print(f"files: {result.files} in {result.seconds:.0f} s; statuses {result.statuses}")
    print(f"manifest codes: {dict(sorted(result.codes.items()))}")
    print(f"tracebacks: {len(result.tracebacks)}; internal_error/worker_crashed: {len(result.forbidden)}; "
          f"JSON left for a failed file: {len(result.json_of_failed)}")
    print(f"pages with text recovered: {result.pages_recovered} of {result.pages_pdfium} PDFium reads "
          f"({100 * result.recovered_share:.1f}%; target >= 95%)")
    for line in (result.forbidden + result.json_of_failed)[:10]:
        print("  " + line)
    for text in result.tracebacks[:2]:
        print(text)
    ok = not (result.tracebacks or result.forbidden or result.json_of_failed) and result.recovered_share >= 0.95
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
