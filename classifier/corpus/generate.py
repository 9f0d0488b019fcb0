#!/usr/bin/env python3
"""Generates armswatch's own labeled training corpus (JSON lines on stdout).

Listings are composed from large hand-written pools (pools_pos.py, pools_neg.py, pools_i18n.py)
and mixed with the bespoke listings in handwritten.jsonl. Stdlib only; the seed is fixed so the
output is byte-for-byte deterministic:

    python3 classifier/corpus/generate.py > classifier/corpus/corpus.jsonl

Statistics (counts per label, language and type) go to stderr.
"""

import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
from collections import Counter  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import noise  # noqa: E402
import pools_i18n  # noqa: E402
import pools_items  # noqa: E402
import pools_neg  # noqa: E402
import pools_pos  # noqa: E402
import pools_round2  # noqa: E402
import pools_round2_neg  # noqa: E402
import pools_round3  # noqa: E402
import pools_round3_neg  # noqa: E402
import pools_round3_airsoft  # noqa: E402
import pools_round3_digital  # noqa: E402
import pools_round4  # noqa: E402
import pools_round5  # noqa: E402

SEED = 1867  # the year of the first Remington rolling block; any constant would do
R = random.Random(SEED)
noise.R = R

LANG_WEIGHTS = [("en", 0.72), ("de", 0.075), ("ru", 0.075), ("es", 0.065), ("fr", 0.065)]

BRACE = re.compile(r"\{([^{}]*)\}")


def pick(xs):
    return xs[R.randrange(len(xs))]


def expand(t, slots, cache=None):
    """Expands a template: `{name}` is a slot, `{a|b|}` picks one alternative (may be empty),
    `{?text}` keeps text half of the time. Innermost braces first, so alternatives may nest and
    slot values may themselves be templates."""

    def one(m):
        inner = m.group(1)
        if inner in slots:
            if cache is not None and inner in cache:
                return cache[inner]
            v = slots[inner]
            if callable(v):
                v = v()
            if isinstance(v, (list, tuple)):
                v = pick(v)
            v = str(v)
            if cache is not None:
                cache[inner] = v
            return v
        if inner.startswith("?"):
            return inner[1:] if R.random() < 0.5 else ""
        if "|" in inner:
            return pick(inner.split("|"))
        raise KeyError("unknown slot %r in template %r" % (inner, t))

    for _ in range(30):
        if "{" not in t:
            break
        t = BRACE.sub(one, t)
    return tidy(t)


def tidy(s):
    s = re.sub(r"[ \t]+", " ", s)
    s = re.sub(r" +([,.;:!?)\]])(?=\s|$)", r"\1", s)
    s = re.sub(r"([(\[]) +", r"\1", s)
    s = re.sub(r"\(\s*\)|\[\s*\]", "", s)
    s = re.sub(r"(,\s*){2,}", ", ", s)
    s = re.sub(r"\s*\n\s*", "\n", s)
    s = re.sub(r"^[\s,;:\-+/]+|[\s,;+/\-]+$", "", s)
    return s


def choose_lang(spec):
    langs = ["en"] + [lg for lg in spec.get("langs", []) if pools_i18n.has(spec["name"], lg)]
    while True:
        x = R.random()
        acc = 0.0
        for lang, w in LANG_WEIGHTS:
            acc += w
            if x < acc:
                break
        if lang in langs:
            return lang
        if R.random() < 0.5:
            return "en"


def compose_desc(frags, generic, slots, lang, domain, cache, item_frags=None):
    """Builds a description from fragments in varied order and count. Item-specific fragments, when
    given, make up most of it."""
    shape = R.random()
    if shape < 0.2:
        return ""
    if shape < 0.36:
        # terse: one or two fragments, no boilerplate, as many real listings are
        pool = item_frags or frags
        return noise.join_parts([expand(c, slots, cache) for c in R.sample(pool, min(R.randint(1, 2), len(pool)))])
    if shape < 0.45:
        n = R.randint(1, 2)
    elif shape < 0.8:
        n = R.randint(2, 5)
    else:
        n = R.randint(5, 9)
    if item_frags:
        chosen = R.sample(item_frags, min(n, len(item_frags)))
        chosen += R.sample(frags, min(R.randint(0, 2), len(frags)))
    else:
        chosen = R.sample(frags, min(n, len(frags)))
    if generic and R.random() < 0.5:
        chosen += R.sample(generic, min(R.randint(1, 3), len(generic)))
    R.shuffle(chosen)
    parts = [expand(c, slots, cache) for c in chosen]
    parts = [p for p in parts if p]
    desc = noise.join_parts(parts)
    desc = noise.decorate_desc(desc, lang, domain)
    return desc[: R.randint(900, 1300)] if len(desc) > 1300 else desc


def build(spec, lang):
    """One listing from a spec (see pools_pos / pools_neg for the spec format)."""
    slots = {}
    slotter = spec.get("slotter")
    if slotter:
        slots.update(slotter(R, lang))
    slots.update(spec.get("slots", {}))
    loc = spec if lang == "en" else pools_i18n.localise(spec["name"], lang)
    slots.update(loc.get("slots", {}))
    tpl = pick(loc["titles"])
    if "{x}" not in tpl:
        # a bundle counts only when the title offers it (see README: labeling rules)
        slots["_labels"] = []
    cache = {}  # a slot keeps one value per row, so title and description agree
    title = expand(tpl, slots, cache)
    domain = spec.get("domain", "shop")
    generic = list(pools_neg.GENERIC.get(domain, {}).get(lang) or [])
    if domain == "weapon":
        # weapon-shop talk is not a firearm cue: air-gun, knife and taser vendors use it too
        generic += pools_neg.GENERIC["gun"].get(lang) or []
    item_frags = slots.get("_desc") if (spec.get("item_desc") and lang == "en") else None
    desc_fn = spec.get("desc_fn")
    if desc_fn:
        # round-2 specs: the spec decides the description's shape (empty, boilerplate-only, item talk)
        desc = expand(desc_fn(R, lang, loc, slots), slots, cache)
        if desc and R.random() < 0.3:
            desc = noise.decorate_desc(desc, lang, domain)
    else:
        desc = compose_desc(loc["desc"], generic, slots, lang, domain, cache, item_frags)
    labels = list(spec["labels"])
    extra_labels = slots.get("_labels", [])
    for lb in extra_labels:
        if lb not in labels:
            labels.append(lb)
    title, desc = noise.decorate(title, desc, lang, spec, slots)
    return {
        "title": title,
        "description": desc,
        "labels": [lb for lb in ("firearm", "part", "ammunition", "design") if lb in labels],
        "category_raw": noise.category(spec),
        "price": noise.price(spec.get("price", (20, 200)), lang, slots.get("_qty_mult", 1.0)),
        "lang": lang,
        "type": spec["name"],
        "domain": spec.get("domain", "shop"),
    }


def load_handwritten():
    rows = []
    with open(os.path.join(HERE, "handwritten.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                o = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit("handwritten.jsonl line %d: %s" % (n, e))
            labels = o.get("labels", [])
            for lb in labels:
                if lb not in ("firearm", "part", "ammunition", "design"):
                    raise SystemExit("handwritten.jsonl line %d: bad label %r" % (n, lb))
            domain = o.get("domain") or ("gun" if labels else "shop")
            unclear = bool(o.get("unclear", False))
            cats = "unclear" if unclear else noise.default_cats(labels, domain)
            spec = {"name": "handwritten", "cats": o.get("cats") or cats, "domain": domain}
            desc = o.get("description", "")
            if desc and not unclear and R.random() < 0.35:
                desc = noise.decorate_desc(desc, o.get("lang", "en"), domain)
            rows.append({
                "title": o["title"],
                "description": desc,
                "labels": [lb for lb in ("firearm", "part", "ammunition", "design") if lb in labels],
                "category_raw": o.get("category_raw") or noise.category(spec),
                "price": o.get("price") or noise.price(tuple(o.get("usd", (30, 900))), o.get("lang", "en"), 1.0),
                "unclear": unclear,
                "lang": o.get("lang", "en"),
                "type": "handwritten",
                "domain": domain,
            })
    return rows


def main():
    specs = (pools_pos.SPECS + [s for s in pools_neg.SPECS if s["name"] not in pools_items.REPLACED]
             + pools_items.SPECS + pools_round2.SPECS + pools_round2_neg.SPECS
             + pools_round3.SPECS + pools_round3_neg.SPECS + pools_round3_digital.SPECS
             + pools_round3_airsoft.SPECS + pools_round4.SPECS + pools_round5.SPECS)
    rows = []
    for spec in specs:
        for _ in range(spec["n"]):
            row = build(spec, choose_lang(spec))
            row["unclear"] = bool(spec.get("unclear", False))
            rows.append(row)
    rows += load_handwritten()
    R.shuffle(rows)

    markets = pools_neg.MARKETS
    out = sys.stdout
    seen_ids = set()
    stats = {"labels": Counter(), "lang": Counter(), "type": Counter(), "combo": Counter(),
             "lang_pos": Counter(), "unclear": Counter(), "empty_desc": Counter()}
    for i, row in enumerate(rows):
        rid = "awc-%05d" % (i + 1)
        assert rid not in seen_ids
        seen_ids.add(rid)
        rec = {
            "source": "armswatch-corpus",
            "id": rid,
            "market": pick(markets),
            "vendor": noise.vendor(row["domain"], row["lang"]),
            "title": row["title"],
            "description": row["description"],
            "price": row["price"],
            "category_raw": row["category_raw"],
            "unclear": row["unclear"],
            "labels": row["labels"],
        }
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for lb in row["labels"]:
            stats["labels"][lb] += 1
            stats["lang_pos"][(lb, row["lang"])] += 1
        if not row["labels"]:
            stats["labels"]["(none)"] += 1
        stats["lang"][row["lang"]] += 1
        stats["type"][row["type"]] += 1
        stats["combo"]["+".join(row["labels"]) or "(none)"] += 1
        stats["unclear"][row["unclear"]] += 1
        stats["empty_desc"][not row["description"]] += 1
    err = sys.stderr
    err.write("rows: %d\n" % len(rows))
    for k in ("labels", "combo", "lang"):
        err.write("%s: %s\n" % (k, dict(sorted(stats[k].items(), key=lambda kv: -kv[1]))))
    err.write("label x lang: %s\n" % dict(sorted(stats["lang_pos"].items())))
    err.write("unclear: %d; empty descriptions: %d\n" % (stats["unclear"][True], stats["empty_desc"][True]))
    r3 = {k: v for k, v in stats["type"].items() if k.startswith("r3")}
    err.write("round 3 types: %s (%d rows)\n" % (dict(sorted(r3.items())), sum(r3.values())))
    r4 = {k: v for k, v in stats["type"].items() if k.startswith("r4")}
    err.write("round 4 types: %s (%d rows)\n" % (dict(sorted(r4.items())), sum(r4.values())))
    r5 = {k: v for k, v in stats["type"].items() if k.startswith("r5")}
    err.write("round 5 types: %s (%d rows)\n" % (dict(sorted(r5.items())), sum(r5.values())))
    err.write("types: %d distinct\n" % len(stats["type"]))


if __name__ == "__main__":
    main()
