package org.bidnn.eval;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.evaluation.RankingMetrics;
import scala.Tuple3;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Spark MLlib's {@link RankingMetrics} over judged rankings, in its graded form (Spark 3.4+): each
 * query is (ranked ids, relevant ids, their relevances), the relevant ids most relevant first, as
 * its nDCG reads the ideal ranking in that order. P@k and MAP see only the relevant ids, so graded
 * and binary judgments give the same P@k and MAP, and binary judgments the same nDCG as Spark's
 * binary form.
 */
public final class SparkRankingMetrics {

    private static final ClassTag<String> STRING = ClassTag$.MODULE$.apply(String.class);

    private SparkRankingMetrics() {
    }

    /** The metrics of {@code rankings}, distributed over {@code sc}. */
    public static RankingMetrics<String> of(JavaSparkContext sc, List<JudgedRanking> rankings) {
        List<Tuple3<String[], String[], double[]>> triples = new ArrayList<>(rankings.size());
        for (JudgedRanking r : rankings) {
            List<String> relevant = r.relevantByRelevance();
            double[] relevance = relevant.stream().mapToDouble(id -> r.relevance().get(id)).toArray();
            triples.add(new Tuple3<>(r.ranking().toArray(new String[0]), relevant.toArray(new String[0]), relevance));
        }
        int slices = Math.max(1, Math.min(sc.defaultParallelism(), rankings.size()));
        JavaRDD<Tuple3<String[], String[], double[]>> rows = sc.parallelize(triples, slices);
        return new RankingMetrics<>(rows.rdd(), STRING);
    }
}
