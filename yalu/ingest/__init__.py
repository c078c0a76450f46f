"""Ingest: read reports (readers.py: text.py, html.py, feeds.py for JSON Lines and RSS/Atom) into Articles, with page
furniture set aside (furniture.py) and publication date and outlet decided (metadata.py)."""

from .errors import IngestError
from .fields import parse_date
from .readers import find_inputs, read_file
from .text import read_text

__all__ = ["IngestError", "find_inputs", "parse_date", "read_file", "read_text"]
