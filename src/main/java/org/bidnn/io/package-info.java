/**
 * Reading and writing files: LibSVM segments with errors naming the file, the line and the token,
 * every path through Hadoop's FileSystem ({@code Storage}, so local paths and {@code hdfs://},
 * {@code s3a://} alike), publication by writing a temporary file and renaming it, dated folders,
 * JSON and text files.
 *
 * <p>The bottom of the project: it depends on no other package of it (Hadoop's client and Jackson
 * only). Bad input is a {@code BadInputException} for the caller to report.
 */
package org.bidnn.io;
