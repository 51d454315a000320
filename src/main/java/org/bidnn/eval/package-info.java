/**
 * Scoring: P@k, MAP and nDCG@k of rankings against judgments, with Spark MLlib's
 * {@code RankingMetrics} and per anchor; crossmodal retrieval mAP in both directions; labels files;
 * the JSON and Markdown reports.
 *
 * <p>A core package: it may use {@code model}, {@code embed}, {@code rank}, {@code io},
 * {@code io.spark} and {@code spark}; never a job, a console or the command line.
 */
package org.bidnn.eval;
