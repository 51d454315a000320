#!/usr/bin/env bash
# submit/nightly.sh: re-embeds the corpus into a dated folder, for cron. Runs the command
# BIDNN_NIGHTLY_ARGS (normally bidnn embed with the current model and corpus) through the submit
# script BIDNN_NIGHTLY_SUBMIT (yarn, standalone, kubernetes or local), writing to
# BIDNN_NIGHTLY_OUTPUT_ROOT/YYYY-MM-DD; then checks the job's _SUCCESS marker, points
# BIDNN_NIGHTLY_OUTPUT_ROOT/latest at the new folder (an atomic rename: readers see the old
# embedding or the new one, never a partial one) and deletes all but the BIDNN_NIGHTLY_KEEP
# (default 7) newest dated folders.
#
# The root may be a local (or NFS) folder, where latest is a symbolic link, or a URI of HDFS or
# another Hadoop file system (hdfs://, s3a://, viewfs://), where latest is a file holding the
# date (HDFS has no symbolic links): there the checks, the pointer and the pruning are done by
# 'bidnn nightly-publish' through Hadoop's FileSystem, run on this machine with spark-submit
# (local[1], the same HADOOP_CONF_DIR as the job). A reader of such a root reads ROOT/latest,
# then ROOT/<date>.
#
# Usage: submit/nightly.sh [--conf FILE] [--date YYYY-MM-DD] [--dry-run]
#
#   -c, --conf FILE   settings (default conf/job.conf, section "nightly"; the submit script reads
#                     the same file)
#   --date DATE       the folder's date (default: today); re-running a date whose folder has
#                     _SUCCESS does nothing
#   -n, --dry-run     print the spark-submit command and what would follow, change nothing
#
# In BIDNN_NIGHTLY_ARGS, @OUTPUT@ becomes the dated folder, @DATE@ the date, and @PREVIOUS@ the
# folder 'latest' names (ROOT/none before the first run), for 'embed --incremental @PREVIOUS@',
# which embeds only the segments that are new or changed since then. A lock
# (.nightly.lock in a local output root, else in $TMPDIR, or BIDNN_NIGHTLY_LOCK) keeps two runs of
# this machine from overlapping.
# With BIDNN_NIGHTLY_ANCHORS and BIDNN_NIGHTLY_QRELS set (judgments of the corpus), once the night
# is published it is also evaluated: 'bidnn rank' of the anchors (BIDNN_NIGHTLY_RANK_ARGS) into
# DATE/_bidnn/rankings.tsv, then 'bidnn evaluate --summary', which adds P@k and MAP (k =
# BIDNN_NIGHTLY_EVAL_K, default 10) to DATE/_bidnn/summary.json (needs embed --incremental, which
# writes it) and logs the summary line again with them.
# Exits non-zero if the job failed (cron then mails the output, if MAILTO is set), or if the
# evaluation failed (the night's embedding is published all the same).
#
# Crontab line (every night at 02:30; cron's environment is minimal, so give SPARK_HOME, and
# HADOOP_CONF_DIR for YARN, there or in the settings file):
#   30 2 * * * SPARK_HOME=/opt/spark HADOOP_CONF_DIR=/etc/hadoop/conf /opt/bidnn/submit/nightly.sh --conf /opt/bidnn/conf/job.conf >> /var/log/bidnn/nightly.log 2>&1

set -euo pipefail
# shellcheck source=submit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

day="$(date +%Y-%m-%d)"
options=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -c|--conf) [[ $# -ge 2 ]] || bidnn_die "$1 needs a file"; conf_file="$2"; shift 2 ;;
    --conf=*) conf_file="${1#--conf=}"; shift ;;
    --date) [[ $# -ge 2 ]] || bidnn_die "--date needs YYYY-MM-DD"; day="$2"; shift 2 ;;
    --date=*) day="${1#--date=}"; shift ;;
    -n|--dry-run) dry_run=1; options+=(--dry-run); shift ;;
    -h|--help) bidnn_usage; exit 0 ;;
    *) bidnn_die "unknown argument $1 (see --help)" ;;
  esac
done
[[ "$day" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || bidnn_die "--date must be YYYY-MM-DD, not $day"
bidnn_load_settings

root="${BIDNN_NIGHTLY_OUTPUT_ROOT:?set BIDNN_NIGHTLY_OUTPUT_ROOT in $conf_file}"
[[ -v BIDNN_NIGHTLY_ARGS && ${#BIDNN_NIGHTLY_ARGS[@]} -gt 0 ]] || bidnn_die "set BIDNN_NIGHTLY_ARGS in $conf_file"
target="${BIDNN_NIGHTLY_SUBMIT:-yarn}"
script="$BIDNN_HOME/submit/$target.sh"
[[ "$target" =~ ^(yarn|standalone|kubernetes|local)$ && -x "$script" ]] \
  || bidnn_die "BIDNN_NIGHTLY_SUBMIT must be yarn, standalone, kubernetes or local, not $target"
# A root without a scheme (or file://) is a folder of this machine: _SUCCESS and latest are handled here.
local_root=""
case "$root" in
  file://*) local_root="${root#file://}" ;;
  *://*) ;;
  *) local_root="$root" ;;
esac
output="${root%/}/$day"

log() { echo "$(date '+%F %T') nightly: $*" >&2; }

# Judgments: both or neither.
anchors="${BIDNN_NIGHTLY_ANCHORS:-}"
qrels="${BIDNN_NIGHTLY_QRELS:-}"
[[ -z "$anchors" && -z "$qrels" || -n "$anchors" && -n "$qrels" ]] \
  || bidnn_die "set both BIDNN_NIGHTLY_ANCHORS and BIDNN_NIGHTLY_QRELS (to evaluate each night), or neither"
eval_k="${BIDNN_NIGHTLY_EVAL_K:-10}"
[[ "$eval_k" =~ ^[1-9][0-9]*$ ]] || bidnn_die "BIDNN_NIGHTLY_EVAL_K must be a positive number, not $eval_k"
if [[ -v BIDNN_NIGHTLY_RANK_ARGS && ${#BIDNN_NIGHTLY_RANK_ARGS[@]} -gt 0 ]]; then
  rank_args=("${BIDNN_NIGHTLY_RANK_ARGS[@]}")
else
  rank_args=(--all-targets --k 1000)
fi

# Ranks the anchors on the night's output and adds P@k and MAP to its summary (when judgments are set).
evaluate_night() {
  [[ -n "$anchors" ]] || return 0
  local state="$output/_bidnn" format=() i
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
      --format) format=(--format "${args[i + 1]:-}") ;;
      --format=*) format=(--format "${args[i]#--format=}") ;;
    esac
  done
  log "evaluating $output against $qrels"
  "$script" --conf "$conf_file" "${options[@]}" -- rank --embeddings "$output" "${format[@]}" --anchors "$anchors" \
    "${rank_args[@]}" --output "$state/rankings.tsv" --overwrite \
    && "$script" --conf "$conf_file" "${options[@]}" -- evaluate --rankings "$state/rankings.tsv" --qrels "$qrels" \
      --k "$eval_k" --report "$state/evaluation.json" --summary "$state/summary.json" \
    || { log "the evaluation of $output failed (see above); the embedding is published"; exit 1; }
}

# bidnn nightly-publish on the (remote) root and this date, with the given options.
nightly_publish() (
  local spark_submit jar props
  bidnn_driver_logging
  spark_submit="$(bidnn_spark_submit)"
  jar="$(bidnn_path "${BIDNN_NIGHTLY_TOOL_JAR:-target/bidnn-spark-submit.jar}")"
  props="$(bidnn_path "${BIDNN_SPARK_PROPERTIES:-conf/spark-defaults.conf}")"
  "$spark_submit" --master 'local[1]' --name bidnn-nightly-publish --class "$default_main_class" \
    --properties-file "$props" --conf spark.ui.enabled=false \
    "$jar" nightly-publish --root "$root" --date "$day" "$@"
)
keep="${BIDNN_NIGHTLY_KEEP:-7}"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || bidnn_die "BIDNN_NIGHTLY_KEEP must be a positive number, not $keep"

if [[ -n "$local_root" && -e "$local_root/$day/_SUCCESS" ]]; then
  log "$output already complete (_SUCCESS), nothing to do"
  exit 0
fi
if [[ -z "$local_root" && $dry_run -eq 0 && "$(nightly_publish --status | tail -n 1)" == complete ]]; then
  log "$output already complete (_SUCCESS), nothing to do"
  exit 0
fi

# The last published run, for @PREVIOUS@.
if [[ -n "$local_root" ]]; then
  previous_day="$(readlink "$local_root/latest" 2>/dev/null || true)"
elif [[ $dry_run -eq 0 ]]; then
  previous_day="$(nightly_publish --latest | tail -n 1)"
else
  previous_day="LATEST"
fi
previous="${root%/}/${previous_day:-none}"
args=()
for a in "${BIDNN_NIGHTLY_ARGS[@]}"; do
  a="${a//@OUTPUT@/$output}"
  a="${a//@PREVIOUS@/$previous}"
  args+=("${a//@DATE@/$day}")
done

if [[ $dry_run -eq 0 && -n "$local_root" ]]; then
  mkdir -p "$local_root"
fi
lock="${BIDNN_NIGHTLY_LOCK:-${local_root:-${TMPDIR:-/tmp}}/.nightly.lock}"
if [[ $dry_run -eq 0 ]]; then
  exec 9>"$lock"
  flock -n 9 || bidnn_die "another nightly run holds $lock"
fi

log "embedding into $output with submit/$target.sh"
"$script" --conf "$conf_file" "${options[@]}" -- "${args[@]}"

if [[ $dry_run -eq 1 ]]; then
  echo "then: check $output/_SUCCESS, point ${root%/}/latest at $day, keep the $keep newest dated folders"
  evaluate_night
  exit 0
fi
if [[ -z "$local_root" ]]; then
  published="$(nightly_publish --keep "$keep")" || bidnn_die "could not publish $output (see above)"
  while read -r line; do log "$line"; done <<< "$published"
  evaluate_night
  exit 0
fi
[[ -e "$local_root/$day/_SUCCESS" ]] || bidnn_die "the job ended without writing $local_root/$day/_SUCCESS"
ln -sfn "$day" "$local_root/.latest.tmp"
mv -T "$local_root/.latest.tmp" "$local_root/latest"
log "latest -> $day"

mapfile -t old < <(find "$local_root" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
  -printf '%f\n' | sort -r | tail -n +"$((keep + 1))")
for d in "${old[@]}"; do
  [[ "$d" != "$day" ]] || continue
  rm -rf -- "${local_root:?}/$d"
  log "removed $d"
done
evaluate_night
