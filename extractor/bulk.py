"""Convert an archive: many PDFs, in worker processes, resumable, nothing lost.

Each report is extracted in a process of its own (forked from a warmed-up fork
server, so a start costs milliseconds): a crash, a hang past `timeout` or a memory
blow-up fails that file only. The parent is the only writer: it writes each
report's JSON under a temporary name and renames it, appends the report's line to
`manifest.jsonl`, and at the end rebuilds `records/<kind>.jsonl` from the report
JSONs in name order, so an interrupted and resumed run ends byte for byte like an
uninterrupted one.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import multiprocessing
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from schemas.findings import PARTIAL_CODES
from schemas.records import RECORD_KINDS, MissionReport

from .entities.link import link_report, review_queue_path
from .entities.registry import EntityRegistry, registry_lock
from .library_logs import route_library_logs
from .writer import atomic_write, rebuild_records, report_json

MANIFEST = "manifest.jsonl"
REGISTRY = "registry/entities.json"
DEFAULT_MEMORY_MB = 2048
#: What `--retry-failed` may choose: which failed files of an earlier run are done again.
RETRY_CHOICES = ("all", "transient", "none")
#: Failures of the run rather than of the file's bytes: a later run may well succeed.
TRANSIENT_CODES = frozenset({"timeout", "worker_crashed", "out_of_memory", "internal_error", "not_found"})


@dataclass
class Task:
    path: str
    sha256: str
    stem: str
    password: str | None = None
    profile: str = "eccp_followup"
    ocr: str = "auto"  # Settings.ocr: OCR runs here, in the worker
    pages: int = 0  # as PDFium counts them before the work starts (0: it could not)


@dataclass
class Outcome:
    """One manifest line."""

    path: str
    sha256: str | None
    status: str  # ok, partial, failed, skipped
    error_code: str | None = None
    message: str | None = None
    pages: int | None = None
    records: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)  # by severity
    seconds: float = 0.0
    output: str | None = None
    finding_codes: dict[str, int] = field(default_factory=dict)  # every code, with its count
    pages_with_text: int | None = None  # pages whose text reached the report

    def line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


@dataclass
class ConvertOptions:
    workers: int = 2
    force: bool = False
    password: str | None = None
    timeout: float = 300.0
    memory_mb: int = DEFAULT_MEMORY_MB
    profile: str = "eccp_followup"
    executor: str = "local"  # local or dask
    scheduler: str | None = None
    registry: Path | None = None  # default: OUT/registry/entities.json
    ocr: str = "auto"  # auto, always or never (Settings.ocr)
    retry_failed: str = "all"  # which earlier failures to do again: all, transient or none
    # OCR reads a page in seconds (11 to 17 s on two busy cores): a scan's time grows
    # with its pages, so each page adds this much to `timeout` unless OCR is off.
    ocr_timeout_per_page: float = 30.0

    def time_limit(self, task: "Task") -> float:
        """Seconds `task` may take: `timeout`, plus the OCR allowance for its pages."""
        if self.ocr == "never":
            return self.timeout
        return self.timeout + self.ocr_timeout_per_page * task.pages


# --- inputs -----------------------------------------------------------------------

def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """Files, folders (recursively, *.pdf) and glob patterns, each path once, sorted."""
    found: dict[str, Path] = {}
    for item in inputs:
        matches = [Path(p) for p in glob.glob(item, recursive=True)] if glob.has_magic(item) else [Path(item)]
        for match in matches:
            if match.is_dir():
                for path in match.rglob("*"):
                    if path.is_file() and path.suffix.lower() == ".pdf":
                        found.setdefault(str(path.resolve()), path)
            else:
                found.setdefault(str(match.resolve()), match)
    return [found[key] for key in sorted(found)]


def sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def read_manifest(out_dir: Path) -> dict[str, Outcome]:
    """The latest manifest line of each input path."""
    latest: dict[str, Outcome] = {}
    path = out_dir / MANIFEST
    if not path.exists():
        return latest
    for raw in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(raw)
            latest[data["path"]] = Outcome(**data)
        except (json.JSONDecodeError, KeyError, TypeError):
            continue  # a line cut by a kill: the file is simply done again
    return latest


def output_stems(paths: list[Path]) -> dict[Path, str]:
    """`<stem>` per input, made unique with a short path hash where stems collide."""
    counts = Counter(p.stem for p in paths)
    stems = {}
    for path in paths:
        stem = path.stem
        if counts[stem] > 1:
            stem = f"{stem}-{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]}"
        stems[path] = stem
    return stems


def page_count(path: Path) -> int:
    """Pages of a PDF as PDFium counts them (milliseconds: it reads the page tree only),
    or 0 where it cannot open the file (the worker will say why)."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # damaged, encrypted, not a PDF: the worker reports it
        return 0
    try:
        return len(document)
    finally:
        document.close()


# --- the work of one file (runs in a worker) --------------------------------------

def _out_of_memory(task: Task, start: float) -> dict:
    return _fields(task, "failed", "out_of_memory", f"{Path(task.path).name}: out_of_memory: the report needs more memory than allowed", start)


def process_file(task: Task) -> tuple[dict, str | None]:
    """Extract one report: (outcome fields, report JSON text or None)."""
    from .errors import ExtractionError
    from .pipeline import ExtractOptions, extract
    from .settings import Settings

    start = time.perf_counter()
    try:
        extraction = extract(task.path, ExtractOptions(profile=task.profile, password=task.password, settings=Settings(ocr=task.ocr)))
    except ExtractionError as error:
        return _fields(task, "failed", error.code, str(error), start), None
    except MemoryError:
        return _out_of_memory(task, start), None
    except Exception as error:  # a bug must fail this file, not the run
        if isinstance(error, OSError) and error.errno == errno.ENOMEM:
            return _out_of_memory(task, start), None  # the system refused memory (a library's mmap or import)
        message = f"{Path(task.path).name}: internal_error: {type(error).__name__}: {str(error)[:200]}"
        return _fields(task, "failed", "internal_error", message, start), None
    report = extraction.report
    data = report.model_dump(mode="json")
    fields = _fields(task, report.status, None, None, start)
    if report.status == "partial":
        finding = min((f for f in report.findings if f.code in PARTIAL_CODES), key=lambda f: PARTIAL_CODES.index(f.code), default=None)
        if finding is not None:
            fields["error_code"] = str(finding.code)
            fields["message"] = f"{Path(task.path).name}: {finding.code}: {finding.message}"
    fields["pages"] = report.source.pages
    fields["records"] = {kind: len(data[kind]) for kind in RECORD_KINDS if kind != "findings"}
    fields["findings"] = dict(Counter(f.severity for f in report.findings))
    fields["pages_with_text"] = len(extraction.pages_with_text)
    fields["finding_codes"] = dict(sorted(Counter(str(f.code) for f in report.findings).items()))
    return fields, json.dumps(data, ensure_ascii=False)


def _fields(task: Task, status: str, code: str | None, message: str | None, start: float) -> dict:
    return {
        "path": task.path,
        "sha256": task.sha256,
        "status": status,
        "error_code": code,
        "message": message,
        "seconds": round(time.perf_counter() - start, 3),
    }


def _child(task: Task, conn, memory_mb: int) -> None:
    route_library_logs()  # a worker's console is the run's: no library traceback on it
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass
    conn.send(process_file(task))
    conn.close()


# --- executors --------------------------------------------------------------------

Result = tuple[Task, dict, str | None]


def _worker_context():
    """The fork-server context; its server imports and warms the pipeline once."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["extractor._preload", "extractor.bulk"])
    return context


def warm_up_workers() -> None:
    """Start the fork server now, so it loads the pipeline while the parent reads inputs."""
    from multiprocessing import forkserver

    _worker_context()
    forkserver.ensure_running()


def run_local(tasks: list[Task], options: ConvertOptions, target: Callable = _child) -> Iterator[Result]:
    """Run tasks in isolated processes, at most `workers` at a time.

    `target(task, connection, memory_mb)` is the worker's entry point; tests swap it.
    """
    context = _worker_context()
    pending = list(reversed(tasks))
    running: dict = {}  # connection -> (task, process, started)
    try:
        while pending or running:
            while pending and len(running) < max(1, options.workers):
                task = pending.pop()
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=target, args=(task, sender, options.memory_mb), daemon=True)
                process.start()
                sender.close()
                running[receiver] = (task, process, time.monotonic())
            ready = wait(list(running) + [p.sentinel for _, p, _ in running.values()], timeout=0.5)
            now = time.monotonic()
            for conn in list(running):
                task, process, started = running[conn]
                result = None
                if conn in ready or process.sentinel in ready:
                    try:
                        if conn.poll():
                            result = conn.recv()
                    except (EOFError, OSError):
                        result = None
                    if result is None and process.is_alive() and now - started <= options.time_limit(task):
                        continue
                    if result is None:
                        process.join(timeout=1)
                        result = (_crash(task, process.exitcode, started), None)
                elif now - started > options.time_limit(task):
                    process.kill()
                    message = f"{Path(task.path).name}: timeout: no result after {options.time_limit(task):g} s"
                    result = (_failed(task, "timeout", message, started), None)
                else:
                    continue
                process.join(timeout=5)
                conn.close()
                del running[conn]
                yield (task, *result)
    finally:
        for conn, (_, process, _) in running.items():
            process.kill()
            conn.close()


def _crash(task: Task, exitcode: int | None, started: float) -> dict:
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    hint = " (likely out of memory)" if exitcode in (-9, 137) else ""
    return _failed(task, "worker_crashed", f"{Path(task.path).name}: worker_crashed: the worker died ({how}){hint}", started)


def _failed(task: Task, code: str, message: str, started: float) -> dict:
    return {
        "path": task.path,
        "sha256": task.sha256,
        "status": "failed",
        "error_code": code,
        "message": message,
        "seconds": round(time.monotonic() - started, 3),
    }


def _process_on_dask_worker(task: Task):
    """`process_file` on a Dask worker, a process the CLI did not start: its console
    gets library messages as one line each, as a local worker's does."""
    route_library_logs()
    return process_file(task)


def run_dask(tasks: list[Task], options: ConvertOptions) -> Iterator[Result]:
    """The same per-file work on a dask.distributed cluster (`pip install .[dask]`)."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("the dask executor needs the 'dask' extra: pip install 'mission-extract[dask]'") from exc
    with Client(options.scheduler, timeout="30s") as client:
        futures = {client.submit(_process_on_dask_worker, task, pure=False, key=f"extract-{task.sha256}-{i}"): task for i, task in enumerate(tasks)}
        started = time.monotonic()
        try:
            for future in as_completed(futures, timeout=sum(options.time_limit(t) for t in tasks) or options.timeout):
                task = futures[future]
                try:
                    fields, text = future.result()
                except Exception as error:
                    fields, text = _failed(task, "worker_crashed", f"{Path(task.path).name}: worker_crashed: {type(error).__name__}: {error}", started), None
                yield task, fields, text
        except TimeoutError:
            for future, task in futures.items():
                if not future.done():
                    future.cancel()
                    yield task, _failed(task, "timeout", f"{Path(task.path).name}: timeout", started), None


# --- the run ----------------------------------------------------------------------

@dataclass
class RunSummary:
    outcomes: list[Outcome]

    def counts(self) -> dict[str, int]:
        counts = Counter(o.status for o in self.outcomes)
        return {s: counts.get(s, 0) for s in ("ok", "partial", "failed", "skipped")}

    def records(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for outcome in self.outcomes:
            if outcome.status != "skipped":
                total.update(outcome.records)
        return dict(total)

    def error_codes(self) -> list[tuple[str, int]]:
        return Counter(o.error_code for o in self.outcomes if o.error_code).most_common(5)

    def as_json(self) -> dict:
        return {"files": self.counts(), "records": self.records(), "error_codes": dict(self.error_codes())}


def convert(
    inputs: Iterable[str],
    out_dir: Path,
    options: ConvertOptions,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    on_report: Callable[[str, MissionReport], None] | None = None,
) -> RunSummary:
    """Convert every input into `out_dir`. Returns one outcome per input.

    `on_report(json_path, report)` is called with each report once written (e.g. to load it into a database).
    """
    paths = expand_inputs(inputs)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(out_dir)
    done_by_hash = {
        o.sha256: o for o in previous.values() if o.status in ("ok", "partial", "skipped") and o.output and (out_dir / o.output).exists()
    }
    failed_by_hash = {o.sha256: o for o in previous.values() if o.status == "failed" and o.sha256}
    stems = output_stems(paths)
    outcomes: list[Outcome] = []
    tasks: list[Task] = []
    seen_hashes: dict[str, str] = {}
    for path in paths:
        digest = sha256_of(path) if path.is_file() else None
        key = str(path)
        if digest is None:
            outcomes.append(Outcome(key, None, "failed", "not_found", f"{path.name}: not_found: no readable file at this path"))
            continue
        before = done_by_hash.get(digest)
        if before and not options.force:
            outcomes.append(Outcome(key, digest, "skipped", None, "already converted (use --force to redo)", before.pages, before.records,
                                    before.findings, 0.0, before.output, before.finding_codes, before.pages_with_text))
            continue
        failed_before = failed_by_hash.get(digest)
        if failed_before and not options.force and not _retry(failed_before, options):
            outcomes.append(Outcome(**{**asdict(failed_before), "path": key, "seconds": 0.0}))
            continue
        if digest in seen_hashes:
            outcomes.append(Outcome(key, digest, "skipped", None, f"same content as {seen_hashes[digest]}"))
            continue
        seen_hashes[digest] = key
        tasks.append(Task(path=key, sha256=digest, stem=stems[path], password=options.password, profile=options.profile, ocr=options.ocr,
                          pages=page_count(path) if options.ocr != "never" else 0))
    if tasks and options.executor == "local":
        warm_up_workers()  # only when there is work: a resume with nothing to do starts no worker
    for outcome in outcomes:
        _record(out_dir, outcome, on_done)
    if on_start:
        on_start(len(tasks))
    registry_path = options.registry or out_dir / REGISTRY
    with registry_lock(registry_path):
        registry = EntityRegistry.load(registry_path)
        runner = run_dask if options.executor == "dask" else run_local
        position = {task.path: i for i, task in enumerate(tasks)}
        finished: dict[int, tuple[Task, dict, str | None]] = {}
        next_to_commit = 0
        # Reports are linked to the registry in input order, whatever order they finish
        # in, so that entity ids do not depend on scheduling.
        for task, fields, text in runner(tasks, options):
            finished[position[task.path]] = (task, fields, text)
            while next_to_commit in finished:
                task, fields, text = finished.pop(next_to_commit)
                outcomes.append(_commit(out_dir, task, fields, text, registry, registry_path, on_done, on_report))
                next_to_commit += 1
    rebuild_records(out_dir)
    order = {str(p): i for i, p in enumerate(paths)}
    outcomes.sort(key=lambda o: order.get(o.path, len(order)))
    _compact_manifest(out_dir, previous, outcomes)
    return RunSummary(outcomes)


def _retry(failed: Outcome, options: ConvertOptions) -> bool:
    """Whether a file that failed before, unchanged since, is done again.

    `all` retries every failure (a newer extractor may read what an older one could
    not); `transient` only failures of the run rather than of the file's bytes
    (timeout, crash, memory, internal error), and encrypted files when a password is
    given; `none` keeps every failure as it is.
    """
    if options.retry_failed == "all":
        return True
    if options.retry_failed == "transient":
        return failed.error_code in TRANSIENT_CODES or (failed.error_code == "encrypted" and bool(options.password))
    return False


def _commit(out_dir: Path, task: Task, fields: dict, text: str | None, registry: EntityRegistry,
            registry_path: Path, on_done: Callable[[Outcome], None] | None,
            on_report: Callable[[str, MissionReport], None] | None = None) -> Outcome:
    outcome = Outcome(**fields)
    if text is not None:
        report = link_report(MissionReport.model_validate_json(text), registry, review_queue_path(registry_path))
        registry.save(registry_path)
        target = out_dir / f"{task.stem}.json"
        atomic_write(target, report_json(report))
        outcome.output = target.name
        if on_report:
            on_report(str(target), report)
    _record(out_dir, outcome, on_done)
    return outcome


def _compact_manifest(out_dir: Path, previous: dict[str, Outcome], outcomes: list[Outcome]) -> None:
    """One line per input: this run's outcomes, after the lines of inputs not in this run."""
    current = {o.path for o in outcomes}
    kept = [o for path, o in previous.items() if path not in current]
    atomic_write(out_dir / MANIFEST, "".join(o.line() + "\n" for o in kept + outcomes))


def _record(out_dir: Path, outcome: Outcome, on_done: Callable[[Outcome], None] | None) -> None:
    with (out_dir / MANIFEST).open("a", encoding="utf-8") as handle:
        handle.write(outcome.line() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    if on_done:
        on_done(outcome)
