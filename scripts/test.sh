#!/usr/bin/env bash
# The test command the README names: the Rust suite on SQLite, then (when PATHWAYS_TEST_POSTGRES_URL is set)
# the same suite on PostgreSQL, then the browser tests against the built binary, then the JSON API against its
# OpenAPI description (scripts/api_fuzz.sh, the same binary), then a short crash test (bench/crash.py). Between them,
# the Debian package is built from that binary and checked (scripts/package_deb.sh --check-only).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

echo "== Rust tests on SQLite"
env -u PATHWAYS_TEST_POSTGRES_URL cargo test --workspace --all-targets --locked

if [ -n "${PATHWAYS_TEST_POSTGRES_URL:-}" ]; then
  echo "== Rust tests on PostgreSQL ($PATHWAYS_TEST_POSTGRES_URL)"
  cargo test --workspace --all-targets --locked
else
  echo "== PostgreSQL suite skipped: set PATHWAYS_TEST_POSTGRES_URL=postgres://user@host:5432/db to run it"
fi

echo "== Browser tests"
cargo build --locked --bin pathways
# Ask cargo where it put the binary (CARGO_TARGET_DIR or a configured target directory move it).
target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
export PATHWAYS_BIN="${PATHWAYS_BIN:-$target_dir/debug/pathways}"
(cd e2e && npm test)

echo "== Debian package: built from that binary and checked in a throw-away root (scripts/package_deb.sh)"
scripts/package_deb.sh --check-only

echo "== API against its description (schemathesis, SQLite demo)"
scripts/api_fuzz.sh

echo "== Crash test, short (bench/crash.py: SIGKILL during writes; nothing acknowledged lost, audit chain intact)"
crash_args=(--cycles 3 --writers 8)
if [ -n "${PATHWAYS_TEST_POSTGRES_URL:-}" ]; then
  crash_args+=(--postgres "$PATHWAYS_TEST_POSTGRES_URL")
fi
python3 bench/crash.py "${crash_args[@]}"
