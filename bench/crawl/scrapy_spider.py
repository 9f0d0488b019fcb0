#!/usr/bin/env python3
"""The Scrapy side of the crawl benchmark: the same job as `armswatch crawl` with a market profile.

It reads the same profile TOML (demo/profile.toml) and uses its rules as they are: from the start
URL, follow every link whose absolute URL matches a `[links] listing` regex (listing pages) or a
`[links] pagination` regex (index pages), skipping `[links] ignore` regexes and other hosts; on
listing pages, read the `[listing]` fields with the same CSS selectors (first match; inline text
with whitespace collapsed, the `regex` form keeping group 1). Items go to a JSON lines file.

To be fair to armswatch, which keeps every fetched page as evidence, every response body is also
hashed (SHA-256) and kept, zlib-compressed (level 3), in a pages file with a JSON lines index
(url, status, length, sha256). Python's standard library has no zstd, hence zlib.

Settings: CONCURRENT_REQUESTS (and per domain) = --concurrency, no download delay, no
autothrottle, robots.txt ignored, no cookies, no telnet console, log level WARNING.

With --seen-set the spider remembers the URLs it has yielded and yields each only once, instead
of leaving duplicates to Scrapy's dupefilter (the idiomatic way, and what CrawlSpider does): a
common tuning, reported as a separate row.

Usage: scrapy_spider.py --base-url URL --profile demo/profile.toml --out DIR [--concurrency 8]
                        [--seen-set]
Writes DIR/items.jsonl, DIR/pages.bin, DIR/pages.jsonl and prints one JSON summary line.
"""

import argparse
import hashlib
import json
import os
import re
import time
import tomllib
import zlib
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess


def compile_profile(path):
    with open(path, "rb") as fh:
        p = tomllib.load(fh)
    links = p.get("links", {})
    fields = {}
    for name, spec in p.get("listing", {}).items():
        if isinstance(spec, str):
            fields[name] = (spec, None)
        else:
            regex = re.compile(spec["regex"]) if "regex" in spec else None
            fields[name] = (spec["selector"], regex)
    return {
        "start": p.get("market", {}).get("start", ["/"]),
        "listing": [re.compile(r) for r in links.get("listing", [])],
        "pagination": [re.compile(r) for r in links.get("pagination", [])],
        "ignore": [re.compile(r) for r in links.get("ignore", [])],
        "fields": fields,
    }


def text_of(sel):
    """Inline text of the first matching element: all its text nodes, whitespace collapsed."""
    return " ".join(" ".join(sel.css("::text").getall()).split())


class MarketSpider(scrapy.Spider):
    name = "market"

    def __init__(self, base_url, profile, out_dir, seen_set=False, **kw):
        super().__init__(**kw)
        # With seen_set, the spider yields each URL once instead of leaving duplicates to
        # Scrapy's dupefilter (a common tuning; each listing page links ~17 already-seen URLs).
        self.seen = set() if seen_set else None
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc
        self.rules = compile_profile(profile)
        self.start_urls = [self.base_url + s for s in self.rules["start"]]
        self.pages_bin = open(os.path.join(out_dir, "pages.bin"), "wb")
        self.pages_idx = open(os.path.join(out_dir, "pages.jsonl"), "w", encoding="utf-8")
        self.stats = {"pages": 0, "listing_pages": 0, "index_pages": 0, "bytes": 0}

    def closed(self, reason):
        self.pages_bin.close()
        self.pages_idx.close()

    def keep_page(self, response):
        body = response.body
        blob = zlib.compress(body, 3)
        self.pages_bin.write(len(blob).to_bytes(4, "little"))
        self.pages_bin.write(blob)
        self.pages_idx.write(json.dumps({
            "url": response.url, "status": response.status, "len": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
        }) + "\n")
        self.stats["pages"] += 1
        self.stats["bytes"] += len(body)

    def follow_links(self, response):
        r = self.rules
        for href in response.css("a[href]::attr(href)").getall():
            url = response.urljoin(href.strip())
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.netloc != self.host:
                continue
            url = parts._replace(fragment="").geturl()
            if any(x.search(url) for x in r["ignore"]):
                continue
            if self.seen is not None:
                if url in self.seen:
                    continue
                self.seen.add(url)
            if any(x.search(url) for x in r["listing"]):
                yield scrapy.Request(url, callback=self.parse_listing)
            elif any(x.search(url) for x in r["pagination"]):
                yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        """Start and index pages: keep the page, follow listing and pagination links."""
        self.keep_page(response)
        self.stats["index_pages"] += 1
        yield from self.follow_links(response)

    def parse_listing(self, response):
        """Listing pages: keep the page, extract the profile's fields, follow links."""
        self.keep_page(response)
        self.stats["listing_pages"] += 1
        item = {"url": response.url}
        for name, (css, regex) in self.rules["fields"].items():
            for el in response.css(css):
                value = text_of(el)
                if regex is not None:
                    m = regex.search(value)
                    if not m:
                        continue
                    value = (m.group(1) if m.groups() else m.group(0)).strip()
                if value:
                    item[name] = value
                    break
        if item.get("title"):
            yield item
        yield from self.follow_links(response)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seen-set", action="store_true",
                    help="drop already-yielded URLs in the spider, before Scrapy's dupefilter")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    items = os.path.join(a.out, "items.jsonl")
    settings = {
        "CONCURRENT_REQUESTS": a.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": a.concurrency,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "FEEDS": {items: {"format": "jsonlines", "encoding": "utf8", "overwrite": True}},
    }
    started = time.perf_counter()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(MarketSpider)
    process.crawl(crawler, base_url=a.base_url, profile=a.profile, out_dir=a.out, seen_set=a.seen_set)
    process.start()
    spider = crawler.spider
    st = crawler.stats.get_stats()
    print(json.dumps({
        "seconds": round(time.perf_counter() - started, 3),
        "pages": spider.stats["pages"],
        "listing_pages": spider.stats["listing_pages"],
        "index_pages": spider.stats["index_pages"],
        "bytes": spider.stats["bytes"],
        "items": st.get("item_scraped_count", 0),
        "errors": st.get("log_count/ERROR", 0),
        "non_200": sum(v for k, v in st.items()
                       if k.startswith("downloader/response_status_count/") and not k.endswith("/200")),
        "dupes_filtered": st.get("dupefilter/filtered", 0),
    }))


if __name__ == "__main__":
    main()
