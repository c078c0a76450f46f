"""Review: a reviewer's approvals, rejections, edits, merges and splits, each with an audit row.

`merge` is the reviewer's merge of two records; the automatic merge of one incident's
reports from several outlets at ingest is `yalu.merge`.
"""

from .actions import Conflict, NotFound, approve, edit, merge, reject, split
from .validate import EDITABLE, ReviewError, validate_changes

__all__ = [
    "EDITABLE", "Conflict", "NotFound", "ReviewError", "approve", "edit", "merge", "reject", "split",
    "validate_changes",
]
