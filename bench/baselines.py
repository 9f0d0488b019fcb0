#!/usr/bin/env python3
"""Baselines for the armswatch classifier, trained on the project's corpus and scored on a labeled
JSONL file (rows with unclear=true are skipped), printing the same metrics as the Rust evaluator
(examples/evaluate.rs --json): per-label tp/fp/fn/support/precision/recall/f1/average_precision and
the false-positive rate on rows with no label.

(a) keyword: a fixed gun-word list per label (no training).
(b) tfidf_logreg: scikit-learn TfidfVectorizer (words 1-2 + char_wb 3-5) + one-vs-rest
    LogisticRegression (C=10, class_weight=None), threshold 0.5.

    python3 bench/baselines.py --train classifier/corpus/corpus.jsonl --eval ../shared/data/real-dev.jsonl

Also, for the speed benchmark: --speed N times scikit-learn's predict (transform + predict_proba) on
N listings resampled from the corpus, after fitting on the corpus; --speed-file FILE times fitting
on FILE's rows and then predicting them (bench/classifier_speed.sh gives both tools the same file).
"""

import argparse
import json
import random
import re
import sys
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score

LABELS = ["firearm", "part", "ammunition", "design"]

KEYWORDS = {
    "firearm": [
        "gun", "guns", "pistol", "pistols", "handgun", "rifle", "rifles", "shotgun", "revolver",
        "firearm", "firearms", "glock", "beretta", "walther", "makarov", "tokarev", "colt", "ak47",
        "ak-47", "ar15", "ar-15", "smith & wesson", "sig sauer", "taurus", "carbine", "uzi", "mp5",
    ],
    "part": [
        "silencer", "suppressor", "magazine", "receiver", "barrel", "slide", "trigger", "auto sear",
        "conversion kit", "bolt carrier", "firing pin", "solvent trap",
    ],
    "ammunition": [
        "ammo", "ammunition", "rounds", "cartridge", "cartridges", "bullets", "9mm", ".45 acp",
        "7.62x39", "5.56", ".22lr", ".22 lr", "12 gauge", ".380", "hollow point", "fmj",
    ],
    "design": [
        "3d printed gun", "3d print", "stl", "cad file", "blueprint", "blueprints", "gunsmith",
        "build your own gun", "80% lower", "liberator", "ghost gun",
    ],
}


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("unclear"):
                continue
            text_t = r["title"] or ""
            text_d = r.get("description") or ""
            rows.append((text_t, text_d, set(r["labels"])))
    return rows


def keyword_predict(title, desc):
    text = " " + (title + " " + desc).lower() + " "
    out = []
    for label in LABELS:
        hit = 0.0
        for kw in KEYWORDS[label]:
            if re.search(r"(?<![a-z0-9])" + re.escape(kw) + r"(?![a-z0-9])", text):
                hit = 1.0
                break
        out.append(hit)
    return out


def bootstrap_ap(score, y, resamples=2000, seed=0xA9C1):
    """95 % percentile-bootstrap interval of the average precision (rows resampled with
    replacement, as eval::bootstrap_average_precision): one sort, a resample is a count per row."""
    n = len(y)
    if n == 0:
        return [0.0, 0.0]
    order = np.argsort(-score, kind="stable")
    s, yy = score[order], y[order]
    last = np.r_[s[1:] != s[:-1], True]  # last row of each group of tied scores
    rng = np.random.default_rng(seed)
    aps = []
    for _ in range(resamples):
        w = np.bincount(rng.integers(0, n, n), minlength=n)[order]
        tp = np.cumsum(w * yy)[last]
        fp = np.cumsum(w * ~yy)[last]
        if tp[-1] == 0:
            aps.append(0.0)
            continue
        prec = tp / np.maximum(tp + fp, 1)
        rec = tp / tp[-1]
        aps.append(float(np.sum(np.diff(np.r_[0.0, rec]) * prec)))
    aps.sort()
    return [aps[round(0.025 * (resamples - 1))], aps[round(0.975 * (resamples - 1))]]


def metrics(scores, predicted, truth):
    """Same definitions as armswatch_classifier::eval::report."""
    out = {"rows": len(truth)}
    labels = {}
    for j, label in enumerate(LABELS):
        y = np.array([label in t for t in truth])
        p = np.array([label in s for s in predicted])
        tp = int((y & p).sum())
        fp = int((~y & p).sum())
        fn = int((y & ~p).sum())
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        sc = np.array([s[j] for s in scores], dtype=float)
        ap = float(average_precision_score(y, sc)) if y.any() else 0.0
        labels[label] = {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn, "precision": prec,
                         "recall": rec, "f1": f1, "average_precision": ap,
                         "average_precision_ci": bootstrap_ap(sc, y)}
    none = [i for i, t in enumerate(truth) if not t]
    fp_rows = sum(1 for i in none if predicted[i])
    out.update({"rows_without_label": len(none), "false_positive_rows": fp_rows,
                "false_positive_rate": fp_rows / len(none) if none else 0.0, "labels": labels})
    return out


class TfidfLogReg:
    def __init__(self):
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                     min_df=2)
        self.models = []

    @staticmethod
    def text(title, desc):
        # The title twice: as heavy as the Rust model's title weight.
        return f"{title} {title} {desc}"

    def transform(self, docs):
        return hstack([self.words.transform(docs), self.chars.transform(docs)]).tocsr()

    def fit(self, rows):
        docs = [self.text(t, d) for t, d, _ in rows]
        self.words.fit(docs)
        self.chars.fit(docs)
        x = self.transform(docs)
        for label in LABELS:
            y = np.array([label in s for _, _, s in rows])
            self.models.append(LogisticRegression(C=10.0, max_iter=2000).fit(x, y))
        return self

    def predict_proba(self, rows):
        x = self.transform([self.text(t, d) for t, d, _ in rows])
        return np.column_stack([m.predict_proba(x)[:, 1] for m in self.models])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--eval")
    ap.add_argument("--speed", type=int, default=0)
    ap.add_argument("--speed-file", help="time fit and predict_proba on exactly these rows")
    args = ap.parse_args()
    train = read(args.train)
    t0 = time.perf_counter()
    model = TfidfLogReg().fit(train)
    fit_secs = time.perf_counter() - t0
    result = {"train_rows": len(train), "tfidf_logreg_fit_secs": fit_secs}
    if args.eval:
        ev = read(args.eval)
        truth = [s for _, _, s in ev]
        kw = [keyword_predict(t, d) for t, d, _ in ev]
        result["keyword"] = metrics(kw, [{LABELS[j] for j in range(4) if s[j] >= 0.5} for s in kw],
                                    truth)
        pr = model.predict_proba(ev)
        result["tfidf_logreg"] = metrics(pr.tolist(),
                                         [{LABELS[j] for j in range(4) if s[j] >= 0.5} for s in pr],
                                         truth)
    if args.speed:
        rng = random.Random(7)
        sample = [train[rng.randrange(len(train))] for _ in range(args.speed)]
        t0 = time.perf_counter()
        model.predict_proba(sample)
        secs = time.perf_counter() - t0
        result["sklearn_predict"] = {"listings": args.speed, "secs": secs,
                                     "listings_per_sec": args.speed / secs}
    if args.speed_file:
        rows = read(args.speed_file)
        t0 = time.perf_counter()
        big = TfidfLogReg().fit(rows)
        fit_secs = time.perf_counter() - t0
        t0 = time.perf_counter()
        big.predict_proba(rows)
        secs = time.perf_counter() - t0
        result["sklearn_same_rows"] = {"listings": len(rows), "fit_secs": fit_secs,
                                       "predict_secs": secs,
                                       "listings_per_sec": len(rows) / secs}
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
