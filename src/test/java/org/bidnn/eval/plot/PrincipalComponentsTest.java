package org.bidnn.eval.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.spark.sql.SparkSession;
import org.bidnn.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spark's PCA through {@link PrincipalComponents}: the projections are the principal component
 * scores of the data, as computed by hand from its covariance matrix.
 */
@ExtendWith(SharedSpark.class)
class PrincipalComponentsTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SharedSpark.session();
    }

    /** A step of 1/4096: sums of such values and small integers are exact in float, so a translation loses nothing. */
    private static final float STEP = 1f / 4096;

    private static final float[] BASE = {0.5f, -1, 2, 0, 1};
    private static final float[] DIRECTION = {1, 2, -1, 0.5f, 3};

    /** Position on the line of point i of {@link #onALine}. */
    private static double position(int i) {
        return (i - 20) / 4.0;
    }

    /** 40 points on a line in 5-D, each value moved by up to ±4/4096 of noise. */
    private static List<float[]> onALine() {
        Random random = new Random(7);
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            float[] p = new float[5];
            for (int d = 0; d < 5; d++) {
                p[d] = BASE[d] + (float) position(i) * DIRECTION[d] + STEP * (random.nextInt(9) - 4);
            }
            points.add(p);
        }
        return points;
    }

    /** 60 Gaussian points in 5-D with well-separated variances (25, 9, 4, 1, 0.25) along rotated axes, off the origin. */
    private static List<float[]> gaussianCloud() {
        Random random = new Random(11);
        double[][] m = new double[5][5];
        for (double[] row : m) {
            for (int j = 0; j < 5; j++) {
                row[j] = random.nextGaussian();
            }
        }
        RealMatrix rotation = new QRDecomposition(new Array2DRowRealMatrix(m)).getQ();
        double[] sd = {5, 3, 2, 1, 0.5};
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double[] z = new double[5];
            for (int d = 0; d < 5; d++) {
                z[d] = sd[d] * random.nextGaussian();
            }
            double[] x = rotation.operate(z);
            float[] p = new float[5];
            for (int d = 0; d < 5; d++) {
                p[d] = (float) (x[d] + 10 * (d + 1));
            }
            points.add(p);
        }
        return points;
    }

    private static double[] column(double[][] rows, int j) {
        return Arrays.stream(rows).mapToDouble(r -> r[j]).toArray();
    }

    private static double variance(double[] xs) {
        double mean = Arrays.stream(xs).average().orElseThrow();
        return Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / xs.length;
    }

    /** Asserts that component j of {@code actual} is that of {@code expected}, or its negative. */
    private static void assertSameUpToSign(double[][] expected, double[][] actual, int j, double tolerance) {
        double[] e = column(expected, j);
        double[] a = column(actual, j);
        double dot = 0;
        for (int i = 0; i < e.length; i++) {
            dot += e[i] * a[i];
        }
        double sign = Math.signum(dot);
        for (int i = 0; i < e.length; i++) {
            assertEquals(sign * e[i], a[i], tolerance, "component " + (j + 1) + " of point " + i);
        }
    }

    @Test
    void pointsOnALineProjectOnTheLine() {
        List<float[]> points = onALine();
        double[][] projected = PrincipalComponents.project(spark, points, 2);

        assertEquals(points.size(), projected.length);
        for (double[] p : projected) {
            assertEquals(2, p.length);
        }
        double[] positions = IntStream.range(0, points.size()).mapToDouble(PrincipalComponentsTest::position).toArray();
        double correlation = new PearsonsCorrelation().correlation(positions, column(projected, 0));
        assertEquals(1, Math.abs(correlation), 1e-6, "PC 1 follows the position on the line");
        double pc1 = variance(column(projected, 0));
        double pc2 = variance(column(projected, 1));
        assertTrue(pc2 < 1e-5 && pc2 < 1e-6 * pc1, "PC 2 holds only the noise: variance " + pc2 + " against " + pc1);
    }

    @Test
    void projectionsAreCentredSoATranslationChangesNothing() {
        List<float[]> points = onALine();
        float[] shift = {100, -250, 37, 1000, -3};
        List<float[]> translated = new ArrayList<>();
        for (float[] p : points) {
            float[] q = new float[p.length];
            for (int d = 0; d < p.length; d++) {
                q[d] = p[d] + shift[d];
            }
            translated.add(q);
        }
        double[][] original = PrincipalComponents.project(spark, points, 2);
        double[][] moved = PrincipalComponents.project(spark, translated, 2);
        for (int j = 0; j < 2; j++) {
            assertSameUpToSign(original, moved, j, 1e-8);
            assertEquals(0, Arrays.stream(column(original, j)).average().orElseThrow(), 1e-9, "scores average 0");
        }
    }

    @Test
    void projectionsAreTheScoresOfTheCovarianceEigenvectors() {
        List<float[]> points = gaussianCloud();
        double[][] data = points.stream()
                .map(p -> IntStream.range(0, p.length).mapToDouble(d -> p[d]).toArray())
                .toArray(double[][]::new);
        RealMatrix covariance = new Covariance(data).getCovarianceMatrix();
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        Integer[] byVariance = IntStream.range(0, 5).boxed().toArray(Integer[]::new);
        Arrays.sort(byVariance, Comparator.comparingDouble(i -> -eigen.getRealEigenvalue(i)));
        double[] mean = IntStream.range(0, 5).mapToDouble(d -> Arrays.stream(data).mapToDouble(r -> r[d]).average().orElseThrow()).toArray();
        double[][] expected = new double[data.length][2];
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < 2; j++) {
                RealVector axis = eigen.getEigenvector(byVariance[j]);
                for (int d = 0; d < 5; d++) {
                    expected[i][j] += (data[i][d] - mean[d]) * axis.getEntry(d);
                }
            }
        }

        double[][] projected = PrincipalComponents.project(spark, points, 2);
        assertSameUpToSign(expected, projected, 0, 1e-6);
        assertSameUpToSign(expected, projected, 1, 1e-6);
        assertTrue(variance(column(projected, 0)) >= variance(column(projected, 1)), "PC 1 varies most");
    }

    @Test
    void inputThatHasNoPrincipalComponentsIsRejected() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.project(spark, List.of(new float[] {1, 2}), 2));
        assertTrue(one.getMessage().contains("at least 2 vectors"), one.getMessage());
        IllegalArgumentException widths = assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.project(spark, List.of(new float[] {1, 2, 3}, new float[] {1, 2}), 2));
        assertTrue(widths.getMessage().contains("vector 1 has 2 values"), widths.getMessage());
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.project(spark, List.of(new float[] {1}, new float[] {2}), 2));
        assertTrue(narrow.getMessage().contains("k must be between 1 and 1"), narrow.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalComponents.project(spark, List.of(new float[] {1, Float.NaN}, new float[] {2, 3}), 1));
    }
}
