/**
 * Ranking targets for anchors by cosine or inner product: the distributed top-k (block matrix
 * products, bounded queues per anchor, a tree merge on the executors), query expansion by the best
 * targets of a first ranking, candidates from judgments, and the files of rankings, judgments
 * (qrels) and anchor lists.
 *
 * <p>A core package: it may use {@code io}, {@code io.spark} and {@code spark}; never a job, a
 * console or the command line.
 */
package org.bidnn.rank;
