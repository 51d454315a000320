"""Nightly re-embedding of the corpus, as an Apache Airflow DAG.

The Airflow counterpart of submit/nightly.sh (its header has the crontab line) and of
submit/k8s/bidnn-scheduledsparkapplication.yaml. Every night at 02:30 it runs, one after the other:

  latest   bidnn nightly-publish --latest: the date ROOT/latest names (the last published run)
  embed    bidnn embed ... --output ROOT/<date> --incremental ROOT/<that date>: only the segments
           that are new or changed since then are embedded, the others carried over
  publish  bidnn nightly-publish --keep 7: checks ROOT/<date>/_SUCCESS, points ROOT/latest at it
           and deletes all but the 7 newest dated folders

which is what nightly.sh does for a root on HDFS, where ROOT/latest is a file holding the date:
readers read ROOT/latest, then ROOT/<that date>.

Needs Airflow 2.4 or later and apache-airflow-providers-apache-spark. Copy this file into the DAGs
folder; on the scheduler and on every worker:
  - the spark-submit jar at /opt/bidnn/bidnn-spark-submit.jar (mvn package builds it) and
    conf/spark-defaults.conf at /opt/bidnn/conf/spark-defaults.conf (or BIDNN_SPARK_PROPERTIES
    naming it): this file reads it when Airflow parses it;
  - spark-submit on the PATH, and HADOOP_CONF_DIR for YARN and HDFS;
  - two Airflow connections of type spark, for example as environment variables:
      AIRFLOW_CONN_BIDNN_SPARK='{"conn_type": "spark", "host": "yarn", "extra": {"deploy-mode": "cluster"}}'
      AIRFLOW_CONN_BIDNN_SPARK_LOCAL='{"conn_type": "spark", "host": "local[1]"}'
    the cluster for the embedding, and this machine for the publish step, which only reads and
    writes a few small files of ROOT (nightly.sh runs it in local[1] too).
"""
import os
import shlex
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.trigger import CronTriggerTimetable

JAR = "/opt/bidnn/bidnn-spark-submit.jar"
MAIN_CLASS = "org.bidnn.cli.BidnnCli"
# The job of conf/job.conf's "nightly.sh" section, with the root as a Hadoop file system URI: there
# 'latest' is a file that nightly-publish writes (a local root is nightly.sh's, with a symlink).
ROOT = "hdfs:///data/bidnn/embeddings"
MODEL = "/data/bidnn/model.bidnn"
CORPUS = "/data/bidnn/corpus"
KEEP = "7"
SPARK_PROPERTIES = os.environ.get("BIDNN_SPARK_PROPERTIES", "/opt/bidnn/conf/spark-defaults.conf")


def spark_properties(path):
    """The settings of a Spark properties file ("key value" lines, # comments) as a dict."""
    props = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key_value = line.split(None, 1)
                props[key_value[0]] = key_value[1].strip() if len(key_value) > 1 else ""
    return props


# The Spark settings of every bidnn job, read from conf/spark-defaults.conf rather than copied: Kryo
# with ND4J's and the project's registrators, heap and memoryOverhead sized for ND4J's off-heap
# arrays, OMP_NUM_THREADS, and the Java 17 --add-opens list in the driver, executor and YARN AM
# extraJavaOptions. Given as --conf (the operator's conf), not --properties-file, so that the
# cluster's own $SPARK_HOME/conf/spark-defaults.conf still applies beneath them. A missing file
# fails the import of this DAG, visibly, instead of a night's run without the JVM options.
SPARK_CONF = spark_properties(SPARK_PROPERTIES)

with DAG(
    dag_id="bidnn_nightly",
    doc_md=__doc__,
    # 02:30 as the crontab line, in UTC (cron uses the machine's zone: name it here to match). A
    # trigger timetable makes {{ ds }} the date of the night the run starts (nightly.sh's
    # `date +%F`), not the start of the previous day's interval.
    schedule=CronTriggerTimetable("30 2 * * *", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    # Each run embeds the corpus as it is now: missed nights are not worth re-running.
    catchup=False,
    # One night at a time, as nightly.sh's lock: a run reads the folder the previous one published.
    max_active_runs=1,
    default_args={
        # A lost executor host or a busy NameNode should not cost the night; every step can be
        # run again (embed replaces its own date's unpublished folder, publish is idempotent).
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
    },
    tags=["bidnn"],
) as dag:
    # The last published date, pushed to XCom as the task's last line of output (empty before the
    # first run). SparkSubmitOperator pushes nothing to XCom, hence spark-submit from bash, as
    # nightly.sh runs it: on this machine, with the same properties file. Spark logs to stderr and
    # the date alone goes to stdout, captured by $(...) and echoed last.
    latest = BashOperator(
        task_id="latest",
        bash_command=(
            "set -euo pipefail; "
            f"latest=$(spark-submit --master 'local[1]' --name bidnn-nightly-latest --class {MAIN_CLASS} "
            f"--properties-file {shlex.quote(SPARK_PROPERTIES)} --conf spark.ui.enabled=false "
            f"{JAR} nightly-publish --root {ROOT} --date {{{{ ds }}}} --latest | tail -n 1); "
            '[[ -z "$latest" || "$latest" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] '
            '|| { echo "nightly-publish --latest printed $latest, not a date" >&2; exit 1; }; '
            'echo "$latest"'
        ),
    )

    embed = SparkSubmitOperator(
        task_id="embed",
        conn_id="bidnn_spark",
        application=JAR,
        java_class=MAIN_CLASS,
        name="bidnn-embed",
        conf=SPARK_CONF,
        application_args=[
            "embed", "--model", MODEL, "--input", CORPUS,
            "--output", ROOT + "/{{ ds }}",
            # A retry, or a run cleared and run again, replaces this date's folder instead of
            # failing on it; the new output replaces the old one only once it is complete.
            "--overwrite",
            # ROOT/none before the first run, as in nightly.sh: then every segment is embedded.
            "--incremental", ROOT + "/{{ ti.xcom_pull(task_ids='latest') or 'none' }}",
        ],
        # A hung job must not hold back the following nights (max_active_runs=1) for ever; on
        # timeout the operator kills the Spark application.
        execution_timeout=timedelta(hours=20),
    )

    publish = SparkSubmitOperator(
        task_id="publish",
        conn_id="bidnn_spark_local",
        application=JAR,
        java_class=MAIN_CLASS,
        name="bidnn-nightly-publish",
        conf={**SPARK_CONF, "spark.ui.enabled": "false"},
        application_args=["nightly-publish", "--root", ROOT, "--date", "{{ ds }}", "--keep", KEEP],
    )

    latest >> embed >> publish
