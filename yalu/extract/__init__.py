"""Incident extraction: triggers -> candidates -> slots -> one record per incident."""

from .incidents import extract

__all__ = ["extract"]
