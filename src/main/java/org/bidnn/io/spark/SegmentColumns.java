package org.bidnn.io.spark;

/**
 * Column names of segments in Parquet (and any other Spark data source). Vectors are Spark ML
 * vectors ({@code org.apache.spark.ml.linalg.VectorUDT}), so the files plug into Spark ML pipelines.
 */
public final class SegmentColumns {

    /** The segment id, a string. */
    public static final String ID = "id";
    /** Modality 1, mod1size values. */
    public static final String MOD1 = "mod1";
    /** Modality 2, mod2size values. */
    public static final String MOD2 = "mod2";
    /** Both modalities in one vector of mod1size + mod2size values, modality 1 first. */
    public static final String FEATURES = "features";
    /** The multimodal embedding, repsize values (none for a segment with no modality). */
    public static final String EMBEDDING = "embedding";

    private SegmentColumns() {
    }
}
