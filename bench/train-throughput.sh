#!/usr/bin/env bash
# Training throughput of `bidnn train` next to `bidnn run`, one run, on the same data:
#   small: 100/100 features -> hdnsize 200, repsize 200, 8,192 rows
#   large: 100/4096 features -> hdnsize 2048, repsize 2048, 1,024 rows (the README-scale problem)
# For each problem, one after the other: `run`; `run` on one core (`taskset -c 0`: what
# `train --master local[1]`, which trains with one thread, is compared with per core);
# `train --master local[1]`; `train --master local[2]`
# with the default workers (one per executor: in local mode one, trained in the driver); and
# `train --master local[2] --workers 2` (parameter averaging every 5 minibatches).
# rows/s = rows trained per epoch (whole batches of 128) / median epoch time, first epoch excluded;
# for `train`, the Spark jobs, shuffle bytes and per-round figures of that median epoch's log line.
# Usage: bench/train-throughput.sh [epochs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epochs="${1:-6}"
work=bench/out
mkdir -p "$work"

report() { # log rows name shape how run-rows/s-file [one-core-run-rows/s-file]
  python3 - "$@" <<'PY'
import re, statistics, sys
log, rows, name, shape, how, runfile = sys.argv[1:7]
onecore = sys.argv[7] if len(sys.argv) > 7 else None
text = open(log).read()
times = [float(m) for m in re.findall(r"took (\d+\.\d+)s", text)]
costs = re.findall(r"Epoch \d+ on Spark: (.*)", text)
trained = int(rows) // 128 * 128
median = statistics.median(times[1:])
rate = trained / median
if how.startswith("run"):
    open(runfile, "w").write(str(rate))
    ratio = ""
else:
    ratio = f"{rate / float(open(runfile).read()):.2f}x run"
    if onecore:
        ratio += f", {rate / float(open(onecore).read()):.2f}x run on 1 core"
# The cost line of the epoch whose time is the median (after the first).
later = times[1:]
i = 1 + min(range(len(later)), key=lambda k: abs(later[k] - median))
cost = costs[i] if costs else ""
print(f"| {name} {shape} | {how} | {median:.3f} s | {rate:,.0f} | {ratio} | {cost} |")
PY
}

measure() { # name rows mod1 mod2 hdn rep
  local name=$1 rows=$2 d1=$3 d2=$4 hdn=$5 rep=$6 data="$work/$1/segments.svm"
  [[ -f "$data" ]] || bin/bidnn sample-data --out-dir "$work/$name" --rows "$rows" \
      --mod1-size "$d1" --mod2-size "$d2" --only-mod1 0 --only-mod2 0
  bin/bidnn run -v 2 -e "$epochs" "$data" "$work/$name/embedding.svm" "$d1" "$d2" "$hdn" "$rep" \
      2> "$work/$name/run-log.txt"
  report "$work/$name/run-log.txt" "$rows" "$name" "$d1/$d2->$hdn/$rep" run "$work/$name/run-rate"
  taskset -c 0 bin/bidnn run -v 2 -e "$epochs" "$data" "$work/$name/embedding.svm" "$d1" "$d2" "$hdn" "$rep" \
      2> "$work/$name/run-1core-log.txt"
  report "$work/$name/run-1core-log.txt" "$rows" "$name" "$d1/$d2->$hdn/$rep" "run, 1 core" "$work/$name/run-1core-rate"
  for how in "local[1]" "local[2]" "local[2] --workers 2"; do
    local master=${how%% *} extra="" log="$work/$name/train-log-${how//[^a-z0-9]/}.txt"
    [[ "$how" == *--workers* ]] && extra="--workers ${how##* }"
    # shellcheck disable=SC2086
    bin/bidnn train -v 2 -e "$epochs" --master "$master" $extra --input "$data" --mod1-size "$d1" \
        --mod2-size "$d2" --hidden "$hdn" --rep "$rep" --model "$work/$name/train-model.bidnn" 2> "$log"
    local onecore=()
    [[ "$how" == "local[1]" ]] && onecore=("$work/$name/run-1core-rate")
    report "$log" "$rows" "$name" "$d1/$d2->$hdn/$rep" "train $how" "$work/$name/run-rate" "${onecore[@]}"
  done
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1), $(date -u +%F)"
echo "| problem | command | median epoch | rows/s | vs run | Spark per epoch (jobs, shuffle, rounds, bytes and time per round) |"
echo "|---|---|---|---|---|---|"
measure small 8192 100 100 200 200
measure large 1024 100 4096 2048 2048
