package org.bidnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.Scaling;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.factory.Nd4j;

/** The scaling statistics from MLlib's Summarizer on Spark are those of the local fit. */
@ExtendWith(SharedSpark.class)
class ScalingFitTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    @Test
    void summarizerOnSparkEqualsTheLocalFit() {
        Random random = new Random(8);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 301; i++) {
            float[] row = new float[9];
            for (int j = 0; j < row.length; j++) {
                row[j] = j == 4 ? 0.25f : (float) (j * 0.01 + random.nextGaussian() * (j + 1));
            }
            rows.add(row);
        }
        FeatureScaler local = ScalingFit.local(Scaling.STANDARD, Nd4j.create(rows.toArray(new float[0][])));
        FeatureScaler onSpark = ScalingFit.spark(Scaling.STANDARD, spark,
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3));
        assertArrayEquals(local.statistics().mean(), onSpark.statistics().mean(), 1e-9);
        assertArrayEquals(local.statistics().std(), onSpark.statistics().std(), 1e-9);
        assertEquals(0, onSpark.statistics().std()[4], 1e-12, "a constant column");
        assertArrayEquals(local.scale(rows.get(7), 4, false), onSpark.scale(rows.get(7), 4, false), 1e-6f);
    }

    @Test
    void noRowsToFitOnIsAClearError() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingFit.spark(Scaling.STANDARD, spark, sc.parallelize(List.<float[]>of(), 2)));
        assertEquals("only 0 training rows (rows with both modalities) to fit the feature scaling on: give some, or "
                + "--scale none", e.getMessage());
    }
}
