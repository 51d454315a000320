package org.bidnn.rank;

import java.util.Locale;

/** How a query vector and a target vector are scored against each other. */
public enum Similarity {
    /** The cosine: the dot product of the two vectors at unit length; every target counts the same. */
    COSINE,
    /**
     * The inner product: the cosine times the two lengths. The query's length is the same for all
     * of its targets, so a query ranks by the cosine times the target's length: of two targets in
     * the query's direction, the one further from the origin (in a centred space, the more
     * distinctive one) comes first.
     */
    DOT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
