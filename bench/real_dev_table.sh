#!/usr/bin/env bash
# Scores the shipped model and both baselines (bench/baselines.py) on the same labeled rows, in one
# run, and prints a markdown table. Run from the repository root:
#
#     [PREVIOUS=old.model] bench/real_dev_table.sh [eval.jsonl] [corpus.jsonl] [model file]
#
# The evaluation rows are read where they are; nothing derived from them is written to the repo.
set -euo pipefail
data=${1:-../shared/data/real-dev.jsonl}
corpus=${2:-classifier/corpus/corpus.jsonl}
model=${3:-models/armswatch-linear.model}

cargo build --release -q -p armswatch-classifier --example evaluate
ours=$(target/release/examples/evaluate --model "$model" --data "$data" --json)
# the same model with the market category block (the goals are title + description only)
ours_cat=$(target/release/examples/evaluate --model "$model" --data "$data" --json --category)
# an older model file in the same run (PREVIOUS=old.model), for a before/after
prev=null
if [ -n "${PREVIOUS:-}" ]; then
    prev=$(target/release/examples/evaluate --model "$PREVIOUS" --data "$data" --json)
fi
base=$(python3 bench/baselines.py --train "$corpus" --eval "$data")

python3 - "$ours" "$base" "$ours_cat" "$prev" <<'PY'
import json, math, random, sys
ours, base, ours_cat = json.loads(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
prev = json.loads(sys.argv[4])
models = [("armswatch-linear", ours), ("armswatch-linear + category", ours_cat)]
models += [("previous model (PREVIOUS)", prev)] if prev else []
models += [("tf-idf + logreg (sklearn)", base["tfidf_logreg"]), ("keyword list", base["keyword"])]
Z = 1.959963984540054

def wilson(k, n):
    """95 % Wilson interval (as classifier/src/eval.rs)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    den = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / den
    h = Z / den * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (max(0.0, c - h), min(1.0, c + h))

def f1_ci(tp, fp, fn, n, resamples=2000):
    """95 % bootstrap interval of F1: resampling n rows = a multinomial draw of the four cells."""
    rng = random.Random(7)
    cells = [tp, fp, fn, n - tp - fp - fn]
    f1s = []
    for _ in range(resamples):
        c = [0, 0, 0, 0]
        # only the three small cells matter: draw them by binomial splitting (exact multinomial)
        left, p_left = n, 1.0
        for i in range(3):
            p = cells[i] / n / p_left if p_left > 0 else 0
            k = binom(rng, left, min(1.0, p))
            c[i], left, p_left = k, left - k, p_left - cells[i] / n
        f1s.append(2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0)
    f1s.sort()
    return (f1s[round(0.025 * (resamples - 1))], f1s[round(0.975 * (resamples - 1))])

def binom(rng, n, p):
    if p <= 0 or n == 0:
        return 0
    if p >= 1:
        return n
    # small expected counts here (few positives): sum of geometric gaps
    k, i = 0, 0
    lq = math.log(1 - p)
    while True:
        i += int(math.log(1 - rng.random()) / lq) + 1
        if i > n:
            return k
        k += 1

ci = lambda x, lo_hi: f"{x:.3f} [{lo_hi[0]:.3f}, {lo_hi[1]:.3f}]"
print("| model | label | TP | FP | FN | precision [95% CI] | recall [95% CI] | F1 [95% CI] | PR-AUC [95% CI] |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for label in ["firearm", "ammunition", "part", "design"]:
    for name, r in models:
        m = r["labels"][label]
        tp, fp, fn = m["tp"], m["fp"], m["fn"]
        print(f"| {name} | {label} | {tp} | {fp} | {fn} | {ci(m['precision'], wilson(tp, tp + fp))} | "
              f"{ci(m['recall'], wilson(tp, tp + fn))} | {ci(m['f1'], f1_ci(tp, fp, fn, r['rows']))} | "
              f"{ci(m['average_precision'], m['average_precision_ci'])} |")
print()
print("| model | rows | rows without a label | flagged among them | false-positive rate [95% CI] |")
print("|---|---:|---:|---:|---:|")
for name, r in models:
    lo, hi = wilson(r["false_positive_rows"], r["rows_without_label"])
    print(f"| {name} | {r['rows']} | {r['rows_without_label']} | {r['false_positive_rows']} | "
          f"{100 * r['false_positive_rate']:.2f} % [{100 * lo:.2f}, {100 * hi:.2f}] |")
PY
