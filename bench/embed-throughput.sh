#!/usr/bin/env bash
# Embedding throughput of `bidnn embed` (rows/s) in Spark local[*], on the README-scale problem:
#   100/4096 features -> hdnsize 2048, repsize 2048 (about 21M parameters).
# Data: a synthetic corpus from `bidnn sample-data` (default availability: some rows miss a modality).
# Model: untrained (`bidnn run -e 0`): inference costs the same whatever the weights.
# rows/s = rows written / the job's own time (reading, embedding, writing, publishing; not the JVM,
# Spark start-up or model loading), as `embed -v 2` reports it; median of the runs, and the
# command's wall-clock time for reference. Usage: bench/embed-throughput.sh [runs] [rows]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
rows="${2:-4096}"
work=bench/out/embed
mkdir -p "$work"

[[ -f "$work/segments-$rows/segments.svm" ]] || bin/bidnn sample-data --out-dir "$work/segments-$rows" \
    --rows "$rows" --mod1-size 100 --mod2-size 4096
[[ -f "$work/model.bidnn" ]] || bin/bidnn run -v 0 -e 0 -s "$work/model.bidnn" \
    "$work/segments-$rows/segments.svm" "$work/run-output.svm" 100 4096 2048 2048

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  bin/bidnn embed -v 2 --master 'local[*]' --model "$work/model.bidnn" --input "$work/segments-$rows/segments.svm" \
      --output "$work/embedding" --overwrite 2> "$work/log-$i.txt"
  end=$(date +%s.%N)
  echo "$start $end" > "$work/wall-$i.txt"
done
python3 - "$work" "$runs" <<'PY'
import re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
rates, jobs, walls, written = [], [], [], None
for i in range(1, runs + 1):
    m = re.search(r"Wrote (\d+) segments to .* in (\d+\.\d+)s \((\d+\.\d+) segments/s\)", open(f"{work}/log-{i}.txt").read())
    written, job, rate = int(m.group(1)), float(m.group(2)), float(m.group(3))
    start, end = map(float, open(f"{work}/wall-{i}.txt").read().split())
    rates.append(rate); jobs.append(job); walls.append(end - start)
print(f"100/4096 -> 2048/2048  rows {written}  job {statistics.median(jobs):.3f}s  "
      f"{statistics.median(rates):.1f} rows/s  (runs {runs}: {', '.join(f'{r:.1f}' for r in rates)} rows/s; "
      f"wall-clock {statistics.median(walls):.1f}s)")
PY
