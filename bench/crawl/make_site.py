#!/usr/bin/env python3
"""Writes a large synthetic market for the crawl benchmark: the demo market's markup at scale.

The pages use the demo market's template and classes (it imports demo/generate.py for them and for
its hand-written listing texts), so demo/profile.toml extracts them unchanged. By default:
2,000 listing pages (/listing/<id>, ids 10001...) built from the 76 demo listings with varied titles,
prices, descriptions and feedback; 100 "Latest listings" index pages of 20 cards each (/ and
/listings/page/2 ... /listings/page/100) with windowed pagination (Prev, 1, n-3 ... n+3, last,
Next); and one page per demo category (/category/weapons, /drugs, /digital) with its 20 newest
listings. Every page carries realistic noise so pages weigh 10-20 KB: a category sidebar, market
news, a "recently viewed" box, long feedback tables, a footer with rules, mirrors and a PGP key
block. Listing pages also link to other listings ("More from this vendor", "Recently viewed").

Output (deterministic: the same arguments write the same bytes):
  OUT/site/...          the pages, laid out for armswatch_crawler::serve::StaticSite
                        (/ -> site/index.html, /x/y -> site/x/y.html)
  OUT/expected.jsonl    one line per listing: url path, id, title, price, vendor, category,
                        ships_from, ships_to

Usage: python3 bench/crawl/make_site.py OUT [--listings 2000] [--per-page 20]
Standard library only.
"""

import argparse
import hashlib
import importlib.util
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "..", "demo", "generate.py")
FIRST_ID = 10001


def load_demo():
    spec = importlib.util.spec_from_file_location("demo_generate", DEMO)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


D = load_demo()
esc = D.esc

PREFIXES = ["", "", "", "NEW ", "RESTOCK: ", "\U0001F525 ", "SALE \u2014 ", "[EU] ", "[US] ",
            "Top quality: ", "HOT: "]
SUFFIXES = ["", " \u2014 fast shipping", " (stealth)", " \u2014 escrow", " \u2605 best price",
            " \u2014 bulk deal", " (limited)", " \u2014 vendor pick", " \u2014 batch {k}",
            " v{k}", " #{k}"]
EXTRA_PARAGRAPHS = [
    "Read my terms before ordering. Orders without a PGP-encrypted address are cancelled.",
    "All orders ship within 48 hours of payment confirmation. Weekends excluded.",
    "Reship policy: one free reship if the parcel is lost, after 21 days, with proof.",
    "I do not answer messages about prices. The price is in the listing, no haggling.",
    "Customs seizures are on the buyer. Choose your shipping country carefully.",
    "Bulk buyers: message me for a custom listing, minimum order 5 units.",
    "Packing is done with gloves in a clean room. Vacuum sealed, decoy item included.",
    "Tracking is available for all destinations except a few; ask before ordering.",
    "Finalize on arrival please. Leave honest feedback, it helps the community.",
    "Prices updated weekly with the BTC rate. Monero accepted with 5% discount.",
]
NEWS = [
    ("2024-03-01", "Scheduled maintenance on Sunday 02:00-04:00 UTC. Withdrawals paused."),
    ("2024-02-24", "New mirror added. Always verify mirrors with our signed mirror list."),
    ("2024-02-18", "Vendor bond raised to 0.02 BTC. Existing vendors are not affected."),
    ("2024-02-10", "Phishing alert: we never ask for your PIN by message."),
    ("2024-02-02", "Monero payments are live for all vendors. Escrow works as usual."),
]
RULES = ["No fentanyl", "No CP", "No weapons of mass destruction", "No doxxing",
         "No murder for hire", "No selling of vaccination cards", "No scams or exit scams",
         "No spam listings", "No off-site deals", "No reselling of market accounts"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def pgp_block(seed, lines):
    """A fake ASCII-armoured PGP key: noise every darknet market page carries in its footer."""
    rnd = random.Random(seed)
    body = "\n".join("".join(rnd.choice(B64) for _ in range(64)) for _ in range(lines))
    return ("<pre class=\"pgp\">-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + body
            + "\n=" + "".join(rnd.choice(B64) for _ in range(4))
            + "\n-----END PGP PUBLIC KEY BLOCK-----</pre>")


def make_listings(n, rnd):
    """n listings derived from the demo's hand-written ones, with varied titles, prices, texts."""
    base = D.LISTINGS
    out = []
    for i in range(n):
        b = base[i % len(base)]
        k = i // len(base) + 1
        pre = rnd.choice(PREFIXES)
        suf = rnd.choice(SUFFIXES).format(k=k)
        title = f"{pre}{b['title']}{suf}"
        usd = round(b["usd"] * rnd.uniform(0.7, 1.4), 0)
        desc = list(b["desc"]) + rnd.sample(EXTRA_PARAGRAPHS, rnd.randint(2, 5))
        out.append(dict(b, id=FIRST_ID + i, title=title, usd=usd, desc=desc,
                        views=rnd.randint(20, 9000),
                        listed=f"2024-{rnd.randint(1, 3):02d}-{rnd.randint(1, 28):02d}",
                        fb=[rnd.randrange(len(D.FEEDBACK)) for _ in range(rnd.randint(14, 34))]))
    return out


def sidebar_common(listings):
    return D.categories_box(listings) + (
        '<div class="box"><h3>Market news</h3><ul>'
        + "".join(f'<li><span class="muted">{d}</span> {esc(t)}</li>' for d, t in NEWS)
        + "</ul></div>"
        '<div class="box"><h3>Rules</h3><ol>'
        + "".join(f"<li>{esc(r)}</li>" for r in RULES) + "</ol></div>")


def footer_noise(seed):
    mirrors = random.Random(seed)
    rows = "".join(
        "<li>" + "".join(mirrors.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(56))
        + ".onion</li>" for _ in range(4))
    return (f'<div class="box"><h3>Official mirrors (signed)</h3><ul class="muted">{rows}</ul>'
            + pgp_block(seed, 18) + "</div>")


def pagination(n, total, url_of):
    """Windowed pagination: Prev, 1, n-3 ... n+3, last, Next."""
    items = []
    if n > 1:
        items.append(f'<li><a href="{url_of(n - 1)}">\u2039 Prev</a></li>')
    shown = sorted({1, total} | set(range(max(1, n - 3), min(total, n + 3) + 1)))
    prev = 0
    for i in shown:
        if i > prev + 1:
            items.append('<li><span>\u2026</span></li>')
        if i == n:
            items.append(f'<li class="active"><span>{i}</span></li>')
        else:
            items.append(f'<li><a href="{url_of(i)}">{i}</a></li>')
        prev = i
    if n < total:
        items.append(f'<li><a href="{url_of(n + 1)}">Next \u203a</a></li>')
    return '<ul class="pagination">' + "".join(items) + "</ul>"


def index_page(title, n, total, items, count, url_of, sidebar, seed):
    pag = pagination(n, total, url_of) if total > 1 else ""
    body = (f"<h2>{esc(title)}</h2><p class=\"muted\">Page {n} of {total} &middot; "
            f"{count} listings</p>" + pag
            + '\n<div class="cards">\n' + "\n".join(D.card(it) for it in items) + "\n</div>\n"
            + pag + footer_noise(seed))
    return D.page(f"{title} \u2014 page {n}", body, sidebar)


def listing_page(it, by_vendor, recent, sidebar):
    level, escrow, positive, sales, boiler = D.VENDORS[it["vendor"]]
    top, sub = it["cat"]
    top_html = (f'<a href="/category/{D.slug(top)}">{esc(top)}</a>' if top in D.CATEGORY_PAGES
                else f"<span>{esc(top)}</span>")
    h = it["id"]
    fb_rows = "".join(
        f"<tr><td>{D.STAR * D.FEEDBACK[f][0]}</td><td>{esc(D.FEEDBACK[f][1])}</td>"
        f"<td>{'bcdfghjkmnpqrstvwxz'[(h + k) % 19]}***{'aeiou'[(h + 3 * k) % 5]}</td>"
        f"<td>{(h + 7 * k) % 90 + 1} days ago</td></tr>\n"
        for k, f in enumerate(it["fb"]))
    paragraphs = "\n".join(f"<p>{esc(p)}</p>" for p in it["desc"])
    more = [o for o in by_vendor[it["vendor"]] if o["id"] != it["id"]]
    start = h % max(1, len(more))
    more = (more[start:] + more[:start])[:4]
    more_html = "".join(
        f'<li><a href="/listing/{o["id"]}">{esc(o["title"])}</a> '
        f'<span class="muted">{esc(D.price_text(o))}</span></li>' for o in more)
    recent_html = "".join(
        f'<li><a href="/listing/{o["id"]}">{esc(o["title"])}</a></li>' for o in recent)
    body = f"""<nav class="breadcrumb">{top_html} \u203a <span>{esc(sub)}</span></nav>
<h1 class="listing-title">{esc(it["title"])}</h1>
<p class="muted"><span class="listing-id">Listing #{it["id"]}</span> &middot; listed {it["listed"]} &middot; {it["views"]} views</p>
<div class="listing-price">{esc(D.price_text(it))}</div>
<div class="vendor">Sold by <a href="/vendor/{it["vendor"]}">{esc(it["vendor"])}</a> (Level {level}, {positive}% positive)</div>
<p><a class="button" href="/cart/add/{it["id"]}">Add to cart</a> &middot; <a href="/account">Report listing</a></p>
<table class="meta">
<tr><th>Category</th><td>{esc(D.cat_text(it))}</td></tr>
<tr><th>Ships from</th><td class="ships-from">{esc(it["ships_from"])}</td></tr>
<tr><th>Ships to</th><td class="ships-to">{esc(it["ships_to"])}</td></tr>
<tr><th>Payment</th><td>{esc(escrow)}</td></tr>
</table>
<h2>Description</h2>
<div id="description">
{paragraphs}
<p>{esc(boiler)}</p>
</div>
<h2>Feedback ({len(it["fb"])})</h2>
<table class="feedback"><tr><th>Rating</th><th>Comment</th><th>Buyer</th><th>When</th></tr>
{fb_rows}</table>
<h3>More from {esc(it["vendor"])}</h3>
<ul class="more">{more_html}</ul>
<div class="box"><h3>Recently viewed</h3><ul class="recent">{recent_html}</ul></div>
{footer_noise(h)}"""
    side = (f'<div class="box"><h3>Vendor</h3><p><a href="/vendor/{it["vendor"]}">'
            f'{esc(it["vendor"])}</a><br>Vendor level: {level}<br>Sales: {sales}<br>'
            f"Feedback: {positive}% positive<br>Escrow: {esc(escrow)}</p></div>"
            '<div class="box"><h3>Safety</h3><p class="muted">Always use escrow. Never '
            "finalize early with new vendors. Encrypt your address with PGP.</p></div>" + sidebar)
    return D.page(it["title"], body, side)


def write(site, path, text):
    f = (os.path.join(site, "index.html") if path == "/"
         else os.path.join(site, *path.strip("/").split("/")) + ".html")
    os.makedirs(os.path.dirname(f), exist_ok=True)
    with open(f, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return len(text.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--listings", type=int, default=2000)
    ap.add_argument("--per-page", type=int, default=20)
    a = ap.parse_args()
    rnd = random.Random(20240301)
    listings = make_listings(a.listings, rnd)
    ordered = sorted(listings, key=lambda it: hashlib.sha256(f"bench-{it['id']}".encode()).digest())
    by_vendor = {}
    for it in ordered:
        by_vendor.setdefault(it["vendor"], []).append(it)
    sidebar = sidebar_common(listings)

    site = os.path.join(a.out, "site")
    if os.path.isdir(site):
        shutil.rmtree(site)
    sizes = {"index": [], "listing": []}
    parts = D.chunks(ordered, a.per_page)
    url_of = lambda n: "/" if n == 1 else f"/listings/page/{n}"  # noqa: E731
    for n, part in enumerate(parts, start=1):
        html = index_page("Latest listings", n, len(parts), part, len(listings), url_of,
                          sidebar, 1000 + n)
        sizes["index"].append(write(site, url_of(n), html))
    for c, top in enumerate(D.CATEGORY_PAGES):
        items = [it for it in ordered if it["cat"][0] == top][:a.per_page]
        path = f"/category/{D.slug(top)}"
        html = index_page(top, 1, 1, items, len(items), lambda n, p=path: p, sidebar, 2000 + c)
        sizes["index"].append(write(site, path, html))
    for i, it in enumerate(listings):
        recent = [ordered[(i * 7 + j * 131) % len(ordered)] for j in range(5)]
        recent = [o for o in recent if o["id"] != it["id"]]
        sizes["listing"].append(write(site, f"/listing/{it['id']}",
                                      listing_page(it, by_vendor, recent, sidebar)))

    with open(os.path.join(a.out, "expected.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for it in listings:
            fh.write(json.dumps({
                "url": f"/listing/{it['id']}", "id": str(it["id"]), "title": it["title"],
                "price": D.price_text(it), "vendor": it["vendor"], "category": D.cat_text(it),
                "ships_from": it["ships_from"], "ships_to": it["ships_to"],
            }, ensure_ascii=False) + "\n")
    total = sum(sizes["index"]) + sum(sizes["listing"])
    for kind, s in sizes.items():
        print(f"{kind}: {len(s)} pages, {min(s) / 1024:.1f}-{max(s) / 1024:.1f} KB, "
              f"mean {sum(s) / len(s) / 1024:.1f} KB", file=sys.stderr)
    print(f"wrote {len(sizes['index']) + len(sizes['listing'])} pages ({total / 1e6:.1f} MB) "
          f"to {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
