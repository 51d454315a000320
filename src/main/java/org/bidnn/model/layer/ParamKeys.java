package org.bidnn.model.layer;

/**
 * Names of the BiDNN parameters, as they appear in DL4J's parameter table and model files.
 * Direction 1 translates modality 1 into modality 2, direction 2 the reverse.
 */
public final class ParamKeys {
    public static final String W1A = "W1a";
    public static final String B1A = "b1a";
    /** Shared: direction 1's second layer, and transposed, direction 2's third layer. */
    public static final String W2 = "W2";
    public static final String B1B = "b1b";
    /** Shared: direction 1's third layer, and transposed, direction 2's second layer. */
    public static final String W3 = "W3";
    public static final String B1C = "b1c";
    public static final String W1O = "W1o";
    public static final String B1O = "b1o";
    public static final String W2A = "W2a";
    public static final String B2A = "b2a";
    /** Direction 2's own copy of W3 when the network is untied. */
    public static final String W3_UNTIED = "W3u";
    /** Direction 2's own copy of W2 when the network is untied. */
    public static final String W2_UNTIED = "W2u";
    public static final String B2B = "b2b";
    public static final String B2C = "b2c";
    public static final String W2O = "W2o";
    public static final String B2O = "b2o";

    private ParamKeys() {
    }
}
