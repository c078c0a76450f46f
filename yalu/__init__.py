"""Yalu: North Korea reports in, an auditable incident dataset out.

The flow, one module per stage:
ingest -> clean -> nlp (annotate) -> extract -> places / dates -> store -> merge
-> review / serve / export.
"""

__version__ = "0.1.0"
