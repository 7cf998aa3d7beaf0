#!/usr/bin/env bash
# Issue 16: the finder page (/find?q=recovery) served by two builds in turn, on the same SQLite set: /healthz, then
# the page, then a Spanish page near a ZIP, wrk -t2 -c16 for 8 s each, the two binaries alternating twice so the
# machine's drift falls on both. Usage: bench/find_page_ab.sh SQLITE_FILE BINARY_A BINARY_B
# (the national set as kept by bench/directory.py --sqlite-file; copy each build's target/release/pathways aside).
set -euo pipefail
db="${1:?give the SQLite file of the national set}"
shift
[ $# -ge 2 ] || { echo "usage: $0 SQLITE_FILE BINARY_A BINARY_B" >&2; exit 2; }
port=18556
rate() { wrk -t2 -c16 -d8s "$@" | awk '/Requests\/sec/{print $2}'; }
for round in 1 2; do
  for bin in "$@"; do
    PATHWAYS_DATABASE_URL="sqlite://$db" RUST_LOG=warn "$bin" serve --bind "127.0.0.1:$port" > /dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" > /dev/null && break; sleep 0.5; done
    curl -sf "http://127.0.0.1:$port/find?q=recovery" > /dev/null
    h=$(rate "http://127.0.0.1:$port/healthz")
    f=$(rate "http://127.0.0.1:$port/find?q=recovery")
    e=$(rate -H "Accept-Language: es" "http://127.0.0.1:$port/find?q=recovery&near=06107")
    echo "round $round $bin: /healthz $h req/s; /find?q=recovery $f ($(python3 -c "print(round($f / $h, 3))") x /healthz); Spanish near a ZIP $e"
    kill "$pid"
    wait "$pid" 2> /dev/null || true
  done
done
