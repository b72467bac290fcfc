"""Files the tool writes (extractor/writer.py, the entity registry)."""

import os
import stat

import pytest

from extractor.entities import EntityRegistry
from extractor.writer import atomic_write, rebuild_records


def test_written_files_get_the_mode_a_new_file_gets_under_the_umask(tmp_path):
    """Every file is written under a temporary name and renamed into place; the temporary
    file must not pass on mkstemp's owner-only mode, or a loader or a web server running
    as another user cannot read the reports."""
    previous = os.umask(0o022)
    try:
        atomic_write(tmp_path / "report.json", '{"report_id": "sha256:0", "schema_version": "1"}\n')
        rebuild_records(tmp_path)
        registry = EntityRegistry(tmp_path / "registry" / "entities.json")
        registry.add("Lagoon Shellfish Cluster", "cluster")
        registry.save()
    finally:
        os.umask(previous)
    written = [tmp_path / "report.json", *sorted((tmp_path / "records").glob("*.jsonl")), tmp_path / "registry" / "entities.json"]
    assert len(written) > 3
    assert {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in written} == {path.name: "0o644" for path in written}
