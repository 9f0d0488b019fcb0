#!/usr/bin/env python3
"""Runs the crawl benchmark rounds (called by bench/crawl/run.sh, which builds, generates the site
and starts the server): armswatch, Scrapy as written idiomatically (duplicate links left to its
dupefilter) and Scrapy with a spider-side seen set ("scrapy-seen"), against the same local server,
rotating which goes first each round; then prints pages/s and listings/s for each, the ratios, and
a check that every run extracted the expected listings (every URL, the same titles) plus a
field-by-field comparison of armswatch's and Scrapy's values.

Each armswatch run crawls into a fresh SQLite database (zstd pages, listings, verdicts), with
--max-pages 1000000 (the default page budget, 10,000 per run, would stop a crawl of a larger site
early; Scrapy has no budget); each Scrapy run into a fresh output directory. Wall time is the
whole process (start-up, crawl, and for armswatch the classification of new listings at the end).
CPU time is the crawler process's user+sys; "server CPU" is what the static server spent during
the run (both share the machine); "load before" is the 1-minute load average when a run started.

Usage: bench.py --armswatch BIN --python VENV_PYTHON --base-url URL --server-pid PID
                --profile demo/profile.toml --expected OUT/expected.jsonl --work DIR
                [--runs 3] [--concurrency 8] [--taskset CPUS]
Exits 1 when a run fails or the extracted listings differ.
"""

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["title", "price", "vendor", "category", "ships_from", "ships_to", "listing_id",
          "description"]


def collapse(s):
    return " ".join(s.split()) if isinstance(s, str) else s


def server_cpu(pid):
    with open(f"/proc/{pid}/stat") as fh:
        parts = fh.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def loadavg():
    with open("/proc/loadavg") as fh:
        return float(fh.read().split()[0])


def timed(cmd, server_pid, taskset=None):
    if taskset:
        cmd = ["taskset", "-c", taskset] + cmd
    load = loadavg()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    srv = server_cpu(server_pid)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        sys.exit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-3000:]}")
    return p, wall, cpu, server_cpu(server_pid) - srv, load


def run_armswatch(a, n):
    db = os.path.join(a.work, f"armswatch-{n}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    cmd = [a.armswatch, "-q", "--data-dir", os.path.join(a.work, "armswatch-home"), "crawl",
           "--profile", a.profile, "--base-url", a.base_url, "--db", db, "--tor", "direct",
           "--concurrency", str(a.concurrency), "--max-pages", "1000000", "--json"]
    p, wall, cpu, srv, load = timed(cmd, a.server_pid, a.taskset)
    summary = json.loads(p.stdout.strip().splitlines()[-1])
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT canonical_url, title, price_text, vendor, category, ships_from, ships_to, "
        "market_listing_id, description FROM listings").fetchall()
    pages = con.execute("SELECT count(*), sum(length(body_zstd)), sum(body_len) FROM pages").fetchone()
    verdicts = con.execute("SELECT count(*) FROM verdicts").fetchone()[0]
    con.close()
    listings = {urlsplit(r[0]).path: dict(zip(FIELDS, r[1:])) for r in rows}
    return {
        "tool": "armswatch", "wall": wall, "cpu": cpu, "server_cpu": srv, "load": load,
        "pages": summary["pages_fetched"], "failed": summary["pages_failed"],
        "errors": summary["errors"], "listings": listings, "stored_pages": pages[0],
        "stored_bytes": pages[1], "raw_bytes": pages[2], "verdicts": verdicts,
        "extra": f"listings_new {summary['listings_new']}, classified {summary['classified']}, "
                 f"flagged {summary['flagged']}, refused {summary['refused']}, "
                 f"budget_exhausted {summary['budget_exhausted']}",
    }


def run_scrapy(a, n, seen_set=False):
    tool = "scrapy-seen" if seen_set else "scrapy"
    out = os.path.join(a.work, f"{tool}-{n}")
    cmd = [a.python, os.path.join(HERE, "scrapy_spider.py"), "--base-url", a.base_url,
           "--profile", a.profile, "--out", out, "--concurrency", str(a.concurrency)]
    cmd += ["--seen-set"] if seen_set else []
    p, wall, cpu, srv, load = timed(cmd, a.server_pid, a.taskset)
    summary = json.loads(p.stdout.strip().splitlines()[-1])
    listings = {}
    with open(os.path.join(out, "items.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            it = json.loads(line)
            listings[urlsplit(it["url"]).path] = {f: it.get(f) for f in FIELDS}
    return {
        "tool": tool, "wall": wall, "cpu": cpu, "server_cpu": srv, "load": load,
        "pages": summary["pages"], "failed": summary["non_200"] + summary["errors"],
        "errors": [], "listings": listings, "stored_pages": summary["pages"],
        "stored_bytes": os.path.getsize(os.path.join(out, "pages.bin")),
        "raw_bytes": summary["bytes"], "verdicts": 0,
        "extra": f"items {summary['items']}, duplicate requests filtered "
                 f"{summary['dupes_filtered']}",
    }


def run_scrapy_seen(a, n):
    return run_scrapy(a, n, seen_set=True)


TOOLS = {"armswatch": run_armswatch, "scrapy": run_scrapy, "scrapy-seen": run_scrapy_seen}


def check(results, expected):
    """Compares every run's listings with the expected ones and armswatch's with Scrapy's."""
    ok = True
    want = set(expected)
    for r in results:
        got = set(r["listings"])
        missing, extra = want - got, got - want
        bad_titles = [u for u in want & got
                      if collapse(r["listings"][u]["title"]) != collapse(expected[u]["title"])]
        status = "ok" if not (missing or extra or bad_titles) else "MISMATCH"
        ok &= status == "ok"
        print(f"  {r['tool']:11} run {r['run']}: {len(got)} listings, {len(missing)} missing, "
              f"{len(extra)} unexpected, {len(bad_titles)} wrong titles, "
              f"{r['failed']} failed pages -> {status}")
        for u in sorted(missing)[:5]:
            print(f"      missing {u}")
        for u in bad_titles[:5]:
            print(f"      title {u}: {r['listings'][u]['title']!r} != {expected[u]['title']!r}")
        for e in r["errors"][:5]:
            print(f"      error: {e}")
    aw = next(r for r in results if r["tool"] == "armswatch")["listings"]
    sc = next(r for r in results if r["tool"] == "scrapy")["listings"]
    both = set(aw) & set(sc)
    print(f"  field by field, armswatch vs Scrapy on {len(both)} listings (whitespace collapsed):")
    for f in FIELDS:
        diff = [u for u in sorted(both) if collapse(aw[u][f]) != collapse(sc[u][f])]
        print(f"    {f:12} {len(both) - len(diff)} equal, {len(diff)} differ"
              + (f"  e.g. {diff[0]}: {aw[diff[0]][f]!r} vs {sc[diff[0]][f]!r}" if diff else ""))
        if f == "title":
            ok &= not diff
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for flag in ("--armswatch", "--python", "--base-url", "--profile", "--expected", "--work"):
        ap.add_argument(flag, required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--taskset", help="run the crawlers on these CPUs only (taskset -c LIST)")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    expected = {}
    with open(a.expected, encoding="utf-8") as fh:
        for line in fh:
            it = json.loads(line)
            expected[it["url"]] = it

    results = []
    for n in range(1, a.runs + 1):
        # Rotate the order each round so that no tool always runs first (or last).
        names = list(TOOLS)
        k = (n - 1) % len(names)
        for fn in [TOOLS[t] for t in names[k:] + names[:k]]:
            r = fn(a, n)
            r["run"] = n
            results.append(r)
            print(f"run {n} {r['tool']:11} {r['wall']:7.2f} s wall, {r['cpu']:6.2f} s CPU, "
                  f"server {r['server_cpu']:5.2f} s CPU, load before {r['load']:.2f}, {r['pages']} pages, "
                  f"{len(r['listings'])} listings, {r['failed']} failed; {r['extra']}", flush=True)

    print("\nlistings check (expected: %d listings from the generator)" % len(expected))
    ok = check(results, expected)

    print("\n| crawler | runs (wall s) | wall s (median) | pages/s | listings/s | CPU s (crawler) "
          "| CPU ms / page | CPU s (server) | pages kept (compressed MB / raw MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    med = {}
    for tool in TOOLS:
        rs = [r for r in results if r["tool"] == tool]
        wall = statistics.median(r["wall"] for r in rs)
        pages = statistics.median(r["pages"] for r in rs)
        listings = statistics.median(len(r["listings"]) for r in rs)
        walls = ", ".join(f"{r['wall']:.1f}" for r in rs)
        cpu = statistics.median(r["cpu"] for r in rs)
        med[tool] = (pages / wall, listings / wall, cpu)
        print(f"| {tool} | {len(rs)} ({walls}) | {wall:.2f} | {pages / wall:.1f} | "
              f"{listings / wall:.1f} | {cpu:.2f} | {1000 * cpu / pages:.2f} | "
              f"{statistics.median(r['server_cpu'] for r in rs):.2f} | "
              f"{rs[0]['stored_bytes'] / 1e6:.1f} / {rs[0]['raw_bytes'] / 1e6:.1f} |")
    for peer in ("scrapy", "scrapy-seen"):
        print(f"ratio armswatch / {peer}: pages/s {med['armswatch'][0] / med[peer][0]:.2f}x, "
              f"listings/s {med['armswatch'][1] / med[peer][1]:.2f}x, "
              f"CPU per page {med[peer][2] / med['armswatch'][2]:.2f}x less")
    print("check:", "PASS (same listings, same titles)" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
