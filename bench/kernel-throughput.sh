#!/usr/bin/env bash
# The training and embedding kernel against plain numpy and against ND4J's GEMM rate, in one run.
#   small: 100/100 -> hdnsize 200, repsize 200 (the paper's model), 8,192 rows
#   large: 100/4096 -> hdnsize 2048, repsize 2048 (the README's), 1,024 rows
# Each repetition runs, one after the other: ND4J's 2048^3 SGEMM rate (bench/GemmRate.java), then
# for each problem `bidnn run` of every build and bench/numpy_bidnn.py (same network, optimiser,
# data), then the embedding of the large corpus (bench/EmbedRate.java: SegmentTransformer, central
# layers only, batches of 1024) for every build and numpy. Reported: medians over repetitions of
# rows/s (rows per epoch / median epoch time, first epoch excluded; embedding: rows / time), the
# ratio to numpy, and the achieved multiply-add rate as a fraction of the GEMM rate of the same
# repetition (forward and backward passes of both directions; embedding: the central layers).
# The small model runs the paper's 10,000 iterations by default (156 epochs of 64 batches); its
# first 10 to 20 epochs are slower while the JIT compiles the step's loops.
# Usage: bench/kernel-throughput.sh [reps] [small-epochs] [large-epochs]
#   BUILDS="before=/path/to/other/checkout after=." to time several builds (each with target/ built).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
reps="${1:-3}"
small_epochs="${2:-156}"
large_epochs="${3:-4}"
builds="${BUILDS:-current=.}"
work=bench/out/kernel
mkdir -p "$work"
log="$work/results.txt"
: > "$log"

data() { # name rows mod1 mod2
  [[ -f "bench/out/$1/segments.svm" ]] || bin/bidnn sample-data --out-dir "bench/out/$1" --rows "$2" \
      --mod1-size "$3" --mod2-size "$4" --only-mod1 0 --only-mod2 0 > /dev/null
}
data small 8192 100 100
data large 1024 100 4096

epoch_median() { python3 -c '
import re, statistics, sys
t = [float(x) for x in re.findall(r"took (\d+\.\d+)s", open(sys.argv[1]).read())]
print(statistics.median(t[1:]))' "$1"; }

run_problem() { # rep name mod1 mod2 hdn rep epochs
  local r=$1 name=$2 d1=$3 d2=$4 hdn=$5 rep=$6 e=$7
  for b in $builds; do
    local label=${b%%=*} dir=${b#*=}
    # The same problem as numpy's for every build: unscaled inputs where a build scales by default.
    local scale=()
    if "$dir/bin/bidnn" run --help 2>&1 | grep -q -- '--scale'; then scale=(--scale none); fi
    "$dir/bin/bidnn" run -v 2 -e "$e" "${scale[@]}" "bench/out/$name/segments.svm" "$work/out.svm" "$d1" "$d2" \
        "$hdn" "$rep" 2> "$work/$label-$name.log"
    echo "$r train $name $label $(epoch_median "$work/$label-$name.log")" >> "$log"
  done
  python3 bench/numpy_bidnn.py "bench/out/$name/segments.svm" "$d1" "$d2" "$hdn" "$rep" "$e" > "$work/numpy-$name.log"
  echo "$r train $name numpy $(epoch_median "$work/numpy-$name.log")" >> "$log"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1), numpy $(python3 -c 'import numpy; print(numpy.__version__)')"
for r in $(seq 1 "$reps"); do
  gemm=$(java -cp 'target/bidnn.jar:target/lib/*' bench/GemmRate.java 5 2>/dev/null | grep '^gemm')
  echo "$r gemm $(echo "$gemm" | awk '{print $2}')" >> "$log"
  run_problem "$r" small 100 100 200 200 "$small_epochs"
  run_problem "$r" large 100 4096 2048 2048 "$large_epochs"
  for b in $builds; do
    label=${b%%=*} dir=${b#*=}
    t=$(java -cp "$dir/target/bidnn.jar:$dir/target/lib/*" bench/EmbedRate.java bench/out/large/segments.svm \
        100 4096 2048 2048 3 2>/dev/null | grep '^embed' | awk '{print $2}' | sort -n | head -n 2 | tail -n 1)
    echo "$r embed large $label $t" >> "$log"
  done
  t=$(python3 bench/numpy_bidnn.py bench/out/large/segments.svm 100 4096 2048 2048 0 --embed | awk '/Embedding/ {print $6}' | tr -d s)
  echo "$r embed large numpy $t" >> "$log"
  echo "repetition $r done: $gemm" >&2
done

python3 - "$log" "$builds" <<'PY'
import collections, statistics, sys
log, builds = sys.argv[1], [b.split("=")[0] for b in sys.argv[2].split()]
rows = {"small": 8192 // 128 * 128, "large": 1024 // 128 * 128}
shape = {"small": (100, 100, 200, 200), "large": (100, 4096, 2048, 2048)}  # d1, d2, hdnsize, repsize
def macs(name, kind):
    d1, d2, h, r = shape[name]
    forward = 2 * h * (d1 + d2) + 4 * h * r
    return forward * 3 - h * (d1 + d2) if kind == "train" else h * (d1 + d2) + 2 * h * r
gemm, t = {}, collections.defaultdict(dict)
for line in open(log):
    f = line.split()
    if f[1] == "gemm":
        gemm[f[0]] = float(f[2])
    else:
        t[(f[1], f[2], f[3])][f[0]] = float(f[4])
print(f"ND4J SGEMM 2048^3: median {statistics.median(gemm.values()):.1f} GFLOP/s (per repetition: "
      + ", ".join(f"{g:.0f}" for g in gemm.values()) + ")")
print("| problem | code | rows/s (median) | ratio to numpy (median of per-repetition ratios) | fraction of the GEMM rate |")
print("|---|---|---|---|---|")
for kind, name in [("train", "small"), ("train", "large"), ("embed", "large")]:
    n = rows[name] if kind == "train" else 1024
    for code in builds + ["numpy"]:
        times = t[(kind, name, code)]
        rate = statistics.median(n / s for s in times.values())
        ratio = statistics.median(t[(kind, name, "numpy")][r] / s for r, s in times.items())
        frac = statistics.median(2 * macs(name, kind) * n / s / 1e9 / gemm[r] for r, s in times.items())
        print(f"| {kind} {name} | {code} | {rate:,.0f} | {ratio:.2f}x | {100 * frac:.0f}% |")
PY
