package org.bidnn.cli;

import java.util.concurrent.Callable;
import org.bidnn.samples.HyperlinkingParameters;
import org.bidnn.samples.HyperlinkingSample;
import org.bidnn.samples.HyperlinkingSampleGenerator;
import org.bidnn.samples.HyperlinkingSummary;
import org.bidnn.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bidnn sample-hyperlinking}: a synthetic video hyperlinking set (anchors, targets with text
 * and visual features, noisy relevance judgments), to try an embedding on a retrieval task.
 */
@Command(name = "sample-hyperlinking", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a seeded synthetic video hyperlinking set: anchor and target segments "
                + "with text (modality 1) and visual (modality 2) features in one LibSVM file, the anchor "
                + "ids, relevance judgments (qrels) and the ground-truth stories. The defaults make "
                + "data-samples/hyperlinking/."})
public final class SampleHyperlinkingCommand implements Callable<Integer> {

    private static final HyperlinkingParameters DEFAULTS = HyperlinkingParameters.defaults();

    @Option(names = "--out-dir", required = true, paramLabel = "DIR",
            description = "where to write segments.svm, anchors.txt, qrels.tsv and segments-stories.tsv")
    String outDir;

    @Option(names = "--anchors", description = "anchor segments (default: ${DEFAULT-VALUE})")
    int anchors = DEFAULTS.anchors();

    @Option(names = "--targets", description = "target segments (default: ${DEFAULT-VALUE})")
    int targets = DEFAULTS.targets();

    @Option(names = "--text-size", description = "dimensionality of the text, modality 1 (default: ${DEFAULT-VALUE})")
    int textSize = DEFAULTS.textSize();

    @Option(names = "--visual-size", description = "dimensionality of the visual features, modality 2 (default: ${DEFAULT-VALUE})")
    int visualSize = DEFAULTS.visualSize();

    @Option(names = "--topics", description = "topics, each with its own stories (default: ${DEFAULT-VALUE})")
    int topics = DEFAULTS.topics();

    @Option(names = "--only-text", description = "fraction of targets with text only (default: ${DEFAULT-VALUE})")
    double onlyText = DEFAULTS.onlyText();

    @Option(names = "--only-visual", description = "fraction of targets with visual features only (default: ${DEFAULT-VALUE})")
    double onlyVisual = DEFAULTS.onlyVisual();

    @Option(names = "--near-misses", paramLabel = "N",
            description = "non-relevant targets of the anchor's topic judged per anchor (default: ${DEFAULT-VALUE})")
    int sameTopicNegatives = DEFAULTS.sameTopicNegatives();

    @Option(names = "--random-negatives", paramLabel = "N",
            description = "targets of other topics judged per anchor (default: ${DEFAULT-VALUE})")
    int randomNegatives = DEFAULTS.randomNegatives();

    @Option(names = "--label-noise", paramLabel = "P",
            description = "probability that a judgment is flipped, in [0, 0.5) (default: ${DEFAULT-VALUE})")
    double labelNoise = DEFAULTS.labelNoise();

    @Option(names = "--seed", description = "seed (default: ${DEFAULT-VALUE})")
    long seed = DEFAULTS.seed();

    @Override
    public Integer call() throws Exception {
        HyperlinkingParameters parameters = new HyperlinkingParameters(anchors, targets, textSize, visualSize,
                topics, 1 - onlyText - onlyVisual, onlyText, onlyVisual, sameTopicNegatives, randomNegatives,
                labelNoise, seed);
        HyperlinkingSample sample = HyperlinkingSampleGenerator.generate(parameters);
        HyperlinkingSampleGenerator.write(sample, SparkSessions.storageWithoutSession(), outDir);
        System.out.print(HyperlinkingSummary.of(sample).describe(outDir));
        return 0;
    }
}
