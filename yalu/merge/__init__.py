"""Merge: one incident reported by several outlets becomes one record with many sources."""

from .outlets import merge_new

__all__ = ["merge_new"]
