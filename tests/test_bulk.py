import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import bulk
from extractor.cli import app

from .badpdfs import FIXTURE, make_bad_folder, variant

runner = CliRunner()


def manifest(out: Path) -> dict[str, dict]:
    lines = (out / bulk.MANIFEST).read_text(encoding="utf-8").splitlines()
    return {Path(d["path"]).name: d for d in map(json.loads, lines)}


def records_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "records").glob("*.jsonl"))}


# A 4-page report of the other family: where a test is about the run and not the
# records, its copies take seconds, not the 28-page fixture's.
SHORT_REPORT = FIXTURE.with_name("brokerage_lyon_2019.pdf")


def copies(folder: Path, n: int, source: Path = FIXTURE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    paths = []
    for i in range(n):
        path = folder / f"report_{i:02d}.pdf"
        path.write_bytes(variant(data, i))
        paths.append(path)
    return paths


def test_bulk_mixed_folder_every_bad_kind_gets_its_code(tmp_path):
    expected = make_bad_folder(tmp_path / "in")
    out = tmp_path / "out"
    # --ocr never: the image-only scan.pdf must fail no_text_layer (tests/test_ocr.py reads scans)
    result = runner.invoke(app, ["convert", str(tmp_path / "in"), "-o", str(out), "--workers", "2", "--json", "--ocr", "never"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["files"] == {"ok": 2, "partial": 1, "failed": 6, "skipped": 0}
    lines = manifest(out)
    assert {name: (d["status"], d["error_code"]) for name, d in lines.items()} == expected
    for name, line in lines.items():
        assert set(line) >= {"path", "sha256", "status", "error_code", "message", "pages", "records", "findings", "seconds"}
        if line["status"] == "failed":
            assert line["message"].startswith(f"{name}: {line['error_code']}: ") and "\n" not in line["message"]
            assert not (out / f"{Path(name).stem}.json").exists()
        else:
            assert json.loads((out / f"{Path(name).stem}.json").read_text(encoding="utf-8"))["status"] == line["status"]
    assert lines["pricelist.pdf"]["records"]["tables"] == 1
    assert lines["xref.pdf"]["finding_codes"]["xref_rebuilt"] == 1
    assert lines["good.pdf"]["pages_with_text"] == lines["xref.pdf"]["pages_with_text"] == 28
    assert not list(out.rglob("*.tmp"))


def test_bulk_encrypted_file_extracts_with_its_password(tmp_path):
    make_bad_folder(tmp_path / "in", password="pw123")
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(tmp_path / "in" / "locked.pdf"), "-o", str(out), "--password", "pw123"])
    assert result.exit_code == 0, result.output
    assert manifest(out)["locked.pdf"]["status"] == "ok"


def test_bulk_resume_skips_done_files_and_force_redoes_them(tmp_path):
    copies(tmp_path / "in", 2, SHORT_REPORT)
    out = tmp_path / "out"
    first = bulk.convert([str(tmp_path / "in")], out, bulk.ConvertOptions(workers=2))
    assert first.counts()["ok"] == 2
    before = records_bytes(out)
    again = bulk.convert([str(tmp_path / "in")], out, bulk.ConvertOptions(workers=2))
    assert again.counts() == {"ok": 0, "partial": 0, "failed": 0, "skipped": 2}
    assert records_bytes(out) == before
    assert len((out / bulk.MANIFEST).read_text().splitlines()) == 2
    forced = bulk.convert([str(tmp_path / "in")], out, bulk.ConvertOptions(workers=1, force=True))
    assert forced.counts()["ok"] == 2
    assert records_bytes(out) == before


def test_bulk_same_input_twice_is_done_once(tmp_path):
    [path] = copies(tmp_path / "in", 1)
    twin = tmp_path / "in" / "twin.pdf"
    twin.write_bytes(path.read_bytes())
    out = tmp_path / "out"
    summary = bulk.convert([str(path), str(path), str(tmp_path / "in" / "*.pdf")], out, bulk.ConvertOptions())
    assert sorted(o.status for o in summary.outcomes) == ["ok", "skipped"]
    assert len((out / "records" / "delegation.jsonl").read_text().splitlines()) == 14


def test_bulk_timeout_fails_only_that_file(tmp_path):
    copies(tmp_path / "in", 1)
    summary = bulk.convert([str(tmp_path / "in")], tmp_path / "out", bulk.ConvertOptions(timeout=0.2, ocr_timeout_per_page=0))
    [outcome] = summary.outcomes
    assert (outcome.status, outcome.error_code) == ("failed", "timeout")
    # the same limit with an allowance per page (counted by convert) is time enough
    summary = bulk.convert([str(tmp_path / "in")], tmp_path / "again", bulk.ConvertOptions(timeout=0.2, ocr_timeout_per_page=20))
    assert summary.outcomes[0].status == "ok"


def crashing_worker(task, conn, memory_mb):
    if task.path.endswith("report_00.pdf"):
        os._exit(3)
    bulk._child(task, conn, memory_mb)


def test_bulk_worker_crash_fails_only_that_file(tmp_path):
    paths = copies(tmp_path / "in", 2, SHORT_REPORT)
    tasks = [bulk.Task(path=str(p), sha256=str(i), stem=p.stem) for i, p in enumerate(paths)]
    results = {Path(t.path).name: f for t, f, _ in bulk.run_local(tasks, bulk.ConvertOptions(workers=2), target=crashing_worker)}
    assert (results["report_00.pdf"]["status"], results["report_00.pdf"]["error_code"]) == ("failed", "worker_crashed")
    assert results["report_01.pdf"]["status"] == "ok"


def _as_at_a_terminal() -> None:
    """A shell starts background jobs with SIGINT ignored, and the ignoring is
    inherited: a suite run in the background would give a convert that Ctrl-C cannot
    stop. The test's convert gets SIGINT's default, as a user's at a terminal has."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[Path, Path]:
    """Four copies of a short report and the output of a convert run left alone, made
    once for every way of interrupting the same run."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    copies(folder / "in", 4, SHORT_REPORT)
    subprocess.run(_convert_command(folder / "in") + ["-o", str(folder / "whole")], check=True, capture_output=True, timeout=300)
    return folder / "in", folder / "whole"


def _convert_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", "convert", str(folder), "--workers", "1"]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_bulk_interrupted_and_resumed_equals_uninterrupted(tmp_path, sig, uninterrupted):
    folder, whole = uninterrupted
    command = _convert_command(folder)
    interrupted = tmp_path / "cut"
    process = subprocess.Popen(command + ["-o", str(interrupted)], start_new_session=True, preexec_fn=_as_at_a_terminal,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = interrupted / bulk.MANIFEST
        if done.exists() and len(done.read_text().splitlines()) >= 1:
            break
        time.sleep(0.05)
    os.killpg(process.pid, sig)
    process.wait(timeout=60)
    if sig == signal.SIGKILL:
        os.killpg(process.pid, signal.SIGKILL) if _group_alive(process.pid) else None
    assert len(list(interrupted.glob("report_*.json"))) < 4, "the run finished before it was interrupted"
    resumed = subprocess.run(command + ["-o", str(interrupted)], capture_output=True, timeout=300, text=True)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert records_bytes(interrupted) == records_bytes(whole)
    for report in whole.glob("*.json"):
        assert (interrupted / report.name).read_bytes() == report.read_bytes()
    assert not list(interrupted.rglob("*.tmp"))
    assert {d["status"] for d in manifest(interrupted).values()} <= {"ok", "skipped"}


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def test_bulk_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["convert", str(tmp_path / "nothing-here"), "-o", str(tmp_path / "o")]).exit_code == 2
    assert runner.invoke(app, ["convert", str(FIXTURE), "--executor", "spark"]).exit_code == 2
    assert runner.invoke(app, ["convert", str(FIXTURE), "--workers", "0"]).exit_code == 2


def test_bulk_dask_local_cluster_gives_the_same_output(tmp_path):
    distributed = pytest.importorskip("distributed")
    copies(tmp_path / "in", 2, SHORT_REPORT)
    local = bulk.convert([str(tmp_path / "in")], tmp_path / "local", bulk.ConvertOptions(workers=2))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        remote = bulk.convert(
            [str(tmp_path / "in")], tmp_path / "dask",
            bulk.ConvertOptions(executor="dask", scheduler=cluster.scheduler_address),
        )
    assert remote.counts() == local.counts() == {"ok": 2, "partial": 0, "failed": 0, "skipped": 0}
    assert records_bytes(tmp_path / "dask") == records_bytes(tmp_path / "local")
    strip = lambda out: {k: {f: v for f, v in d.items() if f != "seconds"} for k, d in manifest(out).items()}  # noqa: E731
    assert strip(tmp_path / "dask") == strip(tmp_path / "local")


def test_bulk_memory_limit_fails_only_that_file(tmp_path):
    copies(tmp_path / "in", 1)
    summary = bulk.convert([str(tmp_path / "in")], tmp_path / "out", bulk.ConvertOptions(memory_mb=64))
    [outcome] = summary.outcomes
    assert outcome.status == "failed"
    assert outcome.error_code in {"out_of_memory", "worker_crashed"}
    assert "\n" not in outcome.message


def test_bulk_memory_refused_by_the_system_is_out_of_memory(tmp_path, monkeypatch):
    """Under the worker's address-space limit, a library's import or mmap fails with
    OSError ENOMEM, not MemoryError: the file still fails as out_of_memory."""
    import errno

    from extractor import pipeline

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOMEM, "Cannot allocate memory", "site-packages/pytesseract")

    monkeypatch.setattr(pipeline, "extract", refuse)
    [path] = copies(tmp_path / "in", 1)
    fields, text = bulk.process_file(bulk.Task(path=str(path), sha256="0" * 64, stem=path.stem))
    assert (fields["status"], fields["error_code"], text) == ("failed", "out_of_memory", None)


def _tasks_run(inputs, out, **options) -> tuple[int, "bulk.RunSummary"]:
    started = []
    summary = bulk.convert(inputs, out, bulk.ConvertOptions(**options), on_start=started.append)
    return started[0], summary


def test_bulk_resume_keeps_partial_results_and_rewrites_nothing(tmp_path):
    from .badpdfs import unrelated_with_table

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pricelist.pdf").write_bytes(unrelated_with_table())
    out = tmp_path / "out"
    ran, first = _tasks_run([str(folder)], out)
    assert ran == 1 and first.counts()["partial"] == 1
    line = manifest(out)["pricelist.pdf"]
    assert line["finding_codes"] == {"not_a_mission_report": 1}
    assert line["pages_with_text"] == 1
    written = {p: p.stat().st_mtime_ns for p in [out / "pricelist.json", *sorted((out / "records").glob("*.jsonl"))]}
    ran, again = _tasks_run([str(folder)], out)
    assert ran == 0 and again.counts()["skipped"] == 1
    assert manifest(out)["pricelist.pdf"]["finding_codes"] == line["finding_codes"]
    assert {p: p.stat().st_mtime_ns for p in written} == written
    ran, _ = _tasks_run([str(folder)], out, force=True)
    assert ran == 1


def test_bulk_retry_failed_chooses_which_failures_are_done_again(tmp_path):
    folder = tmp_path / "in"
    copies(folder, 1)
    (folder / "empty.pdf").write_bytes(b"")
    out = tmp_path / "out"
    ran, first = _tasks_run([str(folder)], out, timeout=0.2, ocr_timeout_per_page=0)
    assert ran == 2 and {o.error_code for o in first.outcomes} == {"timeout", "empty_file"}
    ran, kept = _tasks_run([str(folder)], out, retry_failed="none")
    assert ran == 0 and kept.counts()["failed"] == 2
    assert manifest(out)["empty.pdf"]["error_code"] == "empty_file"
    ran, transient = _tasks_run([str(folder)], out, retry_failed="transient")
    assert ran == 1 and transient.counts() == {"ok": 1, "partial": 0, "failed": 1, "skipped": 0}
    ran, retried = _tasks_run([str(folder)], out)  # default: all
    assert ran == 1 and manifest(out)["empty.pdf"]["error_code"] == "empty_file"


def test_bulk_retry_failed_refuses_an_unknown_choice(tmp_path):
    result = runner.invoke(app, ["convert", str(FIXTURE), "-o", str(tmp_path), "--retry-failed", "some"])
    assert result.exit_code == 2


def test_fork_server_preload_loads_the_name_data_workers_would_load_under_their_limit():
    """Every report's names go through CLDR's country names (and the other name data,
    loaded on first use). Loaded in each worker, under its address-space limit, that
    import tipped files over it (fuzz: 4 files failed out_of_memory; they convert with
    the data preloaded) and cost each file most of a second."""
    script = (
        "import extractor._preload\n"
        "from extractor.entities import normalise, translations\n"
        "loaded = [f.cache_info().currsize for f in (normalise.country_names, normalise.place_words, normalise.lexicon, translations._headwords)]\n"
        "assert all(loaded), loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=Path(bulk.__file__).parent.parent, timeout=300)
    assert run.returncode == 0, run.stderr[-500:]


def slow_worker(task, conn, memory_mb):
    time.sleep(1.5)
    conn.send(({"path": task.path, "status": "ok", "error_code": None}, None))
    conn.close()


def test_bulk_time_limit_grows_with_the_pages_ocr_may_read(tmp_path):
    """A scan's OCR takes seconds a page: a long scan must not time out under the
    default limit meant for text (the 28-page scanned fixture took 307 s, over 300)."""
    [path] = copies(tmp_path / "in", 1)
    pages = bulk.page_count(path)
    assert pages > 1
    task = bulk.Task(path=str(path), sha256="x", stem=path.stem, pages=pages)
    allowed = bulk.ConvertOptions(timeout=1.0, ocr_timeout_per_page=1.0)
    assert allowed.time_limit(task) == 1.0 + pages
    [(_, fields, _)] = list(bulk.run_local([task], allowed, target=slow_worker))
    assert fields["status"] == "ok"
    for options in (bulk.ConvertOptions(timeout=1.0, ocr_timeout_per_page=0.0), bulk.ConvertOptions(timeout=1.0, ocr="never")):
        [(_, fields, _)] = list(bulk.run_local([task], options, target=slow_worker))
        assert fields["error_code"] == "timeout"
    assert bulk.page_count(tmp_path / "missing.pdf") == 0
