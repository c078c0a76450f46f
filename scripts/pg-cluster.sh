#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: `scripts/pg-cluster.sh start DIR` runs
# initdb in DIR as an unprivileged user (one it creates, `yalupg`, when run as root),
# starts the server on loopback on a free port, and prints the URL of its admin
# database; `scripts/pg-cluster.sh stop DIR` stops it. Needs Debian's `postgresql`.
set -euo pipefail
action="${1:?start|stop}"
dir="${2:?a folder for the cluster}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "no PostgreSQL server: apt-get install postgresql" >&2; exit 1; }

as_owner() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then
    id yalupg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin yalupg
    runuser -u yalupg -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && { id yalupg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin yalupg; chown yalupg "$dir"; }
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$dir/data" -U yalu --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgresql://yalu@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
