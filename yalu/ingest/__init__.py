"""Ingest: read reports (text, HTML, JSON Lines, RSS/Atom) into Articles, with page
furniture set aside (furniture.py) and publication date and outlet decided (metadata.py)."""

from .readers import IngestError, find_inputs, parse_date, read_file, read_text

__all__ = ["IngestError", "find_inputs", "parse_date", "read_file", "read_text"]
