package org.bidnn.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.Storage;

/**
 * The one place that starts Spark for the job's commands.
 *
 * <p>Under {@code spark-submit} the master and everything else come from the submission and are
 * left alone. Started from {@code bin/bidnn} (no {@code spark.master} set), the job runs embedded in
 * {@code local[*]}, or on the master given with {@code --master}. ND4J arrays travel through Kryo
 * with ND4J's registrator, their data copied in bulk ({@link NdArrayKryoRegistrator}, after ND4J's
 * so that it wins), and the project's records with {@link RecordKryoRegistrator}.
 */
public final class SparkSessions {

    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {
    }

    /**
     * @param master master URL from the command line, or null to use the submission's (or local[*])
     */
    public static SparkSession getOrCreate(String appName, String master) {
        SparkConf conf = new SparkConf(true);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.app.name", appName);
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.setIfMissing("spark.kryo.registrator",
                "org.nd4j.kryo.Nd4jRegistrator," + NdArrayKryoRegistrator.class.getName() + ","
                        + RecordKryoRegistrator.class.getName());
        if (conf.get("spark.master").startsWith("local")) {
            // Embedded runs stay on this machine: no web UI, and the driver binds to loopback.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** The files of the job as {@code spark}'s executors and readers see them. */
    public static Storage storage(SparkSession spark) {
        return Storage.of(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * The files of the job as a session would see them, before there is one (a job configuration is
     * read before the session it configures starts) or without one ({@code bidnn run}): Spark's own
     * construction of the Hadoop configuration, from the classpath's {@code core-site.xml} and
     * {@code hdfs-site.xml} (spark-submit puts {@code HADOOP_CONF_DIR} there) and the
     * {@code spark.hadoop.*} settings of the submission.
     */
    public static Storage storageWithoutSession() {
        return Storage.of(SparkHadoopUtil.get().newConfiguration(new SparkConf(true)));
    }
}
