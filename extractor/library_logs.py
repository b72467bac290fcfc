"""How the PDF libraries' log records reach the console: one line each, errors only.

pdfminer, playa (camelot's parser) and pypdfium2 log what they repair in a damaged
file as warnings, some with the whole traceback of the exception they caught (playa's
"Invalid font dictionary", logged with exc_info). Without a handler of its own, Python
prints such a record through its last-resort handler, traceback included. What a file
lost is reported in its findings; the console gets at most a one-line message, from
ERROR up, naming the library.
"""

from __future__ import annotations

import logging

MAX_LENGTH = 300


class OneLineFormatter(logging.Formatter):
    """The record's message and its exception's type and text, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            message = f"{message}: {type(error).__name__}: {error}"
        return " ".join(f"{record.name}: {message}".split())[:MAX_LENGTH]


class _ConsoleHandler(logging.StreamHandler):
    """Marks the handler this module installed, so that installing it again replaces it."""


def route_library_logs(level: int = logging.ERROR) -> None:
    """Give the root logger one console handler: one line per record at `level` and up."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _ConsoleHandler)]:
        root.removeHandler(handler)
    handler = _ConsoleHandler()
    handler.setLevel(level)
    handler.setFormatter(OneLineFormatter())
    root.addHandler(handler)
