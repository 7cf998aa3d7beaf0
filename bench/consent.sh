#!/usr/bin/env bash
# The consent gate's cost (issue 7): an ally's view and a referral with the gate against the same with its
# answer cached, and the disclosure list of a person with 10,000 disclosures — on SQLite, then on PostgreSQL when
# a URL is given. Usage: bench/consent.sh [postgres://user@host:5432/db] [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${2:-400}"
env -u PATHWAYS_TEST_POSTGRES_URL cargo bench -p pathways-web --bench consent_gate -- --iterations "$iterations"
if [ -n "${1:-}" ]; then
  PATHWAYS_TEST_POSTGRES_URL="$1" cargo bench -p pathways-web --bench consent_gate -- --iterations "$iterations"
fi
