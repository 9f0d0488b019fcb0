#!/usr/bin/env bash
# Scores the shipped model and both baselines (bench/baselines.py) on the same labeled rows, in one
# run, and prints a markdown table. Run from the repository root:
#
#     bench/real_dev_table.sh [eval.jsonl] [corpus.jsonl] [model file]
#
# The evaluation rows are read where they are; nothing derived from them is written to the repo.
set -euo pipefail
data=${1:-../shared/data/real-dev.jsonl}
corpus=${2:-classifier/corpus/corpus.jsonl}
model=${3:-models/armswatch-linear.model}

cargo build --release -q -p armswatch-classifier --example evaluate
ours=$(target/release/examples/evaluate --model "$model" --data "$data" --json)
base=$(python3 bench/baselines.py --train "$corpus" --eval "$data")

python3 - "$ours" "$base" <<'PY'
import json, sys
ours, base = json.loads(sys.argv[1]), json.loads(sys.argv[2])
models = [("armswatch-linear", ours), ("tf-idf + logreg (sklearn)", base["tfidf_logreg"]),
          ("keyword list", base["keyword"])]
print("| model | label | TP | FP | FN | precision | recall | F1 | PR-AUC |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for label in ["firearm", "ammunition", "part", "design"]:
    for name, r in models:
        m = r["labels"][label]
        print(f"| {name} | {label} | {m['tp']} | {m['fp']} | {m['fn']} | {m['precision']:.3f} | "
              f"{m['recall']:.3f} | {m['f1']:.3f} | {m['average_precision']:.3f} |")
print()
print("| model | rows | rows without a label | flagged among them | false-positive rate |")
print("|---|---:|---:|---:|---:|")
for name, r in models:
    print(f"| {name} | {r['rows']} | {r['rows_without_label']} | {r['false_positive_rows']} | "
          f"{100 * r['false_positive_rate']:.2f} % |")
PY
