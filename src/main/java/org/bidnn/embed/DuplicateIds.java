package org.bidnn.embed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.BadInputException;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;
import scala.Tuple2;

/**
 * Refuses an input in which a segment id appears more than once, where ids are keys: an
 * incremental run matches each segment with the previous run's by id, so a repeated id would carry
 * one row's embedding over for the other, or write a segment twice. (A plain embed is a row-by-row
 * transform and embeds both rows.) The check shuffles the ids only; only when it finds a repeated
 * id is the input read again, to name the lines.
 */
public final class DuplicateIds {

    /** How many repeated ids are named. */
    public static final int SHOWN = 3;

    private DuplicateIds() {
    }

    /** @throws BadInputException naming the first repeated id, where it is, and how many ids are repeated */
    public static void refuse(SparkSession spark, JavaRDD<String> ids, String input, SegmentFormat format, String why)
            throws IOException {
        JavaRDD<String> repeated = ids.mapToPair(id -> new Tuple2<>(id, 1L))
                .reduceByKey(Long::sum)
                .filter(t -> t._2() > 1)
                .keys();
        List<String> first = repeated.take(SHOWN);
        if (first.isEmpty()) {
            return;
        }
        long count = first.size() < SHOWN ? first.size() : repeated.count();
        String id = first.get(0);
        List<String> places = SegmentReaders.locate(spark, input, format, Set.of(id));
        String where = places.size() >= 2 ? places.get(1) : input;
        // Named at its second occurrence, as a repeated key usually is; Parquet names files, not lines.
        List<String> rest = new ArrayList<>(places);
        if (rest.size() >= 2) {
            rest.remove(1);
        }
        String others = rest.stream().distinct().filter(p -> !p.equals(where)).collect(Collectors.joining(", "));
        String also = others.isEmpty() ? "" : " (also at " + others + ")";
        String more = count == 1 ? "" : "; " + (count - 1) + " more ids are repeated: "
                + String.join(" ", first.subList(1, first.size())) + (count > first.size() ? " ..." : "");
        throw new BadInputException(where + ": segment id '" + id + "' appears more than once" + also + "; " + why
                + more);
    }
}
