#!/usr/bin/env bash
# Issue 16: the finder's own index beside tantivy on the same listings and the same frequency-weighted queries
# (crates/pathways-web/benches/engine_compare.rs says how each is asked). Needs the national set as a SQLite file:
#   mkdir -m 700 /tmp/dirb && bench/directory.py --only-sqlite --sqlite-file /tmp/dirb/dirbench.db
# (the data folder must be private, as for any Pathways database). Usage: bench/engine_compare.sh /tmp/dirb/dirbench.db
# With --finder-only (after the file): the finder alone, query by query, and its slowest queries
# (crates/pathways-web/benches/finder_search.rs; tantivy is not built).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:?give the SQLite file of the national set}"
only="${2:-}"
queries=$(mktemp)
trap 'rm -f "$queries"' EXIT
python3 - "$db" "$queries" <<'PY'
import sys, urllib.parse
sys.path.insert(0, "bench")
import directory
one, two = directory.query_mix(directory.vocabulary("sqlite://" + sys.argv[1]))
strip = lambda qs: urllib.parse.unquote_plus(qs[2:])
with open(sys.argv[2], "w") as f:
    f.write("\n".join(map(strip, one)) + "\n\n" + "\n".join(map(strip, two)) + "\n")
PY
if [ "$only" = "--finder-only" ]; then
  cargo bench --workspace --bench finder_search -- "sqlite://$db" "$queries"
  exit
fi
cargo bench --workspace --features pathways-web/engine-compare --bench engine_compare -- "sqlite://$db" "$queries"
