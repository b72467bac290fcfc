from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PDFS = FIXTURES / "pdfs"
EXPECTED = FIXTURES / "expected"


@lru_cache(maxsize=None)
def extracted(pdf_name: str):
    """Each fixture is extracted once per test session."""
    from extractor import extract_report

    return extract_report(PDFS / pdf_name)


@pytest.fixture(scope="session")
def seed_report():
    return extracted("eu_mexico_2016.pdf")


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server started for this session (see tests/postgres_server.py)."""
    from tests.postgres_server import PostgresServer

    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()
