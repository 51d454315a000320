package org.bidnn.io.spark;

import org.apache.spark.api.java.JavaRDD;
import org.bidnn.io.Segment;

/**
 * An input read under {@link org.bidnn.io.BadRowPolicy#SKIP}: the segments that could be read,
 * one message ({@code file[:line]: what was wrong}) for each row that could not, and how many rows
 * the input holds in all. Both RDDs read the input anew when used.
 */
public record LenientSegments(JavaRDD<Segment> segments, JavaRDD<String> rejections, long rows) {
}
