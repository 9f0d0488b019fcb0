#!/usr/bin/env bash
# Predict throughput of the armswatch classifier vs scikit-learn on the same 100k listings
# (resampled from the corpus), one core each, plus training times. Run from the repository root:
#
#     bench/classifier_speed.sh [corpus.jsonl] [model file] [listings]
#
# Needs: cargo, python3 with bench/requirements.txt installed.
set -euo pipefail
corpus=${1:-classifier/corpus/corpus.jsonl}
model=${2:-models/armswatch-linear.model}
n=${3:-100000}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

cargo build --release -q -p armswatch-classifier --example bench
rust_json=$(taskset -c 0 target/release/examples/bench --data "$corpus" --model "$model" \
    --listings "$n" --train-listings "$n")
py_json=$(taskset -c 0 python3 bench/baselines.py --train "$corpus" --speed "$n")

python3 - "$rust_json" "$py_json" <<'PY'
import json, sys
r, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
rs = r["predict"]["listings_per_sec"]
ps = p["sklearn_predict"]["listings_per_sec"]
print(json.dumps({"armswatch": r, "sklearn": p}, indent=1))
print()
print(f"predict, {r['predict']['listings']} listings, one core:")
print(f"  armswatch-linear  {rs:12,.0f} listings/s")
print(f"  scikit-learn      {ps:12,.0f} listings/s  (TfidfVectorizer word+char + LogisticRegression)")
print(f"  ratio             {rs / ps:12.1f}x")
print(f"training: armswatch {r['train_resampled']['secs']:.1f} s on {r['train_resampled']['listings']}"
      f" resampled rows (FTRL path); scikit-learn {p['tfidf_logreg_fit_secs']:.1f} s on the corpus")
PY
