package org.bidnn.rank;

import java.util.List;

/** One query's (anchor's) ranked targets, best first. */
public record Ranking(String query, List<Hit> hits) {

    public Ranking {
        hits = List.copyOf(hits);
    }
}
