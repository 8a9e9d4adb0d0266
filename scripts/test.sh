#!/usr/bin/env bash
# Install everything the tests need on a fresh machine (Python 3.11+, Debian), then run them.
# The README's second quickstart command and CI's .ci/run both call this script.
set -uo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv || exit 1
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]' || exit 1

# The browser tests drive Debian's Chromium through playwright (no browser download).
if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; } \
        || echo "warning: could not install chromium; browser tests will be skipped" >&2
fi

.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$rc"
