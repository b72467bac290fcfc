"""The entity registry: canonical clusters and organisations with stable ids.

In memory for one run by default; `EntityRegistry.load(path)` / `save()` keep it in
a JSON file so that ids stay the same across runs and reports.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..writer import temporary_beside
from .normalise import NameKey, fold, name_key


@dataclass
class RegistryEntity:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    first_seen: str | None = None

    def keys(self) -> list[NameKey]:
        return [name_key(alias) for alias in self.aliases]


class RegistryBusyError(RuntimeError):
    """Another run holds the registry."""


class RegistryFileError(ValueError):
    """The registry file cannot be read as a registry (not JSON, or not its shape)."""


@contextmanager
def registry_lock(path: Path) -> Iterator[None]:
    """Hold the registry for one run; a second run on the same registry fails at once
    instead of losing the first one's entities when both save."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RegistryBusyError(f"{path}: the entity registry is in use by another mission-extract run") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class EntityRegistry:
    """Entities by id, with the ids merged away pointing to their survivor."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.entities: dict[str, RegistryEntity] = {}
        self.merged: dict[str, str] = {}
        self.version = 0  # bumped on every change, so indexes know when to rebuild

    @classmethod
    def load(cls, path: str | Path) -> "EntityRegistry":
        registry = cls(Path(path))
        if registry.path.exists():
            try:
                data = json.loads(registry.path.read_text(encoding="utf-8"))
                for item in data.get("entities", []):
                    entity = RegistryEntity(**item)
                    registry.entities[entity.id] = entity
                registry.merged = dict(data.get("merged", {}))
            except (OSError, UnicodeDecodeError, ValueError, TypeError, AttributeError) as error:
                cause = str(error).splitlines()[0] if str(error) else type(error).__name__
                raise RegistryFileError(f"{registry.path}: not an entity registry ({cause})") from None
        return registry

    def save(self, path: str | Path | None = None) -> None:
        target = Path(path or self.path) if (path or self.path) else None
        if target is None:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "version": 1,
            "entities": [vars(e) for e in sorted(self.entities.values(), key=lambda e: e.id)],
            "merged": dict(sorted(self.merged.items())),
        }
        fd, tmp = temporary_beside(target)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, target)

    def resolve_id(self, entity_id: str) -> str:
        seen = set()
        while entity_id in self.merged and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.merged[entity_id]
        return entity_id

    def get(self, entity_id: str) -> RegistryEntity:
        return self.entities[self.resolve_id(entity_id)]

    def add(self, name: str, kind: str, country: str | None = None, first_seen: str | None = None) -> RegistryEntity:
        entity = RegistryEntity(
            id=self._new_id(name, kind), name=name, kind=kind, country=country, first_seen=first_seen
        )
        self.entities[entity.id] = entity
        self.add_alias(entity, name)
        self.version += 1
        return entity

    def add_alias(self, entity: RegistryEntity, raw: str) -> None:
        if raw not in entity.aliases:
            entity.aliases.append(raw)
            self.version += 1
        acronym = name_key(raw).acronym
        if acronym:
            self.add_acronym(entity, acronym)

    def add_acronym(self, entity: RegistryEntity, acronym: str) -> None:
        """An acronym learned for the entity (a document defines it)."""
        if acronym not in entity.acronyms:
            entity.acronyms.append(acronym)
            self.version += 1

    def describe(self, entity: RegistryEntity, kind: str | None = None, country: str | None = None) -> None:
        """What a report tells of the entity: it is a cluster (never undone), its country
        (only where none is known)."""
        if kind == "cluster" and entity.kind != "cluster":
            entity.kind = "cluster"
            self.version += 1
        if country and not entity.country:
            entity.country = country
            self.version += 1

    def merge(self, keep_id: str, drop_id: str) -> RegistryEntity:
        """Fold `drop_id` into `keep_id`; later runs resolve both to `keep_id`."""
        keep, drop = self.get(keep_id), self.get(drop_id)
        if keep.id == drop.id:
            return keep
        for alias in drop.aliases:
            self.add_alias(keep, alias)
        for acronym in drop.acronyms:
            self.add_acronym(keep, acronym)
        self.describe(keep, drop.kind, drop.country)
        del self.entities[drop.id]
        self.merged[drop.id] = keep.id
        self.version += 1
        return keep

    def _new_id(self, name: str, kind: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:48] or "entity"
        candidate = f"{'cl' if kind == 'cluster' else 'org'}:{base}"
        n = 2
        unique = candidate
        while unique in self.entities or unique in self.merged:
            unique = f"{candidate}-{n}"
            n += 1
        return unique
