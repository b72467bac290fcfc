"""Table engines behind one interface, and the typed tables they hand on."""

from .base import Cell, RawTable, TableEngine
from .plumber import PlumberLinesEngine
from .text import TextAlignmentEngine

__all__ = ["Cell", "RawTable", "TableEngine", "PlumberLinesEngine", "TextAlignmentEngine"]
