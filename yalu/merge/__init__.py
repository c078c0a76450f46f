"""Merge across outlets: one incident reported by several outlets becomes one record with
many sources. A stage of its own, run by the ingest flow right after an article is stored
(in the same transaction). Not to be confused with the clustering of mentions within
one article (`yalu.extract.clustering`) or a reviewer's merge of two records
(`yalu.review.merge`)."""

from .outlets import join_earlier_report, merge_across_outlets

__all__ = ["join_earlier_report", "merge_across_outlets"]
