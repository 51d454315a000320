#!/usr/bin/env bash
# Training throughput of `bidnn run` (rows/s) on two problem sizes:
#   small: 100/100 features -> hdnsize 200, repsize 200
#   large: 100/4096 features -> hdnsize 2048, repsize 2048 (the README-scale problem)
# Data: synthetic corpora from `bidnn sample-data`, every row with both modalities.
# rows/s = rows trained per epoch (whole batches of 128) / median epoch time, first epoch excluded
# (JIT and native warm-up). Usage: bench/run-throughput.sh [epochs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epochs="${1:-6}"
work=bench/out
mkdir -p "$work"

measure() { # name rows mod1 mod2 hdn rep
  local name=$1 rows=$2 d1=$3 d2=$4 hdn=$5 rep=$6
  [[ -f "$work/$name/segments.svm" ]] || bin/bidnn sample-data --out-dir "$work/$name" --rows "$rows" \
      --mod1-size "$d1" --mod2-size "$d2" --only-mod1 0 --only-mod2 0
  bin/bidnn run -v 2 -e "$epochs" "$work/$name/segments.svm" "$work/$name/embedding.svm" \
      "$d1" "$d2" "$hdn" "$rep" 2> "$work/$name/log.txt"
  python3 - "$work/$name/log.txt" "$rows" "$name" "$d1/$d2 -> $hdn/$rep" <<'PY'
import re, statistics, sys
log, rows, name, shape = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
times = [float(m) for m in re.findall(r"took (\d+\.\d+)s", open(log).read())]
trained = rows // 128 * 128
median = statistics.median(times[1:])
print(f"{name:6s} {shape:24s} rows/epoch {trained:6d}  median epoch {median:8.3f}s  "
      f"{trained / median:10.1f} rows/s  (epochs {len(times)}, first {times[0]:.3f}s)")
PY
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
measure small 8192 100 100 200 200
measure large 1024 100 4096 2048 2048
