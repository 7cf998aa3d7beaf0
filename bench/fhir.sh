#!/usr/bin/env bash
# FHIR $everything for a person with two years of data and Observation?patient=…&_count=50 (issue 18), on SQLite,
# then on PostgreSQL when a URL is given. Usage: bench/fhir.sh [postgres://user@host:5432/db] [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${2:-300}"
env -u PATHWAYS_TEST_POSTGRES_URL cargo bench -p pathways-web --bench fhir_export -- --iterations "$iterations"
if [ -n "${1:-}" ]; then
  PATHWAYS_TEST_POSTGRES_URL="$1" cargo bench -p pathways-web --bench fhir_export -- --iterations "$iterations"
fi
