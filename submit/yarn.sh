#!/usr/bin/env bash
# submit/yarn.sh: runs a bidnn command on YARN.
#
# Usage: submit/yarn.sh [--conf FILE] [--deploy-mode client|cluster] [--dry-run] [--] COMMAND [ARGS...]
#
#   -c, --conf FILE          settings (default conf/job.conf; see there); Spark's settings come
#                            from conf/spark-defaults.conf (BIDNN_SPARK_PROPERTIES)
#   -m, --deploy-mode MODE   client: the driver runs here; cluster: in the application master's
#                            container (default BIDNN_YARN_DEPLOY_MODE, else cluster)
#   -n, --dry-run            print the spark-submit command instead of running it
#   COMMAND ARGS             the bidnn command line, passed through untouched
#
# spark-submit is $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else the one on PATH.
# It finds the cluster through HADOOP_CONF_DIR (or YARN_CONF_DIR), from the environment or from
# BIDNN_HADOOP_CONF_DIR. Other settings used: BIDNN_YARN_QUEUE, BIDNN_NUM_EXECUTORS,
# BIDNN_EXECUTOR_CORES, BIDNN_EXECUTOR_MEMORY, BIDNN_DRIVER_MEMORY, BIDNN_SUBMIT_ARGS, BIDNN_JAR.
# In cluster mode spark-submit waits for the application and exits non-zero if it failed.
#
# Example:
#   submit/yarn.sh --deploy-mode cluster -- train ...

set -euo pipefail
# shellcheck source=submit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bidnn_parse_options deploy-mode "$@"
bidnn_load_settings
mode="${deploy_mode_option:-${BIDNN_YARN_DEPLOY_MODE:-cluster}}"
if [[ -z "${HADOOP_CONF_DIR:-}" && -z "${YARN_CONF_DIR:-}" ]]; then
  if [[ -n "${BIDNN_HADOOP_CONF_DIR:-}" ]]; then
    export HADOOP_CONF_DIR="$BIDNN_HADOOP_CONF_DIR"
  elif [[ $dry_run -eq 0 ]]; then
    bidnn_die "set HADOOP_CONF_DIR (or BIDNN_HADOOP_CONF_DIR in $conf_file) to the folder of the cluster's yarn-site.xml"
  fi
fi
bidnn_common_args executors
[[ -z "${BIDNN_YARN_QUEUE:-}" ]] || submit_args=(--queue "$BIDNN_YARN_QUEUE" "${submit_args[@]}")
[[ "$mode" == cluster ]] || bidnn_driver_logging
spark_submit="$(bidnn_spark_submit)"
jar="$(bidnn_local_jar)"
bidnn_exec "$spark_submit" --master yarn --deploy-mode "$mode" "${submit_args[@]}" \
  "$jar" "${command_args[@]}"
