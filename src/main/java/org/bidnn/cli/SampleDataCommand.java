package org.bidnn.cli;

import java.util.concurrent.Callable;
import org.bidnn.io.Storage;
import org.bidnn.samples.SampleDataGenerator;
import org.bidnn.samples.SampleParameters;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bidnn sample-data}: a synthetic two-modality corpus of any size, to try or benchmark the tools. */
@Command(name = "sample-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a seeded synthetic corpus of two related modalities (LibSVM) and "
                + "its ground-truth topics (TSV). The defaults make data-samples/."})
public final class SampleDataCommand implements Callable<Integer> {

    private static final SampleParameters DEFAULTS = SampleParameters.defaults();

    @Option(names = "--out-dir", required = true, paramLabel = "DIR",
            description = "where to write segments.svm and segments-topics.tsv")
    String outDir;

    @Option(names = "--rows", description = "segments (default: ${DEFAULT-VALUE})")
    int rows = DEFAULTS.rows();

    @Option(names = "--mod1-size", description = "dimensionality of modality 1 (default: ${DEFAULT-VALUE})")
    int mod1Size = DEFAULTS.mod1Size();

    @Option(names = "--mod2-size", description = "dimensionality of modality 2 (default: ${DEFAULT-VALUE})")
    int mod2Size = DEFAULTS.mod2Size();

    @Option(names = "--topics", description = "latent topics (default: ${DEFAULT-VALUE})")
    int topics = DEFAULTS.topics();

    @Option(names = "--noise", description = "noise level in [0, 1) (default: ${DEFAULT-VALUE})")
    double noise = DEFAULTS.noise();

    @Option(names = "--only-mod1", description = "fraction of segments with modality 1 only (default: ${DEFAULT-VALUE})")
    double onlyModality1 = DEFAULTS.onlyModality1();

    @Option(names = "--only-mod2", description = "fraction of segments with modality 2 only (default: ${DEFAULT-VALUE})")
    double onlyModality2 = DEFAULTS.onlyModality2();

    @Option(names = "--seed", description = "seed (default: ${DEFAULT-VALUE})")
    long seed = DEFAULTS.seed();

    @Override
    public Integer call() throws Exception {
        SampleParameters parameters = new SampleParameters(rows, mod1Size, mod2Size, topics, noise,
                1 - onlyModality1 - onlyModality2, onlyModality1, onlyModality2, seed);
        SampleDataGenerator.write(SampleDataGenerator.generate(parameters), SparkSessions.storageWithoutSession(),
                Storage.child(outDir, "segments.svm"), Storage.child(outDir, "segments-topics.tsv"));
        return 0;
    }
}
