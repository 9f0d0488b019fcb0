#!/usr/bin/env bash
# Training time and predict throughput of the armswatch classifier vs scikit-learn on the same
# listings (default 100,000, resampled with a fixed seed from the corpus into one file that both
# read), one core each, in one run. Run from the repository root:
#
#     bench/classifier_speed.sh [corpus.jsonl] [model file] [listings]
#
# PREDICT_ONLY=1 skips training our model on the 100,000 rows (minutes on a busy machine) and
# compares prediction alone (scikit-learn still fits, it needs a model to predict with).
# Needs: cargo, python3 with bench/requirements.txt installed.
set -euo pipefail
corpus=${1:-classifier/corpus/corpus.jsonl}
model=${2:-models/armswatch-linear.model}
n=${3:-100000}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
sample=$(mktemp --suffix=.jsonl)
trap 'rm -f "$sample"' EXIT

python3 - "$corpus" "$n" "$sample" <<'PY'
import json, random, sys
rows = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not json.loads(l).get("unclear")]
rng = random.Random(7)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for _ in range(int(sys.argv[2])):
        f.write(rows[rng.randrange(len(rows))])
PY

cargo build --release -q -p armswatch-classifier --example bench
rust_json=$(taskset -c 0 target/release/examples/bench --data "$sample" --model "$model" \
    --as-is --train-listings "$([ "${PREDICT_ONLY:-0}" = 1 ] && echo 0 || echo 1)")
py_json=$(taskset -c 0 python3 bench/baselines.py --train "$corpus" --speed-file "$sample")

python3 - "$rust_json" "$py_json" <<'PY'
import json, sys
r, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])["sklearn_same_rows"]
rs, ps = r["predict"]["listings_per_sec"], p["listings_per_sec"]
pt = p["fit_secs"]
rt = r["train_resampled"]["secs"] if "train_resampled" in r else None
print(json.dumps({"armswatch": r, "sklearn": p}, indent=1))
print()
print(f"same {p['listings']:,} listings, one core each:")
print(f"  predict   armswatch-linear {rs:10,.0f} listings/s   scikit-learn {ps:10,.0f} listings/s"
      f"   ratio {rs / ps:.1f}x")
if rt is not None:
    print(f"  training  armswatch-linear {rt:10.1f} s             scikit-learn {pt:10.1f} s"
          f"             ratio {pt / rt:.2f}x (scikit-learn time / ours)")
PY
