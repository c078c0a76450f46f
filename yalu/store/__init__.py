"""Store: the SQLite database (schema, migrations, FTS5) and the queries over it."""

from .database import DEFAULT_DB, JSON_COLUMNS, MIGRATIONS, Store, incident_id

__all__ = ["DEFAULT_DB", "JSON_COLUMNS", "MIGRATIONS", "Store", "incident_id"]
