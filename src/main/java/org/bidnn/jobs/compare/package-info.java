/**
 * {@code bidnn compare}: the BiDNN paper's comparison table on the user's data. The methods of the
 * table ({@link org.bidnn.jobs.compare.Method}), the in-memory evaluation set they are all scored
 * on, one Spark task per training, the search for the best linear combination and the weighted
 * embedding, and the report (JSON, Markdown, plots) in a dated run directory. It reads the same
 * configuration file as {@code pipeline} ({@code org.bidnn.jobs.pipeline}).
 */
package org.bidnn.jobs.compare;
