#!/usr/bin/env bash
# Installs what the benchmarks need beyond the tests' setup: wrk (Debian's package). Safe to run again.
set -euo pipefail
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
wrk --version 2>&1 | head -1 || true
