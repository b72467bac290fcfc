"""Imported once by the bulk fork server, so that every worker starts warm."""

from .narrative import nlp
from .pipeline import extract_report  # noqa: F401
from .profile import load_profile

nlp()
load_profile()
