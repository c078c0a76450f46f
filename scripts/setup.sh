#!/usr/bin/env bash
# Create .venv with Python 3.11 (or python3) and install Yalu with the given extras.
# Sourced by demo.sh and test.sh: `. scripts/setup.sh [EXTRAS]`.
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${1:+[$1]}"
