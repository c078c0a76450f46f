"""The PostgreSQL layer's pure parts: SQLite-dialect SQL translated, FTS5 syntax as a tsquery.
The backend itself is tested by the whole suite run with YALU_TEST_DB (docs/postgresql.md)."""

import pytest

from yalu.store.postgres import translate
from yalu.store.tsquery import SyntaxFault, tsquery


@pytest.mark.parametrize(("sqlite", "postgresql"), [
    ("SELECT id FROM t WHERE a = ? AND b LIKE ?", "SELECT id FROM t WHERE a = %s AND b ILIKE %s"),
    ("INSERT OR IGNORE INTO t (a) VALUES (?)", "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"),
    ("SELECT 1 FROM t WHERE x IN (SELECT value FROM json_each(?))",
     "SELECT 1 FROM t WHERE x IN (SELECT value FROM json_array_elements_text((%s)::json) AS value)"),
    ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
     "SELECT rowid FROM articles_fts WHERE articles_fts.fts @@ to_tsquery('simple', %s)"),
    ("SELECT user FROM sessions WHERE user = ? AND users_n = 1", 'SELECT "user" FROM sessions WHERE "user" = %s AND users_n = 1'),
    ("WHERE +i.category = ? AND n = n + 1", "WHERE i.category = %s AND n = n + 1"),
    ("WHERE code IS :code AND a = :a", "WHERE code IS NOT DISTINCT FROM %(code)s AND a = %(a)s"),
    ("ORDER BY i.date_start DESC, i.id DESC", "ORDER BY i.date_start DESC NULLS LAST, i.id DESC NULLS LAST"),
    ("SELECT group_concat(i.rowid) FROM incidents i", "SELECT string_agg((i.rowid)::text, ',') FROM incidents i"),
    # quoted text is left alone (a literal's ? and % and user are not SQL)
    ("SELECT 'user?%' || ? FROM t", "SELECT 'user?%%' || %s FROM t"),
    ("BEGIN IMMEDIATE", "BEGIN"),
    ("WHERE (:c IS NULL OR c = :c) AND ? IS NOT NULL", "WHERE (CAST(%(c)s AS text) IS NULL OR c = %(c)s) AND CAST(%s AS text) IS NOT NULL"),
])
def test_sqlite_dialect_is_translated(sqlite, postgresql):
    assert translate(sqlite) == postgresql


@pytest.mark.parametrize(("fts5", "expected"), [
    ('"kim" "jong"', "('kim' & 'jong')"),
    ('"Kim Jong Un"', "('kim' <-> 'jong' <-> 'un')"),
    ("smuggl*", "'smuggl':*"),
    ('"ballistic missi"*', "('ballistic' <-> 'missi':*)"),
    ("missiles OR defected", "('missiles' | 'defected')"),
    ("a b OR c", "(('a' & 'b') | 'c')"),
    ("a OR b NOT c", "('a' | ('b' & !'c'))"),
    ("(a OR b) AND c", "(('a' | 'b') & 'c')"),
    ("Pyŏngyang 평양", "('pyŏngyang' & '평양')"),
    ('"it\'s"', "('it' <-> 's')"),
    ("and", "'and'"),  # lower case: a word, not the operator
])
def test_fts5_syntax_as_a_tsquery(fts5, expected):
    assert tsquery(fts5) == expected


@pytest.mark.parametrize("text", ["", "AND", "a OR", "NOT a", "(a", "a)", "NEAR(a b)", "title:a", "-a", '"..."', "^a"])
def test_what_is_not_the_syntax_is_a_fault(text):
    with pytest.raises(SyntaxFault):
        tsquery(text)
