#!/usr/bin/env python3
"""Recovery housing benchmark (issue 19): the public board (/housing) and its JSON (/api/v1/housing) with a national
set of generated residences (`pathways demo generate --residences N`, 5,000 by default), under wrk beside /healthz on
the same server in the same run. The issue's target: each shape at >= 0.2 x /healthz's requests a second, p99 under
10 ms.

Usage: bench/housing.py [--residences 5000] [--seconds 10] [--connections 16]
                        [--postgres postgres://postgres@127.0.0.1:5432/test]
Needs: cargo build --release (or PATHWAYS_BIN); bench/setup.sh (wrk).

Shapes: the first page with no filter (4,000-odd residences admitted, 20 shown), filters that admit many
(a level, MOUD, a bed now), a place (near a ZIP code, which sorts by distance), and a deep page of the API. The time
of the first board after start (the snapshot's first read) is reported apart as `first_board_ms`.
"""
import argparse, json, os, signal, subprocess, sys, tempfile, time, urllib.request, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from foundation import BIN, free_port, get, wait_ready, wrk  # noqa: E402

TARGET_RATIO = 0.2
TARGET_P99_MS = 10.0
SHAPES = (
    ("page", "/housing"),
    ("page_filtered", "/housing?level=II&moud=true&beds=true"),
    ("page_near", "/housing?near=10001&within=100"),
    ("api", "/api/v1/housing"),
    ("api_filtered", "/api/v1/housing?population=women&beds=true"),
    ("api_near", "/api/v1/housing?near=60601&within=100"),
    ("api_page_100", "/api/v1/housing?page=100"),
)


def generate(url, n, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    t0 = time.monotonic()
    subprocess.run([BIN, "demo", "generate", "--residences", str(n)], cwd=workdir, env=env, check=True,
                   capture_output=True, text=True)
    return round(time.monotonic() - t0, 1)


def run(name, url, a, workdir):
    res = {"residences": a.residences, "connections": a.connections, "generate_s": generate(url, a.residences, workdir)}
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(base, time.monotonic() + 120):
            raise SystemExit(f"{name}: server not ready")
        t0 = time.monotonic()
        _, body = get(base + "/api/v1/housing?per_page=1")
        res["first_board_ms"] = round((time.monotonic() - t0) * 1000, 1)
        res["listed"] = json.loads(body)["total"]
        for _, path in SHAPES:
            with urllib.request.urlopen(base + path, timeout=10) as r:
                assert r.status == 200, path
        wrk(base + "/healthz", 2, a.connections)
        res["healthz"] = wrk(base + "/healthz", a.seconds, a.connections)
        ok = True
        for label, path in SHAPES:
            r = wrk(base + path, a.seconds, a.connections)
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 3)
            r["meets_target"] = r["over_healthz"] >= TARGET_RATIO and r["p99_ms"] < TARGET_P99_MS and r["non_2xx"] == 0
            ok = ok and r["meets_target"]
            res[label] = r
        res["all_meet_target"] = ok
        return res
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--residences", type=int, default=5000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--postgres", default=None)
    a = ap.parse_args()
    if not os.path.exists(BIN):
        raise SystemExit("build first: cargo build --release (or set PATHWAYS_BIN)")
    report = {}
    with tempfile.TemporaryDirectory() as d:
        report["sqlite"] = run("sqlite", f"sqlite://{d}/bench.db", a, d)
    if a.postgres:
        name = "pathways_housingbench_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        try:
            with tempfile.TemporaryDirectory() as d:
                report["postgres"] = run("postgres", a.postgres.rsplit("/", 1)[0] + "/" + name, a, d)
        finally:
            subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
