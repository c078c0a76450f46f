"""Store: the SQLite database (schema, migrations, FTS5), the one object that opens its
connections and runs its transactions (`Store`), the rows every writer shares (writes.py)
and the queries over it (query.py)."""

from .database import DB, DEFAULT_DB, Store, atomic, connection, now
from .schema import JSON_COLUMNS, MIGRATIONS
from .writes import incident_id

__all__ = [
    "DB", "DEFAULT_DB", "JSON_COLUMNS", "MIGRATIONS", "Store", "atomic", "connection",
    "incident_id", "now",
]
