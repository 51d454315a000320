package org.bidnn.eval.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * Points in two dimensions, one per id, as one panel of a {@link ProjectionChart}: typically the
 * first two principal components ({@link PrincipalComponents}) of some vectors. {@code points} is
 * n×2, {@code points[i]} being the point of {@code ids[i]}; the coordinates must be finite. The
 * arrays are copied in and out, so that a projection handed to a chart cannot change under it.
 */
public record Projection(String title, String[] ids, double[][] points) {

    public Projection {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(points, "points");
        if (ids.length != points.length) {
            throw new IllegalArgumentException("projection '" + title + "' has " + ids.length + " ids but "
                    + points.length + " points");
        }
        if (points.length == 0) {
            throw new IllegalArgumentException("projection '" + title + "' has no point");
        }
        ids = ids.clone();
        points = copy(title, ids, points);
    }

    /** The number of points. */
    public int size() {
        return points.length;
    }

    @Override
    public String[] ids() {
        return ids.clone();
    }

    @Override
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Projection p && title.equals(p.title) && Arrays.equals(ids, p.ids)
                && Arrays.deepEquals(points, p.points);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, Arrays.hashCode(ids), Arrays.deepHashCode(points));
    }

    @Override
    public String toString() {
        return "Projection[" + title + ", " + points.length + " points]";
    }

    private static double[][] copy(String title, String[] ids, double[][] points) {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p == null || p.length != 2) {
                throw new IllegalArgumentException("projection '" + title + "': the point of '" + ids[i] + "' has "
                        + (p == null ? "no" : String.valueOf(p.length)) + " coordinates, expected 2");
            }
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
                throw new IllegalArgumentException("projection '" + title + "': the point of '" + ids[i] + "' is "
                        + Arrays.toString(p));
            }
            copy[i] = p.clone();
        }
        return copy;
    }
}
