package org.bidnn.rank;

import java.io.Serializable;
import java.util.Comparator;

/** One ranked target: its id and its score (its similarity to the query: the cosine, or the inner product). */
public record Hit(String target, float score) implements Serializable {

    /**
     * The ranking order: higher score first, and on equal scores the smaller id (by
     * {@link String#compareTo}), so that a ranking never depends on how the data was partitioned.
     */
    public static final Comparator<Hit> BEST_FIRST = (a, b) -> compare(a.score, a.target, b.score, b.target);

    /** Negative when (scoreA, idA) ranks before (scoreB, idB), as {@link #BEST_FIRST}. */
    static int compare(float scoreA, String idA, float scoreB, String idB) {
        int byScore = Float.compare(scoreB, scoreA);
        return byScore != 0 ? byScore : idA.compareTo(idB);
    }
}
