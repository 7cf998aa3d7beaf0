#!/usr/bin/env python3
"""Directory benchmark (issue 3): the finder's search at national scale, beside /healthz on the same server and
beside the same searches done directly in PostgreSQL with tsvector and a distance filter (the baseline a typical
app has), plus the import time and the memory the in-memory index takes.

Usage: bench/directory.py --postgres URL [--services 100000] [--meetings 60000] [--seconds 20] [--sqlite]
                          [--keep] [--reuse DBNAME] [--sqlite-file PATH] [--no-baseline]
Needs: cargo build --release; bench/setup.sh (wrk); pgbench (Debian: postgresql-client).

The server runs on the PostgreSQL database the set is generated into, so the baseline reads the very same rows;
with --sqlite the import is also timed on SQLite and the searches measured there too. --keep leaves the generated
PostgreSQL database (its name is printed) and --reuse NAME measures on it again without generating (so two builds
can be compared on the same rows: PATHWAYS_BIN=path/to/pathways); --sqlite-file likewise keeps a SQLite set.

Besides the fixed shapes, the query mix draws words from the directory's own vocabulary (the words of every
listing's name, organization and description), each word with the probability of its document frequency, so most
queries are broad: `vocab_1` is 1,000 one-word queries, `vocab_2` 1,000 two-word ones, cycled through by wrk.
"""
import argparse, collections, json, os, random, re, signal, sqlite3, subprocess, sys, tempfile, time, urllib.parse, urllib.request, uuid

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


VOCAB_SQL = {
    "postgres": "SELECT s.name || ' ' || o.name || ' ' || coalesce(s.doc::jsonb->>'description', '') "
                "FROM dir_service s JOIN dir_organization o ON o.id = s.organization_id WHERE s.retired_at IS NULL",
    "sqlite": "SELECT s.name || ' ' || o.name || ' ' || coalesce(json_extract(s.doc, '$.description'), '') "
              "FROM dir_service s JOIN dir_organization o ON o.id = s.organization_id WHERE s.retired_at IS NULL",
}


def vocabulary(url):
    """Document frequency of every folded word (as the finder folds: lower case, split on non-alphanumerics)."""
    if url.startswith("sqlite://"):
        with sqlite3.connect(url[len("sqlite://"):]) as c:
            rows = (r[0] for r in c.execute(VOCAB_SQL["sqlite"]))
            return count_words(rows)
    out = subprocess.run(["psql", url, "-At", "-c", VOCAB_SQL["postgres"]], capture_output=True, text=True,
                         check=True).stdout
    return count_words(out.splitlines())


def count_words(rows):
    df = collections.Counter()
    for text in rows:
        df.update(set(w for w in re.split(r"[^0-9a-z]+", (text or "").lower()) if w))
    return df


def query_mix(df, seed=16):
    """1,000 one-word and 1,000 two-word query strings, words drawn by document frequency."""
    rng = random.Random(seed)
    words, weights = zip(*sorted(df.items()))
    draw = lambda n: rng.choices(words, weights=weights, k=n)
    one = [f"q={w}" for w in draw(1000)]
    two = [f"q={urllib.parse.quote_plus(a + ' ' + b)}" for a, b in zip(draw(1000), draw(1000))]
    return one, two


def wrk_paths(base, paths, seconds):
    """wrk over many paths, each connection cycling through them."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write("local paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
                "local i = 0\n"
                "request = function()\n  i = (i % #paths) + 1\n  return wrk.format(nil, paths[i])\nend\n")
        script = f.name
    try:
        out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-s", script, base],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)
    def lat(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", out, re.M)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50_ms": lat(50), "p99_ms": lat(99), "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def mix_totals(base, paths, listings):
    """How broad a sample of the mix is: the median total, and the share matching over half of all listings."""
    totals = sorted(json.loads(get(f"{base}/api/v1/search?{p}")[1])["total"] for p in paths[:100])
    return {"median_total": totals[len(totals) // 2],
            "share_over_half": round(sum(t > listings / 2 for t in totals) / len(totals), 2)}


def measure(name, url, a, workdir, baseline):
    """Serves the generated set and runs every search shape (and its baseline, when given a PostgreSQL URL)."""
    env = dict(os.environ, PATHWAYS_DATABASE_URL=url, RUST_LOG="warn,pathways_web::finder=info")
    res = {}
    one, two = query_mix(vocabulary(url))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(workdir, f"serve-{name}.log"), "w+")
    t0 = time.monotonic()
    proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{port}"], cwd=workdir, env=env,
                            stdout=subprocess.DEVNULL, stderr=log)
    try:
        if not wait_ready(base, time.monotonic() + 120):
            raise SystemExit(f"{name}: server not ready")
        res["start_to_ready_s"] = round(time.monotonic() - t0, 2)
        res["rss_at_ready_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        t1 = time.monotonic()
        with urllib.request.urlopen(base + "/api/v1/search?q=recovery", timeout=300) as r:
            first = json.loads(r.read())
        res["first_search_after_ready_ms"] = round((time.monotonic() - t1) * 1000, 1)
        res["rss_after_first_search_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        res["recovery_total"] = first["total"]
        listings = json.loads(get(base + "/api/v1/search")[1])["total"]
        res["listings"] = listings
        wrk(base + "/healthz", 2, 16)
        res["healthz"] = wrk(base + "/healthz", a.seconds, 16)
        for cls, paths in [("vocab_1", one), ("vocab_2", two)]:
            api = [f"/api/v1/search?{p}" for p in paths]
            wrk_paths(base, api, 2)
            r = wrk_paths(base, api, a.seconds)
            r.update(mix_totals(base, paths, listings))
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 3)
            res[cls] = r
        fixed = [("recovery", "/api/v1/search?q=recovery", None), ("meeting", "/api/v1/search?q=meeting", None),
                 ("find_page_recovery", "/find?q=recovery", None)]
        fixed += [(shape, f"/api/v1/search?{qs}", sql) for shape, qs, sql in shapes()]
        for shape, path, sql in fixed:
            wrk(base + path, 2, 16)  # warm-up: one-time lookups (ZIP codes, zones) load here
            r = wrk(base + path, a.seconds, 16)
            if path.startswith("/api/"):
                body = json.loads(get(base + path)[1])
                r["total"] = body["total"]
                r["total_at_least"] = body.get("total_at_least", False)
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 3)
            if baseline and sql:
                b = pgbench(baseline, sql, a.seconds, 16)
                r["baseline_pg"] = b
                r["over_baseline"] = round(r["rps"] / b["tps"], 1) if b["tps"] else None
            res[shape] = r
        res["healthz_after"] = wrk(base + "/healthz", a.seconds, 16)
        res["rss_after_load_mib"] = round(rss_kib(proc.pid) / 1024, 1)
        log.seek(0)
        built = re.search(r'heap_mib"?[=:](\d+).*?duration_ms"?[=:](\d+)', log.read())
        if built:
            res["index_heap_mib"], res["index_build_ms"] = int(built.group(1)), int(built.group(2))
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
    ap.add_argument("--sqlite-file", help="the SQLite set's file: generated when missing, kept")
    ap.add_argument("--only-sqlite", action="store_true", help="skip PostgreSQL")
    ap.add_argument("--keep", action="store_true", help="keep the generated PostgreSQL database")
    ap.add_argument("--reuse", help="an already generated PostgreSQL database (by name) to measure again")
    ap.add_argument("--no-baseline", action="store_true", help="skip the pgbench baseline")
    a = ap.parse_args()
    if not a.postgres and not a.only_sqlite:
        raise SystemExit("give --postgres URL (the baseline is PostgreSQL)")
    report = {"binary": BIN}
    if not a.only_sqlite:
        name = a.reuse or "pathways_dirbench_" + uuid.uuid4().hex[:8]
        if not a.reuse:
            subprocess.run(["psql", a.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        url = a.postgres.rsplit("/", 1)[0] + "/" + name
        try:
            with tempfile.TemporaryDirectory() as d:
                res = {"database": name}
                if not a.reuse:
                    res.update(generate(url, a, d))
                    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", BASELINE_SETUP], check=True,
                                   capture_output=True)
                res.update(measure("postgres", url, a, d, None if a.no_baseline else url))
                report["postgres"] = res
                print(json.dumps(report, indent=2), flush=True)
        finally:
            if not (a.keep or a.reuse):
                subprocess.run(["psql", a.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    if a.sqlite or a.sqlite_file or a.only_sqlite:
        with tempfile.TemporaryDirectory() as d:
            path = a.sqlite_file or f"{d}/bench.db"
            sqlite = f"sqlite://{path}"
            report["sqlite"] = {} if os.path.exists(path) else generate(sqlite, a, d)
            report["sqlite"].update(measure("sqlite", sqlite, a, d, None))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
