#!/usr/bin/env bash
# submit/local.sh: runs a bidnn command with spark-submit on this machine (master local[*]).
#
# Usage: submit/local.sh [--conf FILE] [--dry-run] [--] COMMAND [ARGS...]
#
#   -c, --conf FILE   settings (default conf/job.conf; see there); Spark's settings come from
#                     conf/spark-defaults.conf (BIDNN_SPARK_PROPERTIES)
#   -n, --dry-run     print the spark-submit command instead of running it
#   COMMAND ARGS      the bidnn command line, passed through untouched (bidnn --help lists them)
#
# spark-submit is $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else the one on PATH.
# The job runs from target/bidnn-spark-submit.jar (mvn -B -ntp -q package -DskipTests).
# Settings used: BIDNN_LOCAL_MASTER (default local[*]), BIDNN_DRIVER_MEMORY, BIDNN_SUBMIT_ARGS.
#
# Example:
#   submit/local.sh -- run -e 100 -n data-samples/segments.svm out/embedding.svm 100 100 128 64

set -euo pipefail
# shellcheck source=submit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bidnn_parse_options none "$@"
bidnn_load_settings
bidnn_common_args none
bidnn_driver_logging
spark_submit="$(bidnn_spark_submit)"
jar="$(bidnn_local_jar)"
bidnn_exec "$spark_submit" --master "${BIDNN_LOCAL_MASTER:-local[*]}" "${submit_args[@]}" \
  "$jar" "${command_args[@]}"
