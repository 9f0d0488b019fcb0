#!/usr/bin/env python3
"""Crawl throughput under Tor-like latency (called by bench/crawl/latency.sh, which builds, writes
the site and starts the server with every answer delayed 1.5 s +- 0.5 s): armswatch and Scrapy, one
after the other (alternating which goes first), at each concurrency; prints pages/s for each, the
limit concurrency / mean latency, each crawler's share of that limit, and the armswatch / Scrapy
ratio, plus the listings check of bench.py (every generated listing found, same titles).

Usage: latency.py --armswatch BIN --python VENV_PYTHON --base-url URL --server-pid PID
                  --profile demo/profile.toml --expected OUT/expected.jsonl --work DIR
                  [--concurrency 4,16,64] [--latency 1.5]
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for flag in ("--armswatch", "--python", "--base-url", "--profile", "--expected", "--work"):
        ap.add_argument(flag, required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--concurrency", default="4,16,64")
    ap.add_argument("--latency", type=float, default=1.5, help="mean latency, seconds")
    a = ap.parse_args()
    a.taskset = None
    os.makedirs(a.work, exist_ok=True)
    expected = {}
    with open(a.expected, encoding="utf-8") as fh:
        for line in fh:
            it = json.loads(line)
            expected[it["url"]] = it

    rows, results = [], []
    for i, c in enumerate(int(x) for x in a.concurrency.split(",")):
        a.concurrency = c
        order = [bench.run_armswatch, bench.run_scrapy]
        if i % 2:
            order.reverse()
        got = {}
        for fn in order:
            r = fn(a, f"c{c}")
            r["run"] = f"c{c}"
            results.append(r)
            got[r["tool"]] = r
            print(f"concurrency {c:3} {r['tool']:9} {r['wall']:8.1f} s wall, {r['cpu']:6.2f} s CPU, "
                  f"{r['pages']} pages, {len(r['listings'])} listings, {r['failed']} failed, "
                  f"load before {r['load']:.2f}", flush=True)
        rows.append((c, got["armswatch"], got["scrapy"]))

    print("\nlistings check (expected: %d listings from the generator)" % len(expected))
    ok = bench.check(results, expected)

    print(f"\n| concurrency | limit c / {a.latency} s (pages/s) | armswatch pages/s | "
          "of the limit | Scrapy pages/s | of the limit | armswatch / Scrapy |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for c, aw, sc in rows:
        limit = c / a.latency
        pa, ps = aw["pages"] / aw["wall"], sc["pages"] / sc["wall"]
        print(f"| {c} | {limit:.1f} | {pa:.2f} | {pa / limit:.0%} | {ps:.2f} | {ps / limit:.0%} "
              f"| {pa / ps:.2f}x |")
    print("check:", "PASS (same listings, same titles)" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
