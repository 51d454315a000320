/**
 * {@code bidnn pipeline}: train, embed, rank, evaluate and report in one Spark session, from one
 * configuration file. The file's syntax is read by {@link org.bidnn.jobs.pipeline.ConfFileReader},
 * its keys are {@link org.bidnn.jobs.pipeline.ConfSchema} (which the documentation's key table is
 * tested against), typed access is {@link org.bidnn.jobs.pipeline.ConfValues}, and
 * {@link org.bidnn.jobs.pipeline.PipelineConf} holds the checked settings, with what only
 * {@code compare} reads in {@link org.bidnn.jobs.pipeline.CompareSettings} and relevance by label in
 * {@link org.bidnn.jobs.pipeline.LabelSettings}.
 */
package org.bidnn.jobs.pipeline;
