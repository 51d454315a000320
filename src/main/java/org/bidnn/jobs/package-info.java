/**
 * The jobs: one class per command that wires a Spark session (or none, for {@code run}), the
 * command's options, reading, writing and reporting over the cores. {@link org.bidnn.jobs.LocalRun}
 * is {@code run}, {@link org.bidnn.jobs.SparkTrainingJob} {@code train},
 * {@link org.bidnn.jobs.EmbedJob} (and {@link org.bidnn.jobs.IncrementalRun}) {@code embed},
 * {@link org.bidnn.jobs.RankJob} {@code rank}, {@link org.bidnn.jobs.EvaluateJob} {@code evaluate},
 * {@link org.bidnn.jobs.CrossmodalEvalJob} {@code crossmodal-eval}; {@link org.bidnn.jobs.Console}
 * prints their progress, and {@link org.bidnn.jobs.StagedRun}, {@link org.bidnn.jobs.RunDirectory}
 * and {@link org.bidnn.jobs.StageTimer} are the scaffolding of the jobs that write a dated run
 * directory ({@code pipeline}, {@code compare}).
 *
 * <p>Jobs may use every core package ({@code model}, {@code train}, {@code embed}, {@code rank},
 * {@code eval}, {@code baselines}, {@code io}, {@code spark}); no core package uses a job. The
 * faces ({@code org.bidnn.cli}, the command line, and {@code org.bidnn.ml}, the Spark ML API) sit
 * above: the command line turns options into a job's options and runs it.
 */
package org.bidnn.jobs;
