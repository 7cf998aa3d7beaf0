#!/usr/bin/env python3
"""Access line benchmark (issue 6): the 200-way reservation storm and the capacity board.

The storm: a program with N open beds (10), and M (200) reservation requests released at the same instant from
M threads against the server (on PostgreSQL, split across two `pathways serve` processes on one database). It
reports the wall time, each request's p50/p99, and the number of holds, which must equal the beds; the rest must
be 409 "no bed left" with alternatives. Then the public board (`/capacity`) and its API (`/api/v1/capacity`) under
wrk beside /healthz on the same server in the same run.

Usage: bench/access_line.py [--postgres postgres://postgres@127.0.0.1:5432/test] [--requests 200] [--beds 10] [--seconds 10]
Needs: cargo build --release; bench/setup.sh (wrk).
"""
import argparse, http.client, json, os, signal, subprocess, sys, tempfile, threading, time, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from foundation import BIN, PASSWORD, free_port, get, wait_ready, wrk  # noqa: E402

PROGRAM = "Naugatuck Valley Withdrawal (demo)"


def token(url, workdir, email):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    out = subprocess.run([BIN, "token", "create", "--email", email], cwd=workdir, env=env,
                         capture_output=True, text=True, check=True).stdout
    return out.strip().split()[-1]


def request(port, method, path, tok, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {tok}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def storm(ports, program, tok, n):
    """n threads wait at a barrier, then each sends one reservation; per-request latency and status."""
    barrier = threading.Barrier(n + 1)
    results = [None] * n

    def one(i):
        port = ports[i % len(ports)]
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.connect()
        barrier.wait()
        t0 = time.monotonic()
        c.request("POST", f"/api/v1/programs/{program}/reservations", body=b"",
                  headers={"Authorization": f"Bearer {tok}"})
        r = c.getresponse()
        body = r.read()
        results[i] = (r.status, (time.monotonic() - t0) * 1000, body)
        c.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.monotonic()
    for t in threads:
        t.join()
    wall = (time.monotonic() - t0) * 1000
    lat = sorted(r[1] for r in results)
    pick = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 1)
    statuses = [r[0] for r in results]
    with_alternatives = sum(1 for s, _, b in results if s == 409 and json.loads(b).get("alternatives"))
    return {"requests": n, "wall_ms": round(wall, 1), "p50_ms": pick(0.5), "p99_ms": pick(0.99),
            "held_201": statuses.count(201), "no_bed_409": statuses.count(409),
            "409_with_alternatives": with_alternatives,
            "other": sorted(set(s for s in statuses if s not in (201, 409)))}


def run(name, url, a, workdir, two_processes):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn")
    ports = [free_port()]
    procs = [subprocess.Popen([BIN, "serve", "--demo", "--bind", f"127.0.0.1:{ports[0]}"], cwd=workdir, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        if not wait_ready(f"http://127.0.0.1:{ports[0]}", time.monotonic() + 120):
            raise SystemExit(f"{name}: server not ready")
        if two_processes:
            ports.append(free_port())
            procs.append(subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{ports[1]}"], cwd=workdir, env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            if not wait_ready(f"http://127.0.0.1:{ports[1]}", time.monotonic() + 60):
                raise SystemExit(f"{name}: second server not ready")
        line = token(url, workdir, "access_line@demo.pathways.test")
        provider = token(url, workdir, "provider_staff@demo.pathways.test")
        _, body = get(f"http://127.0.0.1:{ports[0]}/api/v1/capacity")
        program = next(p["id"] for p in json.loads(body)["programs"] if p["name"] == PROGRAM)
        status, _ = request(ports[0], "POST", f"/api/v1/programs/{program}/capacity", provider,
                            {"open_beds": a.beds, "waitlist": 0})
        if status != 200:
            raise SystemExit(f"{name}: could not set the beds ({status})")
        res = {"processes": len(ports), "beds": a.beds, "storm": storm(ports, program, line, a.requests)}
        _, body = get(f"http://127.0.0.1:{ports[0]}/api/v1/capacity")
        shown = next(p for p in json.loads(body)["programs"] if p["id"] == program)
        res["storm"]["board_available_after"] = shown["available"]
        res["storm"]["exact"] = res["storm"]["held_201"] == a.beds and shown["available"] == 0
        base = f"http://127.0.0.1:{ports[0]}"
        wrk(base + "/healthz", 2, 16)
        res["healthz"] = wrk(base + "/healthz", a.seconds, 16)
        for label, path in (("board_page", "/capacity"), ("capacity_api", "/api/v1/capacity?level=3.7-WM&near=06106")):
            wrk(base + path, 2, 16)
            r = wrk(base + path, a.seconds, 16)
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 3)
            res[label] = r
        return res
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--beds", type=int, default=10)
    ap.add_argument("--seconds", type=int, default=10)
    a = ap.parse_args()
    report = {}
    with tempfile.TemporaryDirectory() as d:
        report["sqlite"] = run("sqlite", f"sqlite://{d}/bench.db", a, d, False)
    if a.postgres:
        name = "pathways_linebench_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        try:
            with tempfile.TemporaryDirectory() as d:
                report["postgres"] = run("postgres", a.postgres.rsplit("/", 1)[0] + "/" + name, a, d, True)
        finally:
            subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
