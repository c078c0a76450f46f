#!/usr/bin/env bash
# Run Yalu's tests against PostgreSQL: installs Debian's postgresql when it can (root +
# apt-get), starts a throw-away cluster in a temporary folder (scripts/pg-cluster.sh: an
# unprivileged user, loopback, a free port), runs pytest with YALU_TEST_DB pointing at it
# (every test's database is a fresh one there), then stops the cluster and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/setup.sh test

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing Debian's postgresql for the PostgreSQL run" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "no PostgreSQL server (apt-get install postgresql)" >&2
    exit 1
  fi
fi

cluster="$(mktemp -d)"
chmod 755 "$cluster"  # the cluster's user (not root) works in it
stop() { scripts/pg-cluster.sh stop "$cluster/c" || true; rm -rf "$cluster"; }
trap stop EXIT
url="$(scripts/pg-cluster.sh start "$cluster/c")"
echo "PostgreSQL cluster at $url" >&2

status=0
YALU_TEST_DB="$url" .venv/bin/python -m pytest "$@" || status=$?
exit "$status"
