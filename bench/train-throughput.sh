#!/usr/bin/env bash
# Training throughput of `bidnn train` (rows/s) in local[1] and local[2] on the same data:
#   small: 100/100 features -> hdnsize 200, repsize 200, 8,192 rows
#   large: 100/4096 features -> hdnsize 2048, repsize 2048, 1,024 rows
# One worker per local thread (--workers = the thread count), averaging every 5 minibatches.
# rows/s = rows trained per epoch (whole batches of 128) / median epoch time, first epoch excluded.
# Usage: bench/train-throughput.sh [epochs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epochs="${1:-6}"
work=bench/out
mkdir -p "$work"

measure() { # name rows mod1 mod2 hdn rep threads
  local name=$1 rows=$2 d1=$3 d2=$4 hdn=$5 rep=$6 threads=$7
  [[ -f "$work/$name/segments.svm" ]] || bin/bidnn sample-data --out-dir "$work/$name" --rows "$rows" \
      --mod1-size "$d1" --mod2-size "$d2" --only-mod1 0 --only-mod2 0
  bin/bidnn train -v 2 -e "$epochs" --master "local[$threads]" --workers "$threads" \
      --input "$work/$name/segments.svm" --mod1-size "$d1" --mod2-size "$d2" --hidden "$hdn" --rep "$rep" \
      --model "$work/$name/train-model.bidnn" 2> "$work/$name/train-log-$threads.txt"
  python3 - "$work/$name/train-log-$threads.txt" "$rows" "$name" "$d1/$d2 -> $hdn/$rep" "local[$threads]" <<'PY'
import re, statistics, sys
log, rows, name, shape, master = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
times = [float(m) for m in re.findall(r"took (\d+\.\d+)s", open(log).read())]
trained = rows // 128 * 128
median = statistics.median(times[1:])
print(f"{name:6s} {shape:24s} {master:9s} rows/epoch {trained:6d}  median epoch {median:8.3f}s  "
      f"{trained / median:10.1f} rows/s  (epochs {len(times)}, first {times[0]:.3f}s)")
PY
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
for threads in 1 2; do measure small 8192 100 100 200 200 "$threads"; done
for threads in 1 2; do measure large 1024 100 4096 2048 2048 "$threads"; done
