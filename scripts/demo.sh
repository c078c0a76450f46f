#!/usr/bin/env bash
# Set up Yalu and run the main job on the bundled (fictional) sample reports:
# ingest them into SQLite (yalu.db), list the incidents, then serve the workbench.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/setup.sh

.venv/bin/yalu ingest samples/reports --db yalu.db || true   # a bad sample file is reported, not fatal
.venv/bin/yalu incidents --db yalu.db --limit 30
if [ "${YALU_NO_SERVE:-}" = "" ] && .venv/bin/yalu serve --help >/dev/null 2>&1; then
  .venv/bin/yalu serve --db yalu.db --single-user --open
fi
