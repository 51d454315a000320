package org.bidnn.io.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * The input rows a job left out under {@link org.bidnn.io.BadRowPolicy#SKIP}: how many, and the
 * first few, each as {@code file:line: what was wrong}, in input order.
 *
 * <p>Counted by a job of its own over the rejections rather than with an accumulator updated while
 * the rows are embedded: an accumulator updated in a transformation counts a row again whenever
 * Spark re-runs its task (a lost executor, a speculative copy, a recomputed stage), whereas the
 * result of an action holds each partition once.
 *
 * @param count the rows left out
 * @param first the first {@link #SHOWN} of them (fewer if there are fewer)
 */
public record RejectedRows(long count, List<String> first) implements Serializable {

    /** How many rejected rows are named. */
    public static final int SHOWN = 5;

    public static final RejectedRows NONE = new RejectedRows(0, List.of());

    /**
     * Counts the rejections (one message per rejected row) in one pass; partitions follow the
     * input's order, so the first messages are those of the first bad rows.
     */
    public static RejectedRows of(JavaRDD<String> rejections) {
        List<RejectedRows> parts = rejections.mapPartitions(RejectedRows::ofPartition).collect();
        long count = 0;
        List<String> first = new ArrayList<>();
        for (RejectedRows p : parts) {
            count += p.count();
            for (String m : p.first()) {
                if (first.size() < SHOWN) {
                    first.add(m);
                }
            }
        }
        return new RejectedRows(count, List.copyOf(first));
    }

    private static Iterator<RejectedRows> ofPartition(Iterator<String> messages) {
        long count = 0;
        List<String> first = new ArrayList<>();
        while (messages.hasNext()) {
            String m = messages.next();
            if (first.size() < SHOWN) {
                first.add(m);
            }
            count++;
        }
        return List.of(new RejectedRows(count, first)).iterator();
    }
}
