#!/usr/bin/env bash
# submit/nightly.sh: re-embeds the corpus into a dated folder, for cron. Runs the command
# BIDNN_NIGHTLY_ARGS (normally bidnn embed with the current model and corpus) through the submit
# script BIDNN_NIGHTLY_SUBMIT (yarn, standalone, kubernetes or local), writing to
# BIDNN_NIGHTLY_OUTPUT_ROOT/YYYY-MM-DD; then, when that root is a local (or NFS) folder, checks
# the job's _SUCCESS marker, points BIDNN_NIGHTLY_OUTPUT_ROOT/latest at the new folder (an atomic
# rename: readers see the old embedding or the new one, never a partial one) and deletes all
# but the BIDNN_NIGHTLY_KEEP (default 7) newest dated folders.
#
# Usage: submit/nightly.sh [--conf FILE] [--date YYYY-MM-DD] [--dry-run]
#
#   -c, --conf FILE   settings (default conf/job.conf, section "nightly"; the submit script reads
#                     the same file)
#   --date DATE       the folder's date (default: today); re-running a date whose folder has
#                     _SUCCESS does nothing
#   -n, --dry-run     print the spark-submit command and what would follow, change nothing
#
# In BIDNN_NIGHTLY_ARGS, @OUTPUT@ becomes the dated folder and @DATE@ the date. A lock
# (.nightly.lock in the output root, or BIDNN_NIGHTLY_LOCK) keeps two runs from overlapping.
# Exits non-zero if the job failed (cron then mails the output, if MAILTO is set).
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
args=()
for a in "${BIDNN_NIGHTLY_ARGS[@]}"; do
  a="${a//@OUTPUT@/$output}"
  args+=("${a//@DATE@/$day}")
done

log() { echo "$(date '+%F %T') nightly: $*" >&2; }

if [[ -n "$local_root" && -e "$local_root/$day/_SUCCESS" ]]; then
  log "$output already complete (_SUCCESS), nothing to do"
  exit 0
fi

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

if [[ -z "$local_root" ]]; then
  log "done: $output (not a local folder: _SUCCESS and 'latest' are left to the readers)"
  exit 0
fi
if [[ $dry_run -eq 1 ]]; then
  echo "then: check $local_root/$day/_SUCCESS, point $local_root/latest at $day, keep the ${BIDNN_NIGHTLY_KEEP:-7} newest dated folders"
  exit 0
fi
[[ -e "$local_root/$day/_SUCCESS" ]] || bidnn_die "the job ended without writing $local_root/$day/_SUCCESS"
ln -sfn "$day" "$local_root/.latest.tmp"
mv -T "$local_root/.latest.tmp" "$local_root/latest"
log "latest -> $day"

keep="${BIDNN_NIGHTLY_KEEP:-7}"
mapfile -t old < <(find "$local_root" -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
  -printf '%f\n' | sort -r | tail -n +"$((keep + 1))")
for d in "${old[@]}"; do
  [[ "$d" != "$day" ]] || continue
  rm -rf -- "${local_root:?}/$d"
  log "removed $d"
done
