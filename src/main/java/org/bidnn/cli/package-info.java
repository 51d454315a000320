/**
 * The command line, {@code bidnn COMMAND}: one picocli command per command ({@code BidnnCli} lists
 * them), the shared flag groups, verbosity and log levels, and the error reporter that turns bad
 * input into exit 1 with one line naming the file and the line, and internal failures into exit 70
 * with the stack trace.
 *
 * <p>The top of the project: it may use the jobs and the cores; nothing depends on it. A command
 * parses its flags and hands them to its job; what the command does is in the job.
 */
package org.bidnn.cli;
