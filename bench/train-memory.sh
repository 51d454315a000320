#!/usr/bin/env bash
# Bounded memory of `bidnn train`: a corpus more than 4x the JVM's memory caps trains to the end.
#   corpus: ROWS segments of 100 dense + 8,192 sparse (30% present) features (bench/WideCorpus.java);
#     after the default (standard) scaling every training row is dense, 8,292 floats = 33,168 bytes,
#     so 100,000 rows are 3.3 GB of rows however they are held.
#   caps: heap -Xmx512m; ND4J's off-heap arrays -Dorg.bytedeco.javacpp.maxbytes=256m (heap + off-heap
#     = 768 MiB; 4x = 3.2 GB); and the whole process's resident memory
#     -Dorg.bytedeco.javacpp.maxphysicalbytes=1536m, past which JavaCPP fails the next allocation.
# Trains 2 epochs (hidden 64, embedding 32, batch 128) with --master local[2], the default workers
# (one, trained in the driver) and --workers 2 (two workers, parameter averaging, shards cached by
# Spark), and reports, for each: exit code, wall time, peak resident memory (GNU time's maximum
# resident set size), GC pauses (count and total, from -Xlog:gc) and the epochs' log lines.
# Usage: bench/train-memory.sh [rows]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-100000}"
work=bench/out/memory
mkdir -p "$work"
data="$work/segments-$rows.svm"
[[ -f "$data" ]] || java bench/WideCorpus.java "$data" "$rows" 100 8192 0.3 7
caps="-Xmx512m -Dorg.bytedeco.javacpp.maxbytes=256m -Dorg.bytedeco.javacpp.maxphysicalbytes=1536m"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1), $(date -u '+%F %H:%M UTC')"
echo "corpus: $data, $rows rows, $(du -h "$data" | cut -f1) of text, $(python3 -c "print(f'{$rows * 8292 * 4 / 1e9:.2f}')") GB of training rows (dense floats)"
echo "caps: $caps"
echo
echo "| command | exit | wall | peak RSS | GC pauses | epochs |"
echo "|---|---|---|---|---|---|"
for how in "" "--workers 2"; do
  name="train-local2${how:+-${how//[^a-z0-9]/}}"
  log="$work/$name.log" gc="$work/$name-gc.log" timing="$work/$name-time.txt"
  rm -f "$gc"
  set +e
  # shellcheck disable=SC2086
  BIDNN_JAVA_OPTS="$caps -Xlog:gc:file=$gc" /usr/bin/time -v -o "$timing" bin/bidnn train -v 2 -e 2 \
      --master 'local[2]' $how --input "$data" --mod1-size 100 --mod2-size 8192 --hidden 64 --rep 32 \
      --model "$work/$name.bidnn" 2> "$log"
  code=$?
  set -e
  python3 - "$how" "$code" "$log" "$gc" "$timing" <<'PY'
import re, sys
how, code, log, gc, timing = sys.argv[1:6]
t = open(timing).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
pauses = [float(m) for m in re.findall(r"Pause.* (\d+\.\d+)ms", open(gc).read())]
epochs = "; ".join(re.findall(r"Epoch \d+ of \d+ took \S+", open(log).read())) or open(log).read().strip().splitlines()[-1][:200]
print(f"| train local[2] {how or '(default workers)'} | {code} | {wall} | {rss / 1024:.0f} MiB | "
      f"{len(pauses)}, {sum(pauses) / 1000:.1f} s | {epochs} |")
PY
done
