# shellcheck shell=bash
# Shared by the scripts of submit/ (sourced by them, not run): their options, the settings file,
# finding spark-submit, and running it (or printing it, with --dry-run).
#
# Precedence of settings: command-line options, then BIDNN_* variables of the environment, then
# the settings file (conf/job.conf unless --conf FILE), then the scripts' defaults.

BIDNN_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
default_main_class=org.bidnn.cli.BidnnCli

conf_file="$BIDNN_HOME/conf/job.conf"
dry_run=0
deploy_mode_option=""
command_args=()

bidnn_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# The script's own header comment (its comment lines after the #! line), as its help.
bidnn_usage() {
  sed -n '2,/^[^#]/{/^#/{s/^# \{0,1\}//;p}}' "$0"
}

# Reads the options before the bidnn command. $1: "deploy-mode" if the script takes --deploy-mode.
# Sets conf_file, dry_run, deploy_mode_option and command_args (the bidnn command and its
# arguments, passed through untouched).
bidnn_parse_options() {
  local takes_deploy_mode="$1"
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -c|--conf)
        [[ $# -ge 2 ]] || bidnn_die "$1 needs a file"
        conf_file="$2"; shift 2 ;;
      --conf=*) conf_file="${1#--conf=}"; shift ;;
      -n|--dry-run) dry_run=1; shift ;;
      -m|--deploy-mode|--deploy-mode=*)
        [[ "$takes_deploy_mode" == deploy-mode ]] || bidnn_die "$1: this script has one deploy mode"
        if [[ "$1" == --deploy-mode=* ]]; then deploy_mode_option="${1#--deploy-mode=}"; shift
        else [[ $# -ge 2 ]] || bidnn_die "$1 needs client or cluster"; deploy_mode_option="$2"; shift 2; fi
        [[ "$deploy_mode_option" == client || "$deploy_mode_option" == cluster ]] \
          || bidnn_die "deploy mode must be client or cluster, not '$deploy_mode_option'" ;;
      -h|--help) bidnn_usage; exit 0 ;;
      --) shift; break ;;
      -*) bidnn_die "unknown option $1 (see --help)" ;;
      *) break ;;
    esac
  done
  command_args=("$@")
  [[ ${#command_args[@]} -gt 0 ]] || bidnn_die "no bidnn command given, e.g. '$(basename "$0") -- train ...' (see --help)"
}

# Sources the settings file; BIDNN_* variables already set (the environment's) keep their value.
bidnn_load_settings() {
  [[ -f "$conf_file" ]] || bidnn_die "no settings file $conf_file"
  local names saved=""
  names="$(compgen -v BIDNN_ || true)"
  if [[ -n "$names" ]]; then
    # shellcheck disable=SC2086
    saved="$(declare -p $names | sed 's/^declare /declare -g /')"
  fi
  # shellcheck source=/dev/null
  source "$conf_file"
  eval "$saved"
  [[ -v BIDNN_SUBMIT_ARGS ]] || BIDNN_SUBMIT_ARGS=()
}

# An absolute path: relative paths are taken from the project folder.
bidnn_path() {
  if [[ "$1" == /* || "$1" == *://* ]]; then echo "$1"; else echo "$BIDNN_HOME/$1"; fi
}

# spark-submit of $SPARK_HOME when set, else the one on PATH.
bidnn_spark_submit() {
  if [[ -n "${SPARK_HOME:-}" ]]; then
    [[ -x "$SPARK_HOME/bin/spark-submit" || $dry_run -eq 1 ]] \
      || bidnn_die "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
    echo "$SPARK_HOME/bin/spark-submit"
  elif command -v spark-submit >/dev/null 2>&1; then
    command -v spark-submit
  elif [[ $dry_run -eq 1 ]]; then
    echo spark-submit
  else
    bidnn_die "spark-submit not found: set SPARK_HOME to a Spark 3.5 installation (Scala 2.12) or put spark-submit on PATH"
  fi
}

# The local jar to submit (BIDNN_JAR, default target/bidnn-spark-submit.jar), checked.
bidnn_local_jar() {
  local jar
  jar="$(bidnn_path "${BIDNN_JAR:-target/bidnn-spark-submit.jar}")"
  if [[ "$jar" != *://* && ! -f "$jar" && $dry_run -eq 0 ]]; then
    bidnn_die "$jar is missing: build it with 'mvn -B -ntp -q package -DskipTests' in $BIDNN_HOME"
  fi
  echo "$jar"
}

# The value of a key in a Spark properties file ($1), or nothing.
bidnn_property() {
  [[ -f "$1" ]] || return 0
  sed -n "s/^[[:space:]]*$2[[:space:]=:][[:space:]]*//p" "$1" | tail -n 1
}

# spark-submit arguments every script passes: name, main class, Spark settings file, resources,
# BIDNN_SUBMIT_ARGS. $1: how the number of executors is asked for (executors, total-cores, none).
# Fills the array submit_args.
bidnn_common_args() {
  local executors_as="$1"
  local props
  props="$(bidnn_path "${BIDNN_SPARK_PROPERTIES:-conf/spark-defaults.conf}")"
  [[ -f "$props" || $dry_run -eq 1 ]] || bidnn_die "no Spark settings file $props"
  submit_args=(--name "${BIDNN_APP_NAME:-bidnn}-${command_args[0]}"
    --class "${BIDNN_MAIN_CLASS:-$default_main_class}"
    --properties-file "$props")
  [[ -z "${BIDNN_DRIVER_MEMORY:-}" ]] || submit_args+=(--driver-memory "$BIDNN_DRIVER_MEMORY")
  [[ -z "${BIDNN_EXECUTOR_MEMORY:-}" ]] || submit_args+=(--executor-memory "$BIDNN_EXECUTOR_MEMORY")
  [[ -z "${BIDNN_EXECUTOR_CORES:-}" ]] || submit_args+=(--executor-cores "$BIDNN_EXECUTOR_CORES")
  if [[ -n "${BIDNN_NUM_EXECUTORS:-}" ]]; then
    case "$executors_as" in
      executors) submit_args+=(--num-executors "$BIDNN_NUM_EXECUTORS") ;;
      total-cores)
        local cores="${BIDNN_EXECUTOR_CORES:-$(bidnn_property "$props" spark.executor.cores)}"
        submit_args+=(--total-executor-cores "$((BIDNN_NUM_EXECUTORS * ${cores:-1}))") ;;
      none) ;;
    esac
  fi
  submit_args+=("${BIDNN_SUBMIT_ARGS[@]}")
}

# In client and local mode the driver runs here: its log4j settings are conf/log4j2.properties
# (BIDNN_DRIVER_LOG4J), given through SPARK_SUBMIT_OPTS, which spark-submit adds to the driver's
# JVM without replacing spark.driver.extraJavaOptions. In cluster mode spark-submit keeps Spark's
# own logging, which reports the application's id and state.
bidnn_driver_logging() {
  local log4j="${BIDNN_DRIVER_LOG4J-conf/log4j2.properties}"
  [[ -n "$log4j" ]] || return 0
  local file
  file="$(bidnn_path "$log4j")"
  export SPARK_SUBMIT_OPTS="${SPARK_SUBMIT_OPTS:+$SPARK_SUBMIT_OPTS }-Dlog4j2.configurationFile=$file"
}

# Prints the command (--dry-run), shell-quoted on one line, SPARK_SUBMIT_OPTS first if set.
bidnn_print_command() {
  local line=""
  [[ -z "${SPARK_SUBMIT_OPTS:-}" ]] || line="SPARK_SUBMIT_OPTS=$(printf '%q' "$SPARK_SUBMIT_OPTS") "
  line+="$(printf '%q ' "$@")"
  echo "${line% }"
}

# Runs the command, or prints it with --dry-run.
bidnn_exec() {
  if [[ $dry_run -eq 1 ]]; then
    bidnn_print_command "$@"
    exit 0
  fi
  exec "$@"
}
