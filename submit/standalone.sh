#!/usr/bin/env bash
# submit/standalone.sh: runs a bidnn command on a Spark standalone cluster.
#
# Usage: submit/standalone.sh [--conf FILE] [--deploy-mode client|cluster] [--dry-run] [--] COMMAND [ARGS...]
#
#   -c, --conf FILE          settings (default conf/job.conf; see there); Spark's settings come
#                            from conf/spark-defaults.conf (BIDNN_SPARK_PROPERTIES)
#   -m, --deploy-mode MODE   client: the driver runs here; cluster: on a Worker
#                            (default BIDNN_STANDALONE_DEPLOY_MODE, else client)
#   -n, --dry-run            print the spark-submit command instead of running it
#   COMMAND ARGS             the bidnn command line, passed through untouched
#
# spark-submit is $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else the one on PATH.
# Settings used: BIDNN_STANDALONE_MASTER (spark://host:7077, required), BIDNN_NUM_EXECUTORS and
# BIDNN_EXECUTOR_CORES (asked for as --total-executor-cores), BIDNN_EXECUTOR_MEMORY,
# BIDNN_DRIVER_MEMORY, BIDNN_SUBMIT_ARGS, BIDNN_JAR.
#
# In cluster mode a Worker fetches the jar: BIDNN_JAR must then be a path that exists on every
# Worker, or an hdfs:// or http(s):// URL. Standalone spark-submit exits 0 even when the driver
# fails, so this script waits for the driver and asks the Master's web UI
# (BIDNN_STANDALONE_MASTER_UI, default http://MASTER-HOST:8080) for its final state: the script
# exits 0 only if the driver FINISHED.
#
# Example:
#   submit/standalone.sh --deploy-mode cluster -- embed ...

set -euo pipefail
# shellcheck source=submit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bidnn_parse_options deploy-mode "$@"
bidnn_load_settings
mode="${deploy_mode_option:-${BIDNN_STANDALONE_DEPLOY_MODE:-client}}"
master="${BIDNN_STANDALONE_MASTER:?set BIDNN_STANDALONE_MASTER (spark://host:7077) in $conf_file}"
[[ "$master" == spark://* ]] || bidnn_die "BIDNN_STANDALONE_MASTER must be spark://HOST:PORT, not $master"
bidnn_common_args total-cores
spark_submit="$(bidnn_spark_submit)"
jar="$(bidnn_local_jar)"

if [[ "$mode" == client ]]; then
  bidnn_driver_logging
  bidnn_exec "$spark_submit" --master "$master" --deploy-mode client "${submit_args[@]}" \
    "$jar" "${command_args[@]}"
fi

# Cluster mode: a Worker needs a URL for the jar.
[[ "$jar" == *://* ]] || jar="file://$jar"
command=("$spark_submit" --master "$master" --deploy-mode cluster
  --conf spark.standalone.submit.waitAppCompletion=true "${submit_args[@]}" "$jar" "${command_args[@]}")
if [[ $dry_run -eq 1 ]]; then
  bidnn_print_command "${command[@]}"
  exit 0
fi

log="$(mktemp "${TMPDIR:-/tmp}/bidnn-standalone.XXXXXX")"
trap 'rm -f "$log"' EXIT
set +e
"${command[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
[[ $status -eq 0 ]] || exit "$status"

driver="$(grep -o 'driver-[0-9]\{14\}-[0-9]\{4\}' "$log" | head -n 1 || true)"
[[ -n "$driver" ]] || bidnn_die "no driver id in spark-submit's output: cannot tell whether the job succeeded"
master_host="${master#spark://}"
master_host="${master_host%%:*}"
ui="${BIDNN_STANDALONE_MASTER_UI:-http://$master_host:8080}"
# The Master's JSON lists completed drivers as {"id" : "driver-...", "starttime" : ..., "state" : ...}.
state="$(curl -fsS --max-time 30 "${ui%/}/json/" | tr -d ' \n' \
  | grep -o "\"id\":\"$driver\"[^}]*" | grep -o '"state":"[A-Z]*"' | head -n 1 | cut -d'"' -f4 || true)"
echo "$(basename "$0"): driver $driver ended ${state:-in an unknown state (no answer from $ui)}" >&2
[[ "$state" == FINISHED ]]
