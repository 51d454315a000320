package org.bidnn.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What produced a model, recorded in its file's metadata ({@link ModelMetadata#provenance()}), as
 * Tribuo's {@code ModelProvenance}: the command and its arguments, the data, the training settings
 * that are not the model's own, and the versions of the libraries that trained it. The model's
 * shape, optimiser, epochs, seed of the weights and scaling are in the metadata already.
 *
 * @param command what trained the model: {@code run}, {@code train}, {@code pipeline}, {@code compare}
 *                or {@link #SPARK_ML} (the Spark ML estimator)
 * @param arguments the command line's arguments as given, where there is a command line; else absent
 * @param inputs the training data's paths (for the estimator, Spark's best-effort list of the data
 *               set's files; empty for data made in memory)
 * @param trainingRows the rows trained on (those with both modalities, every row with ignoreZeroes);
 *                     absent when training did not read them (no epoch to train), and in the checkpoints
 *                     written during training
 * @param batchSize rows per optimiser step
 * @param workers model replicas trained in parallel as asked (0: one per executor); absent for {@code run}
 * @param averagingFrequency minibatches between parameter averagings; absent for {@code run}
 * @param seed seed of the initial weights, the dropout masks and the epoch shuffles
 * @param resumedFrom the model training started from, or absent for a new model
 * @param versions library name to version: bidnn, spark, deeplearning4j, nd4j, java
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        String command,
        List<String> arguments,
        List<String> inputs,
        Long trainingRows,
        Integer batchSize,
        Integer workers,
        Integer averagingFrequency,
        Long seed,
        String resumedFrom,
        Map<String, String> versions) {

    /** The command of a model trained by the Spark ML estimator {@code org.bidnn.ml.BiDNN}. */
    public static final String SPARK_ML = "spark-ml";

    public Provenance {
        arguments = arguments == null ? null : List.copyOf(arguments);
        inputs = inputs == null ? null : List.copyOf(inputs);
        versions = versions == null ? null : Map.copyOf(versions);
    }

    /** The same provenance, with the number of rows trained on ({@code rows} < 0: not counted, absent). */
    public Provenance withTrainingRows(long rows) {
        return new Provenance(command, arguments, inputs, rows < 0 ? null : rows, batchSize, workers,
                averagingFrequency, seed, resumedFrom, versions);
    }

    /** The versions of this program and the libraries that train: those of the classpath. */
    public static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("bidnn", ModelFile.programVersion());
        v.put("spark", firstMavenVersion("org.apache.spark", "spark-core_2.12", "spark-core_2.13"));
        v.put("deeplearning4j", firstMavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        v.put("nd4j", firstMavenVersion("org.nd4j", "nd4j-api"));
        v.put("java", System.getProperty("java.version"));
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    /** The version in a jar's Maven properties, or null if no such jar is on the classpath. */
    private static String firstMavenVersion(String group, String... artifacts) {
        for (String artifact : artifacts) {
            String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
            try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("version");
                }
            } catch (IOException e) {
                // An unreadable properties file says nothing about the version: try the next.
            }
        }
        return null;
    }
}
