"""Metadata values as sources give them: dates in any common form, optional strings."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime


def str_or_none(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def parse_date(value) -> date | None:
    """A date from an ISO date/datetime string, an RFC 822 date, or a date; None if not one."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", s)
    if m:
        try:
            return date.fromisoformat(m.group(1))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None
