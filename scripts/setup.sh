#!/usr/bin/env bash
# Installs what Pathways' tests need on a fresh Debian machine: Chromium (Debian's, never a downloaded
# browser) for the browser tests, Python's jsonschema for the HSDS export check and aiosmtpd for the password
# reset email test, and the Node packages of e2e/.
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
if ! command -v node >/dev/null; then
  echo "setup: node is missing; install Node.js 20 (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
