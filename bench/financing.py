#!/usr/bin/env python3
"""Financing benchmark (issue 21): the monthly funder report over 1,000,000 service events (the issue's target:
p99 < 200 ms on both databases), under wrk beside /healthz on the same server in the same run.

The set comes from `pathways demo generate --service-events N` (a generated organization, its coaches and
persons, a payer, a grant and a voucher program, N signed events over the past year: about N / 12 in the month
measured). The report is `GET /api/v1/financing/report` for this month as the generated supervisor (one grouped
query over the `service_event_month (org_id, occurred_on)` index, the month's claim lines up to 5,000, voucher
balances); `GET /financing` is the same report as a page.

Usage: bench/financing.py [--postgres URL] [--only sqlite|postgres] [--events N] [--persons N] [--seconds 20]
Needs: cargo build --release (or PATHWAYS_BIN); bench/setup.sh (wrk).
"""
import argparse, datetime, os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from access_line import token  # noqa: E402
from foundation import BIN, rss_kib, wrk  # noqa: E402
from recovery import PASSWORD, each_backend, serving  # noqa: E402

CONNECTIONS = 8


def run_backend(name, url, a, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn",
               PATHWAYS_OUTREACH_EVERY_SECONDS="0")
    t0 = time.monotonic()
    out = subprocess.run([BIN, "demo", "generate", "--persons", str(a.persons), "--checkins", "0",
                          "--assessments", "0", "--service-events", str(a.events)],
                         cwd=workdir, env=env, capture_output=True, text=True, check=True)
    gen_s = time.monotonic() - t0
    slug = out.stdout.split()[0]
    if url.startswith("postgres"):
        subprocess.run(["psql", url, "-qc", "CHECKPOINT"], check=True)
    today = datetime.date.today()
    report = f"/api/v1/financing/report?year={today.year}&month={today.month}"
    with serving(name, env, workdir) as (base, proc):
        tok = token(url, workdir, f"supervisor@{slug}.test")
        res = {"generate_s": round(gen_s, 1), "events": a.events, "connections": CONNECTIONS}
        res["report_cold"] = wrk(base + report, 2, CONNECTIONS, token=tok)
        wrk(base + "/healthz", 2, CONNECTIONS)
        res["healthz"] = wrk(base + "/healthz", a.seconds, CONNECTIONS)
        res["report"] = wrk(base + report, a.seconds, CONNECTIONS, token=tok)
        res["report_over_healthz_rps"] = round(res["report"]["rps"] / res["healthz"]["rps"], 4)
        res["report_p99_target_met"] = res["report"]["p99_ms"] < 200 and res["report"]["non_2xx"] == 0
        res["rss_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--persons", type=int, default=20_000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--only", choices=["sqlite", "postgres"])
    each_backend(ap.parse_args(), run_backend)


if __name__ == "__main__":
    main()
