#!/usr/bin/env python3
"""Crash test (issue 23): kill the server with SIGKILL while 16 writers record encounters, again and again, and
check after each crash that nothing acknowledged was lost, nothing was half-written, and the server starts again.

Per backend (SQLite; PostgreSQL with --postgres, on a fresh database, with TWO servers on it as two app servers
would run — one is killed, the other keeps answering):
  1. `pathways serve --demo` in a fresh 0700 folder; a write token for the demo coach; the coach's persons.
  2. Each cycle: the servers start; 16 writers post encounters (`POST /api/v1/persons/{id}/encounters`), each with
     a marker of its own in `topics`, and keep the markers answered 201; after a random 0.3–1.5 s a server gets
     SIGKILL (on PostgreSQL the first; the second keeps taking writes); the writers stop.
  3. Checks, on the database itself after the servers stopped: every acknowledged marker is stored (lost = 0);
     every encounter stored has its `encounter_create` audit event, and no event lacks its encounter (the record and its audit event are one
     transaction); `pathways audit verify` says the chain is intact; on SQLite `PRAGMA integrity_check` is ok;
     the next start is ready (`/readyz`) — its time is reported.

Usage: bench/crash.py [--postgres URL] [--only sqlite|postgres] [--cycles 20] [--writers 16]
PATHWAYS_BIN picks the build (default target/release/pathways; the CI's short run uses target/debug/pathways).
Exit status 1 if any check fails.
"""
import argparse, json, os, random, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.request, uuid
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from foundation import BIN, free_port, wait_ready  # noqa: E402

PASSWORD = "crash-password-2026-long"
COACH = "coach@demo.pathways.test"


def start(env, workdir, demo=False):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [BIN, "serve", "--bind", f"127.0.0.1:{port}"] + (["--demo"] if demo else [])
    proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    if not wait_ready(base, t0 + 120):
        proc.kill()
        raise SystemExit(f"server not ready: {cmd}")
    return base, proc, time.monotonic() - t0


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def api(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read() or b"null")


def writer(bases, token, persons, cycle, n, acked, stop_at, errors):
    today = date.today().isoformat()
    i = 0
    while not stop_at.is_set():
        base = bases[n % len(bases)]
        marker = f"crash-{cycle}-{n}-{i}"
        i += 1
        body = {"date": today, "type": "phone", "minutes": 5, "topics": [marker]}
        try:
            status, _ = api(base, token, "POST", f"/api/v1/persons/{persons[i % len(persons)]}/encounters", body)
            if status == 201:
                acked.append(marker)
        except Exception as e:  # the killed server: refused, reset, or a request cut off mid-way
            errors.append(type(e).__name__)
            if len(bases) > 1:
                bases = [b for b in bases if b != base] or bases
            time.sleep(0.01)


def stored_markers(url, workdir):
    """Every marker in the stored encounters, and how many encounter_create audit events there are."""
    if url.startswith("sqlite"):
        db = sqlite3.connect(f"file:{url.split('://', 1)[1]}?mode=ro", uri=True)
        topics = [r[0] for r in db.execute("SELECT topics FROM encounter")]
        audited = db.execute("SELECT count(*) FROM audit_event WHERE action = 'encounter_create' "
                             "AND outcome = 'success'").fetchone()[0]
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
    else:
        out = subprocess.run(["psql", url, "-At", "-c", "SELECT topics::text FROM encounter"],
                             capture_output=True, text=True, check=True).stdout
        topics = [line for line in out.splitlines() if line]
        audited = int(subprocess.run(["psql", url, "-At", "-c", "SELECT count(*) FROM audit_event WHERE action = "
                                      "'encounter_create' AND outcome = 'success'"],
                                     capture_output=True, text=True, check=True).stdout.strip())
        integrity = "ok"
    markers = set()
    for t in topics:
        for m in json.loads(t) if isinstance(t, str) else t:
            if isinstance(m, str) and m.startswith("crash-"):
                markers.add(m)
    return markers, len(topics), audited, integrity


def run_backend(name, url, a):
    with tempfile.TemporaryDirectory() as d:
        os.chmod(d, 0o700)
        env = dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn",
                   PATHWAYS_OUTREACH_EVERY_SECONDS="0")
        base, proc, _ = start(env, d, demo=True)
        token = subprocess.run([BIN, "token", "create", "--email", COACH, "--scope", "write"], cwd=d, env=env,
                               capture_output=True, text=True, check=True).stdout.split()[0]
        _, page = api(base, token, "GET", "/api/v1/persons?per_page=100")
        persons = [p["id"] for p in page["items"]]
        stop(proc)
        servers = 2 if name == "postgres" else 1
        acked_all, errors_all, restarts, failures = [], [], [], []
        _, before, audited_before, _ = stored_markers(url, d)
        for cycle in range(a.cycles):
            running = [start(env, d) for _ in range(servers)]
            restarts.append(running[0][2])
            acked, errors, stop_at = [], [], threading.Event()
            threads = [threading.Thread(target=writer, args=([b for b, _, _ in running], token, persons, cycle, n,
                                                              acked, stop_at, errors)) for n in range(a.writers)]
            for t in threads:
                t.start()
            time.sleep(random.uniform(0.3, 1.5))
            running[0][1].kill()  # SIGKILL: no shutdown, mid-transaction
            running[0][1].wait()
            after_kill = len(acked)
            time.sleep(0.3 if servers > 1 else 0)
            stop_at.set()
            for t in threads:
                t.join()
            if servers > 1 and len(acked) <= after_kill:
                failures.append(f"cycle {cycle}: the second server took no write after the first was killed")
            for _, p, _ in running[1:]:
                p.kill()
                p.wait()
            markers, _, _, integrity = stored_markers(url, d)
            lost = [m for m in acked if m not in markers]
            if lost:
                failures.append(f"cycle {cycle}: {len(lost)} acknowledged writes lost, e.g. {lost[:3]}")
            if integrity != "ok":
                failures.append(f"cycle {cycle}: integrity_check says {integrity}")
            acked_all += acked
            errors_all += errors
        _, encounters, audited, _ = stored_markers(url, d)
        # Each encounter written here has its audit event (the demo's seeded ones have none, so count from after).
        if audited - audited_before != encounters - before:
            failures.append(f"{encounters - before} encounters written but {audited - audited_before} "
                            "encounter_create audit events")
        verify = subprocess.run([BIN, "audit", "verify"], cwd=d, env=env, capture_output=True, text=True)
        if verify.returncode != 0:
            failures.append(f"audit verify: {verify.stdout.strip()} {verify.stderr.strip()}")
        base, proc, ready_s = start(env, d)
        restarts.append(ready_s)
        stop(proc)
        restarts.sort()
        return {
            "servers": servers,
            "cycles": a.cycles,
            "writers": a.writers,
            "acknowledged_writes": len(acked_all),
            "lost": sum(1 for f in failures if "lost" in f),
            "stored_encounters_added": encounters - before,
            "errors_seen_by_writers": len(errors_all),
            "audit_verify": verify.stdout.strip().splitlines()[-1] if verify.stdout.strip() else verify.stderr.strip(),
            "ready_after_start_s": {"median": round(restarts[len(restarts) // 2], 2), "max": round(restarts[-1], 2)},
            "failures": failures,
        }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--postgres")
    p.add_argument("--only", choices=["sqlite", "postgres"])
    p.add_argument("--cycles", type=int, default=20)
    p.add_argument("--writers", type=int, default=16)
    a = p.parse_args()
    report = {}
    if a.only != "postgres":
        with tempfile.TemporaryDirectory() as d:
            report["sqlite"] = run_backend("sqlite", f"sqlite://{d}/crash.db", a)
            print(json.dumps(report, indent=2), flush=True)
    if a.postgres and a.only != "sqlite":
        db = "pathways_crash_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {db}"], check=True)
        try:
            report["postgres"] = run_backend("postgres", a.postgres.rsplit("/", 1)[0] + "/" + db, a)
        finally:
            subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"])
    print(json.dumps(report, indent=2))
    failed = [f for r in report.values() for f in r["failures"]]
    if failed:
        print("FAILED:\n" + "\n".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
