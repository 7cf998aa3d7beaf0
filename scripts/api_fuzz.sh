#!/usr/bin/env bash
# Checks the JSON API against its own description: starts the built binary on a fresh SQLite demo database,
# validates /api/openapi.json with an outside validator (openapi-spec-validator, OpenAPI 3.1), then runs
# schemathesis (every check: server errors, undocumented statuses and content types, responses against their
# schemas, schema-valid requests rejected, schema-violating requests accepted, missing auth accepted …) signed in
# with a write token of the demo coach, and of the demo supervisor. Any finding fails the script.
#
# Usage: scripts/api_fuzz.sh [extra schemathesis options]
#   PATHWAYS_BIN        the binary (default: where cargo puts the debug build)
#   API_FUZZ_EXAMPLES   examples per operation and phase (default 10: both runs fit in about 2 minutes on 2 cores)
# The Python tools come from scripts/setup.sh (.cache/api-fuzz, a virtual environment of pinned versions).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="$PWD/.cache/api-fuzz"
if [ ! -x "$venv/bin/st" ] || [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  echo "api_fuzz: schemathesis is missing; run scripts/setup.sh" >&2
  exit 1
fi
if [ -z "${PATHWAYS_BIN:-}" ]; then
  target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
  PATHWAYS_BIN="$target_dir/debug/pathways"
fi
if [ ! -x "$PATHWAYS_BIN" ]; then
  echo "api_fuzz: no binary at $PATHWAYS_BIN; build it (cargo build --bin pathways) or set PATHWAYS_BIN" >&2
  exit 1
fi
PATHWAYS_BIN=$(realpath "$PATHWAYS_BIN")
examples="${API_FUZZ_EXAMPLES:-10}"

tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export PATHWAYS_DATABASE_URL="sqlite://$tmp/pathways.db"
export PATHWAYS_DEMO_PASSWORD="api-fuzz-demo-password"
export RUST_LOG=warn
(cd "$tmp" && exec "$PATHWAYS_BIN" serve --demo --bind "127.0.0.1:$port" >"$tmp/server.log" 2>&1) &
server=$!
for _ in $(seq 1 300); do
  if curl -fsS "$base/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$tmp/server.log" >&2; echo "api_fuzz: the server stopped" >&2; exit 1; fi
  sleep 0.1
done
curl -fsS "$base/readyz" >/dev/null || { cat "$tmp/server.log" >&2; echo "api_fuzz: the server is not ready" >&2; exit 1; }

echo "== OpenAPI description: openapi-spec-validator"
curl -fsS "$base/api/openapi.json" -o "$tmp/openapi.json"
"$venv/bin/openapi-spec-validator" "$tmp/openapi.json"

# What the fuzzer can't know from the description: values that name data (a place the finder knows) or depend on
# today's date (a birth date in the past, an encounter of the past five years). The description states each rule;
# these dictionaries feed the generator real values for those fields, so it reaches the code behind them instead
# of stopping at 422. Every check stays on for every operation.
# (A day back at the least: the server counts days in the deployment's time zone, behind UTC in the US.)
lenient='["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]'
# (Dates a day back at the least: the server counts days in the deployment's time zone, behind UTC in the US.)
today=$(date -u +%Y-%m-%d)
days_ago() { date -u -d "$today - $1 days" +%Y-%m-%d; }
days_ahead() { date -u -d "$today + $1 days" +%Y-%m-%d; }
cat >"$tmp/schemathesis.toml" <<TOML
[dictionaries.places]
values = ["06106", "06510", "Hartford", "New Haven, CT", "41.76,-72.68"]

[dictionaries.birth_dates]
values = ["1950-02-28", "1984-07-04", "2001-12-31", "$(days_ago 6570)"]

[dictionaries.recent_dates]
values = ["$(days_ago 1)", "$(days_ago 2)", "$(days_ago 30)", "$(days_ago 400)", "$(days_ago 1700)"]

[dictionaries.calendar_days]
values = ["tonight", "week", "$(days_ahead 1)", "$(days_ahead 3)", "$(days_ahead 10)"]

[dictionaries.fhir_dates]
values = ["2026", "ge2026-01", "lt$(days_ago 1)", "eq$today", "gt2020-03-08T10:30Z", "le2026-12-31T23:59:59-05:00", "ne2025-06"]
[[operations]]
include-name = "GET /fhir/r4/CarePlan"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/Consent"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/Encounter"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/Goal"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/Observation"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/QuestionnaireResponse"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/ServiceRequest"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /fhir/r4/Task"
parameters = { "_lastUpdated" = { dictionary = "fhir_dates" } }
[[operations]]
include-name = "GET /api/v1/capacity"
parameters = { "near" = { dictionary = "places" } }

[[operations]]
include-name = "GET /api/v1/search"
parameters = { "near" = { dictionary = "places" } }
[[operations]]
include-name = "GET /api/v1/housing"
parameters = { "near" = { dictionary = "places" } }
[[operations]]
include-name = "GET /api/v1/calendar"
parameters = { "when" = { dictionary = "calendar_days" } }
# a day is today (in the deployment's zone) or one of the 27 after it: another well-formed day answers 422
checks.positive_data_acceptance.expected-statuses = $lenient

# A rule that ties a field to today, to the records that exist, to the caller's role or to another field can't
# be said in JSON Schema; the description says it in words, and these operations answer 422 when a request that
# matches their schema breaks it. Only these operations, and only 422 (the statuses below are schemathesis's
# defaults plus 422): a 400, a 500 or a schema mismatch still fails the run.
[[operations]]
include-name = "POST /api/v1/persons"
parameters = { "body.date_of_birth" = { dictionary = "birth_dates" } }
# the birth date is not after today; the assigned coach is a coach of the caller's organization
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "PATCH /api/v1/persons/{id}"
parameters = { "body.date_of_birth" = { dictionary = "birth_dates" } }
# as above, and only administrators and supervisors assign coaches
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/encounters"
parameters = { "body.date" = { dictionary = "recent_dates" } }
# the date is today or up to five years back
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/consents"
# the elements 42 CFR 2.31 requires depend on the recipient's kind and on tpo; a named recipient must exist
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "PUT /api/v1/persons/{id}/plan"
# the version edited is in the body or in If-Match; each goal's id is its own
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/programs/{id}/capacity"
# open beds are at most the licensed beds, given or as the program has them
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/outcome-interviews"
parameters = { "body.done_on" = { dictionary = "recent_dates" } }
# an interview is recorded while one of the person's windows is open on done_on (the schedule of their episode);
# a finished interview answers 409
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/service-events"
parameters = { "body.date" = { dictionary = "recent_dates" } }
# the date is today or up to two years back; the funding source is one of the organization's own; the goal is one
# of the person's plan's and the encounter one of the person's on that date
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/service-events/check"
parameters = { "body.date" = { dictionary = "recent_dates" } }
# as above
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/service-events/{service_event}/corrections"
# as above, for the corrected event; only a signed event is corrected (409), by who gave the service, a supervisor
# or an administrator (403)
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/service-events/{service_event}/sign"
# only a draft is signed (409), only by who gave the service (403); a voucher with too few units left is 409
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/service-events/{service_event}/cosign"
# only a signed event, once (409), only by a supervisor who did not give it (403)
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/financing/profiles"
# min_age is not above max_age
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "PUT /api/v1/financing/profiles/{profile}"
# as above; the profile is one of the organization's (404)
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/financing/sources"
# the profile is one of the organization's; a grant gives its period (the end not before the start) and one budget
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "PUT /api/v1/financing/sources/{funding_source}"
# as above; the kind stays what it was
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/persons/{id}/vouchers"
# the program is one of the organization's voucher programs; the number is new within it; it expires today or later
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/financing/credentials"
# the staff member is one of the organization's in service; issued not after today, up to forty years back; the
# expiry not before the issue date
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/financing/supervision"
parameters = { "body.held_on" = { dictionary = "recent_dates" } }
# the staff member is one of the organization's in service; the date is today or up to two years back
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "PUT /api/v1/persons/{id}/vouchers/{voucher}"
# the voucher is one of the person's; its units not fewer than those used; the expiry today or later, or its own
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "PUT /api/v1/residences/{id}"
# text is trimmed (spaces only is empty: required); residents' training date is not after today; the total is not
# below the beds reported open
checks.positive_data_acceptance.expected-statuses = $lenient

[[operations]]
include-name = "POST /api/v1/residences/{id}/reports"
# the beds open are at most the residence's beds in all
checks.positive_data_acceptance.expected-statuses = $lenient
TOML

token() {
  (cd "$tmp" && "$PATHWAYS_BIN" token create --email "$1@demo.pathways.test" --scope write --label api-fuzz --days 1 2>/dev/null)
}

status=0
for role in coach supervisor; do
  echo "== schemathesis, signed in as the demo $role (--max-examples $examples)"
  # From the temporary directory: schemathesis keeps its example database and reports where it runs.
  if ! (cd "$tmp" && "$venv/bin/st" --no-color --config-file "$tmp/schemathesis.toml" run "$base/api/openapi.json" \
      --header "Authorization: Bearer $(token "$role")" \
      --checks all --max-examples "$examples" --workers 1 --seed 1 "$@"); then
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "api_fuzz: schemathesis found problems (above); server log:" >&2
  tail -n 50 "$tmp/server.log" >&2
fi
exit "$status"
