package org.bidnn.embed;

import java.io.IOException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.bidnn.io.BadInputException;
import org.bidnn.io.BadRowPolicy;
import org.bidnn.io.Segment;
import org.bidnn.io.spark.LenientSegments;
import org.bidnn.io.spark.RejectedRows;
import org.bidnn.io.spark.SegmentFormat;
import org.bidnn.io.spark.SegmentReaders;

/**
 * The segments an embedding embeds, read under a {@link BadRowPolicy}. Failing, a malformed row
 * stops the job when it is read, with its file and line. Skipping, the malformed rows are counted
 * (and the first few named) by a pass of their own before anything is embedded, so the count is
 * exact and known before the output is published; an input with no readable row at all is still
 * bad input, not an empty output.
 *
 * @param segments the rows to embed
 * @param rejected the rows left out: none when failing
 */
public record EmbedInput(JavaRDD<Segment> segments, RejectedRows rejected) {

    /** @throws BadInputException if skipping and every row of the input is malformed */
    public static EmbedInput read(SparkSession spark, String input, SegmentFormat format, int mod1Size, int mod2Size,
                                  BadRowPolicy onBadRow) throws IOException {
        if (onBadRow == BadRowPolicy.FAIL) {
            return new EmbedInput(SegmentReaders.read(spark, input, format, mod1Size, mod2Size), RejectedRows.NONE);
        }
        LenientSegments lenient = SegmentReaders.readSkippingBadRows(spark, input, format, mod1Size, mod2Size);
        RejectedRows rejected = RejectedRows.of(lenient.rejections());
        if (rejected.count() > 0 && rejected.count() == lenient.rows()) {
            throw new BadInputException(input + ": every row is malformed (" + rejected.count() + "), the first: "
                    + rejected.first().get(0));
        }
        return new EmbedInput(lenient.segments(), rejected);
    }
}
