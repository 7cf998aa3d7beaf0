#!/usr/bin/env python3
"""Outcomes benchmark (issue 17): the state's network report and the organization's reports under wrk, beside
/healthz on the same server in the same run, 8 connections.

Measured over the demo data (`serve --demo`: the demo state agency with the two demo organizations in its
network). `pathways demo generate` does not make a state's set (100 organizations, 300,000 episodes) yet, so
these figures say what the code path costs at demo size, not whether the issue's targets are met.

Usage: bench/outcomes.py [--postgres postgres://postgres@127.0.0.1:5432/test] [--seconds 10]
Needs: cargo build --release (or PATHWAYS_BIN); bench/setup.sh (wrk).
"""
import argparse, json, os, signal, subprocess, sys, tempfile, time, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from access_line import token  # noqa: E402
from foundation import BIN, PASSWORD, free_port, wait_ready, wrk  # noqa: E402

CONNECTIONS = 8
PATHS = (
    ("network_people_served_api", "state", "/api/v1/reports/network/people-served"),
    ("people_served_api", "analyst", "/api/v1/reports/people-served"),
    ("perception_api", "analyst", "/api/v1/reports/perception"),
)


def run(name, url, a, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn")
    port = free_port()
    proc = subprocess.Popen([BIN, "serve", "--demo", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(f"http://127.0.0.1:{port}", time.monotonic() + 120):
            raise SystemExit(f"{name}: server not ready")
        tokens = {
            "state": token(url, workdir, "state@demo.pathways.test"),
            "analyst": token(url, workdir, "analyst@demo.pathways.test"),
        }
        base = f"http://127.0.0.1:{port}"
        res = {"connections": CONNECTIONS}
        # Cold: the first seconds right after start, before any warm-up.
        for label, who, path in PATHS:
            res[label + "_cold"] = wrk(base + path, 2, CONNECTIONS, token=tokens[who])
        wrk(base + "/healthz", 2, CONNECTIONS)
        res["healthz"] = wrk(base + "/healthz", a.seconds, CONNECTIONS)
        for label, who, path in PATHS:
            r = wrk(base + path, a.seconds, CONNECTIONS, token=tokens[who])
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 3)
            res[label] = r
        return res
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--seconds", type=int, default=10)
    a = ap.parse_args()
    report = {}
    with tempfile.TemporaryDirectory() as d:
        report["sqlite"] = run("sqlite", f"sqlite://{d}/bench.db", a, d)
    if a.postgres:
        name = "pathways_outcomesbench_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        try:
            with tempfile.TemporaryDirectory() as d:
                report["postgres"] = run("postgres", a.postgres.rsplit("/", 1)[0] + "/" + name, a, d)
        finally:
            subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
