#!/usr/bin/env python3
"""Check-ups and outreach benchmark (issue 5): the outreach rules over a national-size set (100,000 persons with a
year of check-ins and BARC-10s by default), on SQLite and PostgreSQL:

- the first full pass (enrolls every person on a schedule and opens their items), then a second full pass (the
  steady state: nothing changes) — time per pass and per person; target under 60 s;
- an incremental pass after 1,000 persons' records changed (marked as the store marks them) — target under 1 s;
- the outreach page of a coach (`/outreach`) under wrk at 32 connections, beside /healthz in the same run.

Usage: bench/checkups.py [--postgres URL] [--only sqlite|postgres] [--persons N --checkins N --assessments N]
       [--changed 1000] [--seconds 10]
Needs: cargo build --release; wrk (bench/setup.sh).
"""
import argparse, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from foundation import BIN, wrk  # noqa: E402
from recovery import PASSWORD, each_backend, serving, sign_in  # noqa: E402

PASS_LINE = re.compile(r"(\d+) persons evaluated, (\d+) enrolled, (\d+) items opened, (\d+) closed in ([\d.]+) s")


def evaluate(env, workdir, full):
    args = [BIN, "outreach", "evaluate"] + (["--full"] if full else [])
    t0 = time.monotonic()
    out = subprocess.run(args, cwd=workdir, env=env, capture_output=True, text=True, check=True).stdout
    wall = time.monotonic() - t0
    m = PASS_LINE.search(out)
    if not m:
        raise SystemExit(f"unexpected output: {out}")
    evaluated, enrolled, opened, closed, secs = m.groups()
    secs = float(secs)
    n = int(evaluated)
    return {"evaluated": n, "enrolled": int(enrolled), "opened": int(opened), "closed": int(closed),
            "seconds": round(secs, 3), "ms_per_person": round(secs * 1000 / n, 4) if n else None,
            "process_wall_s": round(wall, 2)}


def mark_changed(url, n):
    """Marks n random persons as changed, as `summary::refresh` does in a change's transaction."""
    if url.startswith("sqlite"):
        path = url.split("://", 1)[1]
        sql = (f"INSERT OR REPLACE INTO outreach_dirty (person_id, marked_at) "
               f"SELECT id, strftime('%Y-%m-%dT%H:%M:%f+00:00','now') FROM person ORDER BY random() LIMIT {n};")
        subprocess.run(["sqlite3", path, sql], check=True)
    else:
        sql = (f"INSERT INTO outreach_dirty (person_id, marked_at) SELECT id, now() FROM person "
               f"ORDER BY random() LIMIT {n} ON CONFLICT (person_id) DO UPDATE SET marked_at = excluded.marked_at")
        subprocess.run(["psql", url, "-qc", sql], check=True)


def run_backend(name, url, a, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn",
               PATHWAYS_SESSION_IDLE_MINUTES="600", PATHWAYS_OUTREACH_EVERY_SECONDS="0")
    t0 = time.monotonic()
    out = subprocess.run([BIN, "demo", "generate", "--persons", str(a.persons), "--checkins", str(a.checkins),
                          "--assessments", str(a.assessments)], cwd=workdir, env=env, capture_output=True,
                         text=True, check=True)
    res = {"generate_s": round(time.monotonic() - t0, 1)}
    slug = out.stdout.split()[0]
    if url.startswith("postgres"):
        subprocess.run(["psql", url, "-qc", "CHECKPOINT"], check=True)
    res["first_full_pass"] = evaluate(env, workdir, True)
    res["second_full_pass"] = evaluate(env, workdir, True)
    mark_changed(url, a.changed)
    res["incremental_pass"] = evaluate(env, workdir, False)
    res["empty_incremental_pass"] = evaluate(env, workdir, False)

    with serving(name, env, workdir) as (base, _):
        cookie, opener = sign_in(base, f"coach0@{slug}.test")
        page = opener.open(base + "/outreach").read().decode()
        res["outreach_items_shown"] = page.count('<li class="card">')
        wrk(base + "/healthz", 2, 32)
        res["healthz"] = wrk(base + "/healthz", a.seconds, 32)
        wrk(base + "/outreach", 2, 32, header=f"Cookie: {cookie}")
        res["outreach_page"] = wrk(base + "/outreach", a.seconds, 32, header=f"Cookie: {cookie}")
        res["outreach_over_healthz_rps"] = round(res["outreach_page"]["rps"] / res["healthz"]["rps"], 4)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--persons", type=int, default=100_000)
    ap.add_argument("--checkins", type=int, default=1_000_000)
    ap.add_argument("--assessments", type=int, default=400_000)
    ap.add_argument("--changed", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--only", choices=["sqlite", "postgres"])
    each_backend(ap.parse_args(), run_backend)

if __name__ == "__main__":
    main()
