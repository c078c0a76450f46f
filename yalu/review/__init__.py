"""Review: a reviewer's approvals, rejections, edits, merges and splits, each with an audit row."""

from .actions import (
    EDITABLE, Conflict, NotFound, ReviewError, approve, edit, merge, reject, split, validate_changes,
)

__all__ = [
    "EDITABLE", "Conflict", "NotFound", "ReviewError", "approve", "edit", "merge", "reject", "split",
    "validate_changes",
]
