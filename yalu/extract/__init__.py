"""Incident extraction: triggers -> candidates -> slots -> one record per incident."""

from .article import extract

__all__ = ["extract"]
