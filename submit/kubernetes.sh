#!/usr/bin/env bash
# submit/kubernetes.sh: runs a bidnn command on Kubernetes (spark-submit, cluster mode: the driver
# and the executors are pods of the container image BIDNN_K8S_IMAGE).
#
# Usage: submit/kubernetes.sh [--conf FILE] [--dry-run] [--] COMMAND [ARGS...]
#
#   -c, --conf FILE   settings (default conf/job.conf; see there); Spark's settings come from
#                     conf/spark-defaults.conf (BIDNN_SPARK_PROPERTIES)
#   -n, --dry-run     print the spark-submit command instead of running it
#   COMMAND ARGS      the bidnn command line, passed through untouched
#
# spark-submit is $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else the one on PATH.
# Settings used: BIDNN_K8S_MASTER (k8s://https://HOST:PORT, required), BIDNN_K8S_IMAGE (an image
# with Spark 3.5.5 for Scala 2.12 on Java 17 and the jar, e.g. built from submit/k8s/Dockerfile;
# required), BIDNN_K8S_NAMESPACE, BIDNN_K8S_SERVICE_ACCOUNT (may create executor pods),
# BIDNN_K8S_PULL_POLICY, BIDNN_K8S_JAR (the jar inside the image, default
# local:///opt/bidnn/bidnn-spark-submit.jar), BIDNN_NUM_EXECUTORS, BIDNN_EXECUTOR_CORES,
# BIDNN_EXECUTOR_MEMORY, BIDNN_DRIVER_MEMORY, BIDNN_SUBMIT_ARGS.
# Input and output paths must be reachable from the pods (a shared volume, HDFS, S3...).
# With the Spark operator, submit/k8s/bidnn-sparkapplication.yaml is the same job as a manifest.
#
# Example:
#   submit/kubernetes.sh -- embed ...

set -euo pipefail
# shellcheck source=submit/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bidnn_parse_options none "$@"
bidnn_load_settings
master="${BIDNN_K8S_MASTER:?set BIDNN_K8S_MASTER (k8s://https://host:port) in $conf_file}"
[[ "$master" == k8s://* ]] || bidnn_die "BIDNN_K8S_MASTER must start with k8s://, not $master"
image="${BIDNN_K8S_IMAGE:?set BIDNN_K8S_IMAGE (the container image) in $conf_file}"
jar="${BIDNN_K8S_JAR:-local:///opt/bidnn/bidnn-spark-submit.jar}"
bidnn_common_args executors
spark_submit="$(bidnn_spark_submit)"
bidnn_exec "$spark_submit" --master "$master" --deploy-mode cluster \
  --conf "spark.kubernetes.container.image=$image" \
  --conf "spark.kubernetes.container.image.pullPolicy=${BIDNN_K8S_PULL_POLICY:-IfNotPresent}" \
  --conf "spark.kubernetes.namespace=${BIDNN_K8S_NAMESPACE:-default}" \
  --conf "spark.kubernetes.authenticate.driver.serviceAccountName=${BIDNN_K8S_SERVICE_ACCOUNT:-spark}" \
  "${submit_args[@]}" "$jar" "${command_args[@]}"
