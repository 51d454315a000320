package org.bidnn.jobs.compare;

/**
 * What a method compares segments by: a batch of input rows {@code [x1 | x2]} (a missing modality
 * all zeros) to one vector each, compared by cosine. An empty or all-zero vector means the method
 * cannot represent that segment (it ranks nowhere and, as an anchor, ranks nothing).
 */
@FunctionalInterface
public interface Representation {

    float[][] apply(float[][] rows);
}
