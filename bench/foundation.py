#!/usr/bin/env python3
"""Foundation benchmark (issue 2): start-up time, idle memory, binary size, page weight, and wrk figures for
GET /api/v1/persons/{id} beside GET /healthz on the same server in the same run, on SQLite and PostgreSQL.

Usage: bench/foundation.py [--postgres postgres://postgres@127.0.0.1:5432/test] [--seconds 10]
Needs: a release build (cargo build --release), wrk (apt-get install wrk), curl.
Reports ratios against /healthz measured in the same run, since machines are noisy.
"""
import argparse, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# PATHWAYS_BIN picks another build (a CARGO_TARGET_DIR elsewhere, or an older build to compare with).
BIN = os.environ.get("PATHWAYS_BIN") or os.path.join(ROOT, "target", "release", "pathways")
PASSWORD = "bench-password-2026-long"  # also used by bench/recovery.py


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=5) as r:
        return r.status, r.read()


def wait_ready(base, deadline):
    while time.monotonic() < deadline:
        try:
            if get(base + "/readyz")[0] == 200:
                return True
        except Exception:
            time.sleep(0.002)
    return False


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def wrk(url, seconds, connections, token=None, header=None):
    """wrk's rate and latencies; `token` adds a bearer token, `header` any other header."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: run bench/setup.sh")
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if token:
        cmd[1:1] = ["-H", f"Authorization: Bearer {token}"]
    if header:
        cmd[1:1] = ["-H", header]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    def lat(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", out, re.M)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50_ms": lat(50), "p99_ms": lat(99), "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def run_backend(name, url, seconds, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn")
    # Start-up on an empty database (migrations included), then stop.
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_ready(base, t0 + 60):
        raise SystemExit(f"{name}: server not ready")
    startup_ms = (time.monotonic() - t0) * 1000
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)
    # Then with the demo data, for the load.
    t0 = time.monotonic()
    proc = subprocess.Popen([BIN, "serve", "--demo", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(base, t0 + 60):
            raise SystemExit(f"{name}: server not ready")
        token = subprocess.run([BIN, "token", "create", "--email", "admin@demo.pathways.test"], cwd=workdir, env=env,
                               capture_output=True, text=True, check=True).stdout.strip()
        _, body = get(base + "/api/v1/persons?per_page=1", {"Authorization": f"Bearer {token}"})
        pid = json.loads(body)["items"][0]["id"]
        time.sleep(1)
        idle_rss = rss_kib(proc.pid)
        res = {"startup_to_ready_ms": round(startup_ms, 1), "idle_rss_mib": round(idle_rss / 1024, 1)}
        # Warm up, then alternate so both see the same machine.
        wrk(base + "/healthz", 2, 16)
        res["healthz"] = wrk(base + "/healthz", seconds, 16)
        res["person"] = wrk(f"{base}/api/v1/persons/{pid}", seconds, 16, token)
        res["person_over_healthz_rps"] = round(res["person"]["rps"] / res["healthz"]["rps"], 3)
        res["loaded_rss_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        for page in ["/", "/login"]:
            raw = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", base + page],
                                 capture_output=True, text=True).stdout
            gz = subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", "Accept-Encoding: gzip", "-w", "%{size_download}", base + page],
                                capture_output=True, text=True).stdout
            br = subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", "Accept-Encoding: br", "-w", "%{size_download}", base + page],
                                capture_output=True, text=True).stdout
            res[f"bytes {page}"] = {"raw": int(raw), "gzip": int(gz), "br": int(br)}
        css = subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", "Accept-Encoding: br", "-w", "%{size_download}", base + "/static/app.css"],
                             capture_output=True, text=True).stdout
        res["bytes /static/app.css (br)"] = int(css)
        return res
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--seconds", type=int, default=10)
    a = ap.parse_args()
    if not os.path.exists(BIN):
        raise SystemExit("build first: cargo build --release")
    report = {"binary_mib": round(os.path.getsize(BIN) / 2**20, 2)}
    with tempfile.TemporaryDirectory() as d:
        report["sqlite"] = run_backend("sqlite", f"sqlite://{d}/bench.db", a.seconds, d)
    if a.postgres:
        import uuid
        name = "pathways_bench_" + uuid.uuid4().hex[:8]
        admin = a.postgres
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        try:
            url = admin.rsplit("/", 1)[0] + "/" + name
            with tempfile.TemporaryDirectory() as d:
                report["postgres"] = run_backend("postgres", url, a.seconds, d)
        finally:
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
