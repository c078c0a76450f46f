#!/usr/bin/env bash
# Set up and run Yalu's tests on a fresh machine with Python 3.11.
# Creates .venv, installs Yalu with its pinned test dependencies, installs
# Debian's chromium for the browser tests when it can (root + apt-get), runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/setup.sh test

if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "chromium could not be installed: browser tests will be skipped" >&2
fi

status=0
.venv/bin/python -m pytest "$@" || status=$?
# pytest's 5 means no test ran: that is a failure here, not a pass
exit "$status"
