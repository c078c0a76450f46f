"""Ingest: read reports into Articles (readers.py, by format: text.py, html.py, and
feeds.py for JSON Lines and RSS/Atom), with page furniture set aside (furniture.py)
and the publication date and outlet decided (metadata.py)."""

from .errors import IngestError
from .fields import parse_date
from .readers import find_inputs, read_file
from .text import read_text

__all__ = ["IngestError", "find_inputs", "parse_date", "read_file", "read_text"]
