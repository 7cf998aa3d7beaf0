#!/usr/bin/env python3
"""Recovery community benchmark (issue 20): the network's public calendar with 10,000 groups and events over 500
recovery community centers, beside /healthz on the same server in the same run. The issue's target: the network
calendar's p99 under 10 ms.

Usage: bench/community.py [--centers 500] [--events 10000] [--seconds 10] [--connections 16]
                          [--postgres URL] [--sqlite-file PATH]
Needs: cargo build --release (or PATHWAYS_BIN=path/to/pathways); bench/setup.sh (wrk).

The set is made by `pathways demo generate --centers N --events M` (mostly weekly groups, some every other week,
a few one-time events, centers in five regions; `src/demo/community.rs`), on SQLite (default) and, with --postgres,
on a fresh PostgreSQL database too (dropped afterwards). The calendar answers from an in-memory snapshot of the next
four weeks' occurrences (`crates/pathways-web/src/community_calendar.rs`), 25 a page. Measured: the network
calendar's first page this week and tonight, a filtered page (a region, Spanish, page 2), a day's evening, a deep
page, the JSON API's page of 50, one center's week, and the network's iCalendar feed (each gathering once, groups as
weekly RRULE series: its size is reported), each as a ratio to /healthz measured in the same run.
"""
import argparse, datetime, json, os, re, signal, subprocess, sys, tempfile, time, uuid
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from foundation import BIN, free_port, get, wait_ready, wrk, rss_kib  # noqa: E402

TARGET_P99_MS = 10.0


def generate(url, a, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    t0 = time.monotonic()
    out = subprocess.run([BIN, "demo", "generate", "--centers", str(a.centers), "--events", str(a.events)],
                         cwd=workdir, env=env, capture_output=True, text=True, check=True)
    res = {"generate_s": round(time.monotonic() - t0, 1)}
    m = re.search(r"Generated (\d+) recovery community centers and (\d+) groups and events", out.stderr)
    if m:
        res.update(centers=int(m.group(1)), events=int(m.group(2)))
    return res


def measure(name, url, a, workdir):
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = {}
    try:
        if not wait_ready(base, time.monotonic() + 120):
            raise SystemExit(f"{name}: server not ready")
        # What each page holds, so a fast answer is known not to be an empty one.
        week = get(base + "/calendar")[1].decode()
        res["week_page_kib"] = round(len(week) / 1024, 1)
        res["week_items"] = week.count('<li class="card">')
        m = re.search(r"(\d+) groups and events", week)
        res["week_total"] = int(m.group(1)) if m else None
        res["tonight_page_kib"] = round(len(get(base + "/calendar?when=tonight")[1]) / 1024, 1)
        feed = get(base + "/calendar.ics")[1].decode()
        res["feed_kib"] = round(len(feed) / 1024, 1)
        res["feed_events"] = feed.count("BEGIN:VEVENT")
        tomorrow = datetime.datetime.now(ZoneInfo("America/New_York")).date() + datetime.timedelta(days=1)
        filtered = "/calendar?when=week&region=Eastern&language=es&page=2"
        res["filtered_items"] = get(base + filtered)[1].decode().count('<li class="card">')
        api = json.loads(get(base + "/api/v1/calendar?per_page=50")[1])
        res["api_total"], res["api_items"] = api["total"], len(api["occurrences"])
        wrk(base + "/healthz", 2, a.connections)
        res["healthz"] = wrk(base + "/healthz", a.seconds, a.connections)
        shapes = [("calendar_week", "/calendar"), ("calendar_tonight", "/calendar?when=tonight"),
                  ("calendar_filtered", filtered), ("calendar_day_evening", f"/calendar?when={tomorrow}&time=evening"),
                  ("calendar_deep_page", "/calendar?page=300"), ("api_calendar", "/api/v1/calendar?per_page=50"),
                  ("center_week", "/calendar/generated-center-7"), ("network_feed", "/calendar.ics")]
        for shape, path in shapes:
            wrk(base + path, 2, a.connections)
            r = wrk(base + path, a.seconds, a.connections)
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 4)
            r["p99_over_healthz"] = round(r["p99_ms"] / res["healthz"]["p99_ms"], 1) if res["healthz"]["p99_ms"] else None
            res[shape] = r
        res["healthz_after"] = wrk(base + "/healthz", a.seconds, a.connections)
        res["rss_after_load_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        for shape, _ in shapes[:6]:
            res[f"{shape}_p99_under_10ms"] = res[shape]["p99_ms"] < TARGET_P99_MS
        return res
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--centers", type=int, default=500)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--postgres", help="also measure on a fresh database on this PostgreSQL server")
    ap.add_argument("--sqlite-file", help="the SQLite set's file: generated when missing, kept")
    a = ap.parse_args()
    report = {"binary": BIN, "centers": a.centers, "events": a.events, "connections": a.connections}
    with tempfile.TemporaryDirectory() as d:
        path = a.sqlite_file or f"{d}/bench.db"
        sqlite = f"sqlite://{path}"
        report["sqlite"] = {} if os.path.exists(path) else generate(sqlite, a, d)
        report["sqlite"].update(measure("sqlite", sqlite, a, d))
        print(json.dumps(report, indent=2), flush=True)
    if a.postgres:
        name = "pathways_communitybench_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        url = a.postgres.rsplit("/", 1)[0] + "/" + name
        try:
            with tempfile.TemporaryDirectory() as d:
                report["postgres"] = generate(url, a, d)
                report["postgres"].update(measure("postgres", url, a, d))
        finally:
            subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
