"""Reviewer accounts: names and argon2id password hashes in the `users` table, and their
signed-in web sessions in the `sessions` table (sessions.py holds the cookie side).

`yalu user add NAME` creates one; the web app's sign-in checks passwords with `verify`.
A new password or a removed account ends every session of the account.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..store import DB, atomic, connection, now

NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")
MIN_PASSWORD = 8

_hasher = PasswordHasher()  # argon2id, the library's current recommended parameters
# verifying against this when the user does not exist keeps the timing the same
_DUMMY_HASH = _hasher.hash("yalu-no-such-user")


class UserError(ValueError):
    pass


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_RE.fullmatch(name):
        raise UserError(
            "a user name is 1-64 letters, digits or . _ @ -, starting with a letter or digit"
        )
    return name


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise UserError(f"a password needs at least {MIN_PASSWORD} characters")
    if len(password) > 1024:
        raise UserError("a password has at most 1024 characters")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


def add(db: DB, name: str, password: str) -> None:
    """Create a reviewer. Raises UserError if the name is taken or invalid."""
    conn = connection(db)
    name = check_name(name)
    password_hash = hash_password(password)
    try:
        conn.execute(
            "INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, ?)",
            (name, password_hash, now()),
        )
    except sqlite3.IntegrityError as exc:
        raise UserError(f"user {name!r} exists already") from exc


def set_password(db: DB, name: str, password: str) -> None:
    conn = connection(db)
    password_hash = hash_password(password)
    with atomic(conn):
        cur = conn.execute("UPDATE users SET password_hash = ? WHERE name = ?",
                           (password_hash, name))
        if cur.rowcount == 0:
            raise UserError(f"no user {name!r}")
        conn.execute("DELETE FROM sessions WHERE user = ?", (name,))


def remove(db: DB, name: str) -> None:
    conn = connection(db)
    with atomic(conn):
        if conn.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount == 0:
            raise UserError(f"no user {name!r}")
        conn.execute("DELETE FROM sessions WHERE user = ?", (name,))


def names(db: DB) -> list[dict]:
    return [
        {"name": r[0], "created_at": r[1]}
        for r in connection(db).execute("SELECT name, created_at FROM users ORDER BY name")
    ]


def exists(db: DB, name: str) -> bool:
    return connection(db).execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is not None


def verify(db: DB, name: str, password: str) -> bool:
    """True when the password is the user's. Upgrades the stored hash when the
    library's parameters have moved on (and the database is writable)."""
    conn = connection(db)
    row = conn.execute(
        "SELECT password_hash FROM users WHERE name = ?", ((name or "").strip(),)
    ).fetchone()
    stored = row[0] if row else _DUMMY_HASH
    try:
        _hasher.verify(stored, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if row is None:
        return False
    if _hasher.check_needs_rehash(stored):
        try:
            conn.execute(
                "UPDATE users SET password_hash = ? WHERE name = ?",
                (_hasher.hash(password), name.strip()),
            )
        except sqlite3.Error:
            return True  # a read-only database keeps the old hash: the password was right
    return True


# --------------------------------------------------------------------------- sessions


def open_session(db: DB, row_id: str, name: str, max_age: int) -> None:
    """Record a signed-in session (and drop the expired ones while at it)."""
    conn = connection(db)
    started = datetime.now(UTC)
    with atomic(conn):
        conn.execute("DELETE FROM sessions WHERE expires_at <= ?", (now(),))
        conn.execute(
            "INSERT INTO sessions (id, user, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (row_id, name, started.isoformat(timespec="seconds"),
             (started + timedelta(seconds=max_age)).isoformat(timespec="seconds")),
        )


def session_user(db: DB, row_id: str) -> str | None:
    """The user of a live session; None once it ended, expired, or its user went."""
    row = connection(db).execute(
        "SELECT user FROM sessions WHERE id = ? AND expires_at > ?", (row_id, now())
    ).fetchone()
    return row[0] if row else None


def close_session(db: DB, row_id: str) -> None:
    connection(db).execute("DELETE FROM sessions WHERE id = ?", (row_id,))
