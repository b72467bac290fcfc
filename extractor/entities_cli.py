"""`mission-extract entities ...`: inspect and curate the entity registry."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.table import Table

from .entities import decision_for
from .entities.resolve import judge
from .entities.link import review_queue_path
from .entities.registry import EntityRegistry, RegistryBusyError, RegistryFileError, registry_lock

DEFAULT_REGISTRY = Path("output/registry/entities.json")
DECISION_WORDS = {"accept": "same", "review": "review", "reject": "different"}
app = typer.Typer(no_args_is_help=True, help="Inspect and curate the entity registry.")
console = Console()
RegistryOption = typer.Option(DEFAULT_REGISTRY, "--registry", help="The registry file.")


def _load(path: Path) -> EntityRegistry:
    if not path.exists():
        typer.echo(f"error: {path}: no registry there (extract or convert a report first)", err=True)
        raise typer.Exit(1)
    try:
        return EntityRegistry.load(path)
    except RegistryFileError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


@contextmanager
def _writing(path: Path) -> Iterator[EntityRegistry]:
    """The registry loaded under its lock, saved when the block ends without error; a
    registry in use by another run is a one-line error."""
    try:
        with registry_lock(path):
            registry = _load(path)
            yield registry
            registry.save(path)
    except RegistryBusyError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


def _find(registry: EntityRegistry, key: str):
    if key in registry.entities or key in registry.merged:
        return registry.get(key)
    matches = [e for e in registry.entities.values() if key == e.name or key in e.aliases]
    if len(matches) == 1:
        return matches[0]
    typer.echo(f"error: {key!r}: {'no' if not matches else 'more than one'} entity with that id, name or alias", err=True)
    raise typer.Exit(1)


@app.command("list")
def list_entities(registry: Path = RegistryOption, kind: Optional[str] = typer.Option(None, help="cluster or organisation")) -> None:
    """Every entity: id, name, kind, country, number of spellings."""
    reg = _load(registry)
    table = Table()
    for column in ("id", "name", "kind", "country", "spellings"):
        table.add_column(column)
    for entity in sorted(reg.entities.values(), key=lambda e: e.name.lower()):
        if kind is None or entity.kind == kind:
            table.add_row(entity.id, entity.name, entity.kind, entity.country or "", str(len(entity.aliases)))
    console.print(table)


@app.command()
def show(key: str = typer.Argument(..., help="Id, name or alias."), registry: Path = RegistryOption) -> None:
    """One entity with all its spellings and acronyms."""
    entity = _find(_load(registry), key)
    typer.echo(json.dumps(vars(entity), ensure_ascii=False, indent=2))


@app.command()
def merge(keep: str, drop: str, registry: Path = RegistryOption) -> None:
    """Merge DROP into KEEP: every later run gives KEEP's id to both."""
    with _writing(registry) as reg:
        kept = reg.merge(_find(reg, keep).id, _find(reg, drop).id)
    typer.echo(f"merged into {kept.id} ({kept.name}); {len(kept.aliases)} spellings")


@app.command()
def alias(key: str, spelling: str, registry: Path = RegistryOption) -> None:
    """Add a spelling to an entity by hand: every later run resolves it to this entity."""
    with _writing(registry) as reg:
        entity = _find(reg, key)
        reg.add_alias(entity, spelling)
    typer.echo(f"{entity.id}: added {spelling!r}")


@app.command()
def review(
    registry: Path = RegistryOption,
    done: Optional[str] = typer.Option(None, "--done", help="Remove this spelling from the queue (after merge/alias)."),
) -> None:
    """The review queue: spellings that matched registry entities without certainty."""
    queue = review_queue_path(registry)
    entries = [json.loads(line) for line in queue.read_text(encoding="utf-8").splitlines()] if queue.exists() else []
    if done is not None:
        try:
            with registry_lock(registry):  # a run appends to the queue under the same lock
                entries = [json.loads(line) for line in queue.read_text(encoding="utf-8").splitlines()] if queue.exists() else []
                kept = [e for e in entries if e["raw"] != done]
                queue.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept), encoding="utf-8")
        except RegistryBusyError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{len(entries) - len(kept)} entry removed, {len(kept)} left")
        return
    if not entries:
        typer.echo("the review queue is empty")
        return
    for entry in entries:
        options = ", ".join(f"{c['name']} [{c['id']}] {c['score']}" for c in entry["candidates"])
        typer.echo(f"{entry['raw']!r}: {options}")
    typer.echo("resolve with `entities merge KEEP DROP` or `entities alias ID SPELLING`, then `entities review --done SPELLING`")


@app.command("compare")
def compare_names(
    name_a: Optional[str] = typer.Argument(None),
    name_b: Optional[str] = typer.Argument(None),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="TSV of name_a<TAB>name_b lines; one JSON line out per pair."),
) -> None:
    """Decide whether two names are the same body: same, review or different, and why.

    With --pairs, one line per pair: {"a", "b", "decision", "score", "reason"}."""
    if pairs is not None:
        if not pairs.is_file():
            typer.echo(f"error: {pairs}: no such file", err=True)
            raise typer.Exit(1)
        try:
            rows = list(csv.reader(pairs.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
        except UnicodeDecodeError:
            typer.echo(f"error: {pairs}: not a UTF-8 text file of name pairs", err=True)
            raise typer.Exit(1) from None
        for row in rows:
            if len(row) < 2 or row[:2] == ["name_a", "name_b"]:
                continue
            verdict = judge(row[0], row[1])
            line = {"a": row[0], "b": row[1], "decision": DECISION_WORDS[decision_for(verdict.score)], "score": round(verdict.score, 1), "reason": verdict.reason}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return
    if name_a is None or name_b is None:
        raise typer.BadParameter("give two names, or --pairs FILE")
    verdict = judge(name_a, name_b)
    typer.echo(f"{DECISION_WORDS[decision_for(verdict.score)]} {verdict.score:.1f} ({verdict.reason})")
