#!/usr/bin/env python3
"""Checks the generated demo market against demo/profile.toml and demo/expected.json.

Walks every page of demo/site/ and checks: the banner is present, tags are balanced, there is no
script and no external resource, every same-host link resolves except the ones the crawler must not
follow. Then simulates a crawl with the profile's link rules from "/" (breadth first, deduplicated)
and checks that exactly the expected index, category and listing pages are reached, and that the
profile's selectors read the expected title, price, category, ships-from/to and id on every listing
page. Python 3.11+ (tomllib), standard library only. Exits 1 on the first failed check.

Usage: python3 demo/check_site.py
"""

import json
import os
import re
import sys
import tomllib
from collections import deque
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(HERE, "site")
BANNER = "armswatch demo market \u2014 fictional listings for testing"
VOID = {"meta", "input", "br", "img", "link", "hr"}


def resolve(path):
    """The demo server's rule: `/x/y` is x/y.html, else x/y/index.html; queries are ignored."""
    path = path.split("?")[0]
    if path == "/":
        return os.path.join(SITE, "index.html")
    base = os.path.join(SITE, *path.strip("/").split("/"))
    for candidate in (base + ".html", os.path.join(base, "index.html")):
        if os.path.isfile(candidate):
            return candidate
    return None


class Page(HTMLParser):
    """Links, errors, and text under each `.class` and `#id` of one page."""

    def __init__(self):
        super().__init__()
        self.links, self.stack, self.errors, self.text = [], [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("script", "link", "img", "iframe") or "src" in attrs:
            self.errors.append(f"<{tag}> not allowed")
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        for _, attrs in self.stack:
            for cls in attrs.get("class", "").split():
                self.text.setdefault("." + cls, []).append(data)
            if attrs.get("id"):
                self.text.setdefault("#" + attrs["id"], []).append(data)

    def field(self, key):
        return " ".join("".join(self.text.get(key, [])).split())


def fail(msg):
    print(f"FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    with open(os.path.join(HERE, "profile.toml"), "rb") as fh:
        profile = tomllib.load(fh)
    with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as fh:
        expected = json.load(fh)
    base = profile["market"]["base_url"]
    links = profile["links"]
    never = {"/logout", "/account", "/cart/view"}

    pages = {}
    for root, _, files in os.walk(SITE):
        for name in files:
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            page = Page()
            page.feed(text)
            page.close()
            if BANNER not in text:
                fail(f"{path}: no banner")
            if page.errors or page.stack:
                fail(f"{path}: {page.errors or 'unclosed tags'}")
            for href in page.links:
                if href.startswith("http://forum.example/"):
                    continue
                if not href.startswith("/"):
                    fail(f"{path}: link {href} is not a same-host absolute path")
                if resolve(href) is None and href not in never and not href.startswith("/cart/add/"):
                    fail(f"{path}: dead link {href}")
            pages[path] = page

    seen, queue, fetched = {"/"}, deque(["/"]), []
    while queue:
        path = queue.popleft()
        fetched.append(path)
        for href in pages[resolve(path)].links:
            url = href if href.startswith("http") else base + href
            if not url.startswith(base) or any(re.search(p, url) for p in links["ignore"]):
                continue
            if any(re.search(p, url) for p in links["listing"] + links["pagination"]):
                target = url[len(base):]
                if target in never or target.startswith("/cart/"):
                    fail(f"crawl would fetch {target}")
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    want = set(expected["pages"]["index"] + expected["pages"]["category"])
    want |= {v["url"] for v in expected["listings"].values()}
    if set(fetched) != want:
        fail(f"crawl reached {sorted(set(fetched) ^ want)} unexpectedly")

    id_regex = profile["listing"]["listing_id"]["regex"]
    for listing_id, want in expected["listings"].items():
        page = pages[resolve(want["url"])]
        got = {
            "title": page.field(".listing-title"),
            "price_text": page.field(".listing-price"),
            "category": page.field(".breadcrumb"),
            "ships_from": page.field(".ships-from"),
            "ships_to": page.field(".ships-to"),
        }
        for key, value in got.items():
            if value != want[key]:
                fail(f"listing {listing_id}: {key} is {value!r}, expected {want[key]!r}")
        m = re.search(id_regex, page.field(".listing-id"))
        if not m or m.group(1) != listing_id:
            fail(f"listing {listing_id}: listing id does not match")
        if len(page.text.get("#description", [])) < 3:
            fail(f"listing {listing_id}: description is too short")
    print(f"ok: {len(pages)} files, crawl fetches {len(fetched)} pages "
          f"({len(expected['listings'])} listings), all fields match")


if __name__ == "__main__":
    main()
