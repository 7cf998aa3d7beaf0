#!/usr/bin/env python3
"""Directory benchmark (issue 3): the finder's search at national scale, beside /healthz on the same server and
beside the same searches done directly in PostgreSQL with tsvector and a distance filter (the baseline a typical
app has), plus the import time and the memory the in-memory index takes.

Usage: bench/directory.py --postgres URL [--services 100000] [--meetings 60000] [--seconds 20] [--sqlite]
Needs: cargo build --release; bench/setup.sh (wrk); pgbench (Debian: postgresql-client).

The server runs on the PostgreSQL database the set is generated into, so the baseline reads the very same rows;
with --sqlite the import is also timed on SQLite and the searches measured there too.
"""
import argparse, json, os, re, signal, subprocess, sys, tempfile, time, urllib.request, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from foundation import BIN, free_port, get, wait_ready, wrk, rss_kib  # noqa: E402

# (name, our query string, baseline SQL). Places: West Hartford CT, Chicago IL, New York NY, San Francisco CA.
NEAR = {"06107": (41.7546, -72.7560), "60601": (41.8858, -87.6181), "10001": (40.7506, -73.9972), "94110": (37.7486, -122.4156)}


def dist_sql(lat, lon):
    return (f"3958.8 * 2 * asin(sqrt(power(sin(radians(latitude - {lat}) / 2), 2) + cos(radians({lat})) * "
            f"cos(radians(latitude)) * power(sin(radians(longitude - ({lon})) / 2), 2)))")


def box_sql(lat, lon, miles):
    dlat = miles / 69.0
    dlon = miles / (69.0 * max(0.1, abs(__import__('math').cos(__import__('math').radians(lat)))))
    return f"latitude BETWEEN {lat - dlat} AND {lat + dlat} AND longitude BETWEEN {lon - dlon} AND {lon + dlon}"


def shapes():
    w = NEAR["06107"]; c = NEAR["60601"]; n = NEAR["10001"]; s = NEAR["94110"]
    return [
        ("words", "q=smart+recovery",
         "SELECT id, name, count(*) OVER () FROM bench_listing WHERE tsv @@ plainto_tsquery('simple', 'smart recovery') "
         "ORDER BY ts_rank(tsv, plainto_tsquery('simple', 'smart recovery')) DESC, name LIMIT 20;"),
        ("near_zip", "near=06107",
         f"SELECT id, name, {dist_sql(*w)} AS d, count(*) OVER () FROM bench_listing WHERE {box_sql(*w, 10)} "
         f"AND {dist_sql(*w)} <= 10 ORDER BY d LIMIT 20;"),
        ("words_near_filters", "q=outpatient&near=60601&cost=medicaid&language=es",
         f"SELECT id, name, {dist_sql(*c)} AS d, count(*) OVER () FROM bench_listing "
         f"WHERE tsv @@ plainto_tsquery('simple', 'outpatient') AND {box_sql(*c, 10)} AND {dist_sql(*c)} <= 10 "
         "AND codes @> ARRAY['cost:medicaid'] AND langs @> ARRAY['es'] ORDER BY d LIMIT 20;"),
        ("meetings_next_2h", "near=10001&starts_within_min=120",
         f"SELECT l.id, l.name, {dist_sql(*n)} AS d, count(*) OVER () FROM bench_listing l JOIN bench_slot s ON s.id = l.id "
         f"WHERE l.is_meeting AND {box_sql(*n, 10)} AND {dist_sql(*n)} <= 10 "
         "AND s.dow = extract(dow FROM now() AT TIME ZONE 'America/New_York')::int "
         "AND s.start_min BETWEEN extract(hour FROM now() AT TIME ZONE 'America/New_York')::int * 60 "
         "+ extract(minute FROM now() AT TIME ZONE 'America/New_York')::int "
         "AND extract(hour FROM now() AT TIME ZONE 'America/New_York')::int * 60 "
         "+ extract(minute FROM now() AT TIME ZONE 'America/New_York')::int + 120 ORDER BY d LIMIT 20;"),
        ("category_near", "category=detox&near=94110",
         f"SELECT id, name, {dist_sql(*s)} AS d, count(*) OVER () FROM bench_listing WHERE codes @> ARRAY['detox'] "
         f"AND {box_sql(*s, 10)} AND {dist_sql(*s)} <= 10 ORDER BY d LIMIT 20;"),
    ]


BASELINE_SETUP = """
DROP TABLE IF EXISTS bench_slot; DROP TABLE IF EXISTS bench_listing;
CREATE TABLE bench_listing AS
SELECT s.id, s.name, s.is_meeting, l.latitude, l.longitude,
       to_tsvector('simple', s.name || ' ' || coalesce(s.doc::jsonb->>'description', '') || ' ' ||
                   coalesce(l.doc::jsonb->'addresses'->0->>'city', '') || ' ' ||
                   coalesce((SELECT string_agg(a->'taxonomy_term'->>'code', ' ') FROM jsonb_array_elements(s.doc::jsonb->'attributes') a), '')) AS tsv,
       coalesce((SELECT array_agg(coalesce(a->'taxonomy_term'->>'code', a->>'value')) FROM jsonb_array_elements(s.doc::jsonb->'attributes') a), '{}') AS codes,
       coalesce((SELECT array_agg(x->>'code') FROM jsonb_array_elements(s.doc::jsonb->'languages') x), '{}') AS langs,
       s.doc::jsonb->'schedules' AS schedules
FROM dir_service s
LEFT JOIN dir_service_at_location sal ON sal.service_id = s.id
LEFT JOIN dir_location l ON l.id = sal.location_id
WHERE s.retired_at IS NULL;
CREATE INDEX ON bench_listing USING gin (tsv);
CREATE INDEX ON bench_listing USING gin (codes);
CREATE INDEX ON bench_listing USING gin (langs);
CREATE INDEX ON bench_listing (latitude, longitude);
CREATE TABLE bench_slot AS
SELECT l.id,
       (array_position(ARRAY['SU','MO','TU','WE','TH','FR','SA'], sch->>'byday') - 1) AS dow,
       split_part(sch->>'opens_at', ':', 1)::int * 60 + split_part(sch->>'opens_at', ':', 2)::int AS start_min
FROM bench_listing l, jsonb_array_elements(coalesce(l.schedules, '[]'::jsonb)) sch
WHERE sch->>'opens_at' IS NOT NULL;
CREATE INDEX ON bench_slot (dow, start_min);
CREATE INDEX ON bench_slot (id);
ANALYZE bench_listing; ANALYZE bench_slot;
"""


def pgbench(url, sql, seconds, clients):
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "q.sql")
        with open(script, "w") as f:
            f.write(sql.replace("\n", " ") + "\n")
        out = subprocess.run(["pgbench", "-n", "-c", str(clients), "-j", "2", "-T", str(seconds), "-l",
                              "--log-prefix", os.path.join(d, "log"), "-f", script, url],
                             capture_output=True, text=True, check=True).stdout
        tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
        lat = []
        for name in os.listdir(d):
            if name.startswith("log"):
                with open(os.path.join(d, name)) as f:
                    lat += [int(line.split()[2]) / 1000.0 for line in f if line.strip()]
        lat.sort()
        pick = lambda q: round(lat[min(len(lat) - 1, int(q * len(lat)))], 2) if lat else None
        return {"tps": round(tps, 1), "p50_ms": pick(0.50), "p99_ms": pick(0.99)}


def generate(url, a, workdir):
    """Generates and imports the national set; the import's own timings as the binary reports them."""
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    t0 = time.monotonic()
    gen = subprocess.run([BIN, "demo", "generate", "--services", str(a.services), "--meetings", str(a.meetings)],
                         cwd=workdir, env=env, capture_output=True, text=True, check=True)
    res = {"generate_and_import_s": round(time.monotonic() - t0, 1)}
    m = re.search(r"Imported (\d+) services in ([\d.]+) s and (\d+) meetings in ([\d.]+) s", gen.stderr)
    if m:
        res.update(services=int(m.group(1)), services_import_s=float(m.group(2)),
                   meetings=int(m.group(3)), meetings_import_s=float(m.group(4)))
    return res


def measure(name, url, a, workdir, baseline):
    """Serves the generated set and runs every search shape (and its baseline, when given a PostgreSQL URL)."""
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn")
    res = {}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ready(base, time.monotonic() + 60):
            raise SystemExit(f"{name}: server not ready")
        res["rss_before_index_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        t1 = time.monotonic()
        with urllib.request.urlopen(base + "/api/v1/search?q=smart", timeout=300) as r:
            first = json.loads(r.read())
        res["first_search_builds_index_s"] = round(time.monotonic() - t1, 2)
        res["rss_after_index_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        res["index_mib"] = round(res["rss_after_index_mib"] - res["rss_before_index_mib"], 1)
        res["smart_total"] = first["total"]
        wrk(base + "/healthz", 2, 16)
        res["healthz"] = wrk(base + "/healthz", a.seconds, 16)
        for shape, qs, sql in shapes():
            wrk(f"{base}/api/v1/search?{qs}", 2, 16)  # warm-up: one-time lookups (ZIP codes, zones) load here
            r = wrk(f"{base}/api/v1/search?{qs}", a.seconds, 16)
            r["total"] = json.loads(get(f"{base}/api/v1/search?{qs}")[1])["total"]
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 3)
            if baseline:
                b = pgbench(baseline, sql, a.seconds, 16)
                r["baseline_pg"] = b
                r["over_baseline"] = round(r["rps"] / b["tps"], 1) if b["tps"] else None
            res[shape] = r
        res["rss_after_load_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        return res
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--services", type=int, default=100_000)
    ap.add_argument("--meetings", type=int, default=60_000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--sqlite", action="store_true", help="also run on SQLite")
    a = ap.parse_args()
    if not a.postgres:
        raise SystemExit("give --postgres URL (the baseline is PostgreSQL)")
    report = {}
    name = "pathways_dirbench_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
    url = a.postgres.rsplit("/", 1)[0] + "/" + name
    try:
        with tempfile.TemporaryDirectory() as d:
            report["postgres"] = measure_with_baseline(url, a, d)
            print(json.dumps(report, indent=2), flush=True)
        if a.sqlite:
            with tempfile.TemporaryDirectory() as d:
                sqlite = f"sqlite://{d}/bench.db"
                report["sqlite"] = generate(sqlite, a, d)
                report["sqlite"].update(measure("sqlite", sqlite, a, d, None))
    finally:
        subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    print(json.dumps(report, indent=2))


def measure_with_baseline(url, a, d):
    res = generate(url, a, d)
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", BASELINE_SETUP], check=True, capture_output=True)
    res.update(measure("postgres", url, a, d, url))
    return res


if __name__ == "__main__":
    main()
