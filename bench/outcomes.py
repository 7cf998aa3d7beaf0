#!/usr/bin/env python3
"""Outcomes benchmark (issue 17): a state's report pages and an organization's reports over a state's set, under
wrk at 8 connections, beside /healthz on the same server in the same run.

The set (`pathways demo generate --outcomes-orgs 100`, into a fresh SQLite file and a fresh PostgreSQL database):
100 organizations in the demo state agency's network, 200,000 persons, 300,000 episodes over eight quarters,
1,000,000 outcome interviews, 50,000 perception-of-care responses. Then, per backend:

- the outreach rules' full pass once (`pathways outreach evaluate --full`), then the servers run without their
  background pass;
- cold: for each report, a server started for it alone, measured from its first request (2 s of wrk), so no
  cache of ours is warm;
- warm: /healthz, then each report for --seconds.

The state reads the network's reports (`state@demo.pathways.test`); an organization's reports are read by the
analyst of the first generated organization (about 2,000 persons, 3,000 episodes, 10,000 interviews).
Targets (issue 17): the state's reports p99 < 200 ms cold and < 50 ms warm; an organization's < 50 ms.

Usage: bench/outcomes.py [--postgres postgres://postgres@127.0.0.1:5432/test] [--seconds 10] [--orgs 100]
                         [--persons N] [--episodes N] [--interviews N] [--surveys N] [--no-sqlite]
Needs: cargo build --release (or PATHWAYS_BIN); bench/setup.sh (wrk).
"""
import argparse, json, os, signal, subprocess, sys, tempfile, time, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from access_line import token  # noqa: E402
from foundation import BIN, PASSWORD, free_port, wait_ready, wrk  # noqa: E402

CONNECTIONS = 8
COLD_SECONDS = 2
STATE = (
    ("network_people_served", "/api/v1/reports/network/people-served"),
    ("network_access_retention", "/api/v1/reports/network/access-retention"),
    ("network_follow_up", "/api/v1/reports/network/follow-up"),
    ("network_outcome_change", "/api/v1/reports/network/outcome-change"),
)
ORG = (
    ("people_served", "/api/v1/reports/people-served"),
    ("follow_up", "/api/v1/reports/follow-up"),
    ("outcome_change", "/api/v1/reports/outcome-change"),
    ("perception", "/api/v1/reports/perception"),
    ("access_retention", "/api/v1/reports/access-retention"),
)


def env_for(url):
    # The outreach rules' background pass is off in the measured servers (it is run once after generating, below),
    # so the figures are the reports', not an hourly pass over 200,000 persons started with the server.
    return dict(os.environ, PATHWAYS_DATABASE_URL=url, PATHWAYS_DEMO_PASSWORD=PASSWORD, RUST_LOG="warn",
                PATHWAYS_OUTREACH_EVERY_SECONDS="0")


def generate(url, a, workdir):
    cmd = [BIN, "demo", "generate", "--outcomes-orgs", str(a.orgs)]
    for flag in ("persons", "episodes", "interviews", "surveys"):
        v = getattr(a, flag)
        if v is not None:
            cmd += [f"--outcomes-{flag}", str(v)]
    t0 = time.monotonic()
    out = subprocess.run(cmd, cwd=workdir, env=env_for(url), capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"generate failed:\n{out.stderr[-4000:]}")
    seconds = round(time.monotonic() - t0, 1)
    analyst = out.stdout.strip().split()[-1]
    summary = [l for l in out.stderr.splitlines() if l.startswith("Generated")]
    # The outreach items a running server would have opened (the access and retention report counts "not engaged"
    # items): one full pass, as the hourly job does.
    t0 = time.monotonic()
    subprocess.run([BIN, "outreach", "evaluate", "--full"], cwd=workdir, env=env_for(url), check=True,
                   capture_output=True)
    return seconds, round(time.monotonic() - t0, 1), analyst, summary[-1] if summary else ""


class Server:
    def __init__(self, url, workdir):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([BIN, "serve", "--bind", f"127.0.0.1:{self.port}"], cwd=workdir,
                                     env=env_for(url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_ready(self.base, time.monotonic() + 120):
            self.stop()
            raise SystemExit("server not ready")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)


def run(name, url, a, workdir):
    res = {"connections": CONNECTIONS}
    res["generate_seconds"], res["outreach_full_pass_seconds"], analyst, res["generated"] = generate(url, a, workdir)
    tokens = {"state": token(url, workdir, "state@demo.pathways.test"), "org": token(url, workdir, analyst)}
    paths = [(label, "state", p) for label, p in STATE] + [(label, "org", p) for label, p in ORG]
    # Cold: a fresh server per report, measured from its first request.
    for label, who, path in paths:
        s = Server(url, workdir)
        try:
            res[label + "_cold"] = wrk(s.base + path, COLD_SECONDS, CONNECTIONS, token=tokens[who])
        finally:
            s.stop()
    # Warm.
    s = Server(url, workdir)
    try:
        wrk(s.base + "/healthz", 2, CONNECTIONS)
        res["healthz"] = wrk(s.base + "/healthz", a.seconds, CONNECTIONS)
        for label, who, path in paths:
            wrk(s.base + path, 2, CONNECTIONS, token=tokens[who])
            r = wrk(s.base + path, a.seconds, CONNECTIONS, token=tokens[who])
            r["over_healthz"] = round(r["rps"] / res["healthz"]["rps"], 4)
            res[label] = r
    finally:
        s.stop()
    for label, _, _ in paths:
        for suffix in ("", "_cold"):
            if res[label + suffix]["non_2xx"]:
                raise SystemExit(f"{name}: {label}{suffix} answered non-2xx: {res[label + suffix]}")
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", default=os.environ.get("PATHWAYS_TEST_POSTGRES_URL"))
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--orgs", type=int, default=100)
    ap.add_argument("--persons", type=int)
    ap.add_argument("--episodes", type=int)
    ap.add_argument("--interviews", type=int)
    ap.add_argument("--surveys", type=int)
    ap.add_argument("--no-sqlite", action="store_true")
    a = ap.parse_args()
    report = {"bin": BIN}
    if not a.no_sqlite:
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
