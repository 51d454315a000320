package org.bidnn.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bidnn.io.IoConsumer;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.spark.SparkSessions;

/**
 * Generates a seeded set shaped like a video hyperlinking benchmark (MediaEval 2014-2015, TRECVID
 * 2016-2017): anchor segments, a corpus of target segments with a text and a visual modality, and
 * noisy relevance judgments. It models the data, not a result: nothing in it knows about any
 * retrieval method.
 *
 * <p>The model is {@link SampleDataGenerator}'s, one level finer. There are K topics, and within
 * each topic stories ({@link Stories}): a news item, an event, a person's visit. A segment is about
 * one story; its latent components are a topic mixture dominated by the story's topic (as in
 * {@link SampleDataGenerator}) plus the story itself, with a weight (its focus, uniform in
 * [{@value #FOCUS_MIN}, 1)) saying how much of the segment is about it. A target is relevant to an
 * anchor exactly when they share the story. Each modality is a different fixed random nonlinear
 * function of the latent components and of private factors of its own, plus noise:
 * <ul>
 *   <li>text (modality 1) is a normalised bag of words of the transcript, {@link WordModality}:
 *       {@value #MIN_WORDS} to {@value #MAX_WORDS} content words over a vocabulary of
 *       {@code textSize}, a share {@value #TEXT_NOISE} of them unrelated to the content (speech
 *       recognition errors, small talk);</li>
 *   <li>visual (modality 2) is a sparse non-negative descriptor like a CNN layer after its
 *       rectifier, {@link DenseModality} with a ReLU.</li>
 * </ul>
 * Both carry the topic and the story, to different degrees: a story projects on the words more
 * strongly than on the pictures (what is said names the story; what is shown is often only a
 * setting common to the topic: a studio, a street, a field), and the pictures have stronger private
 * factors (camera, light, framing). In the committed set text alone ranks the targets better than
 * visual alone and neither is perfect (data-samples/hyperlinking/README.md has the figures); a
 * target missing its text can only be found by its pictures.
 *
 * <p>Anchors have both modalities, as in the benchmark, where anchors were chosen with speech and
 * video. Targets have both or one per the availability mix; a missing modality is all zeros.
 *
 * <p>Same parameters, same output, byte for byte (see {@link SampleDataGenerator}). Everything is
 * drawn from one stream in a fixed order: the story structure, the modality maps, the anchors,
 * the targets, the judgments. So the judgment settings change only the judgments.
 */
public final class HyperlinkingSampleGenerator {

    /** Where {@link #main} writes by default, relative to the project directory. */
    public static final String DEFAULT_DIR = "data-samples/hyperlinking";

    static final double FOCUS_MIN = 0.5;
    /**
     * Gains of the topic and story columns of each modality's projection. A story moves the words
     * twice as much as the topic does, the pictures only as much: what is said names the story,
     * what is shown is often a setting common to the topic.
     */
    private static final double TEXT_TOPIC_GAIN = 2.0;
    private static final double TEXT_STORY_GAIN = 4.0;
    private static final double VISUAL_TOPIC_GAIN = 1.5;
    private static final double VISUAL_STORY_GAIN = 1.5;
    /**
     * Scale of the private factors' projections: a speaker's words, and more so a camera's framing
     * and light, vary segment by segment whatever the story. Weaker than in
     * {@link SampleDataGenerator}, which only has to blur topics: at its strength (1) the stories
     * drown, and neither modality alone gets a P@10 above 0.1.
     */
    private static final double TEXT_PRIVATE_SCALE = 0.3;
    private static final double VISUAL_PRIVATE_SCALE = 0.5;
    private static final int PRIVATE_FACTORS = 8;
    /** The share of a transcript's words unrelated to its content (misrecognised words, small talk). */
    static final double TEXT_NOISE = 0.3;
    static final int MIN_WORDS = 50;
    static final int MAX_WORDS = 150;
    /** Mostly negative biases: a visual unit is on for about a third of the segments. */
    private static final double VISUAL_BIAS_MEAN = -1.0;
    private static final double VISUAL_BIAS_SPREAD = 0.5;
    private static final double VISUAL_NOISE = 0.5;

    private HyperlinkingSampleGenerator() {
    }

    public static HyperlinkingSample generate(HyperlinkingParameters p) {
        Random random = new Random(p.seed());
        Stories stories = Stories.draw(random, p.targets(), p.topics(), p.anchors());
        int k = p.topics();
        int latent = k + stories.count();
        WordModality text = new WordModality(
                projection(random, p.textSize(), k, latent, TEXT_TOPIC_GAIN, TEXT_STORY_GAIN),
                Draws.gaussian(random, p.textSize(), PRIVATE_FACTORS, TEXT_PRIVATE_SCALE),
                TEXT_NOISE, MIN_WORDS, MAX_WORDS);
        double[] visualBias = Draws.gaussian(random, p.visualSize(), VISUAL_BIAS_SPREAD);
        for (int i = 0; i < visualBias.length; i++) {
            visualBias[i] += VISUAL_BIAS_MEAN;
        }
        DenseModality visual = new DenseModality(
                projection(random, p.visualSize(), k, latent, VISUAL_TOPIC_GAIN, VISUAL_STORY_GAIN),
                Draws.gaussian(random, p.visualSize(), PRIVATE_FACTORS, VISUAL_PRIVATE_SCALE),
                visualBias, VISUAL_NOISE, DenseModality.Activation.RELU);

        List<HyperlinkingSegment> anchors = new ArrayList<>(p.anchors());
        for (int a = 0; a < p.anchors(); a++) {
            int story = stories.anchorStory[a];
            anchors.add(segment(random, anchorId(a, p), k, stories.storyTopic[story], story, Availability.BOTH,
                    text, visual, latent));
        }
        List<HyperlinkingSegment> targets = new ArrayList<>(p.targets());
        for (int t = 0; t < p.targets(); t++) {
            Availability availability = Availability.draw(random, p.both(), p.onlyText());
            targets.add(segment(random, targetId(t, p), k, stories.targetTopic[t], stories.targetStory[t],
                    availability, text, visual, latent));
        }
        List<Judgment> judgments = Judgments.draw(random, stories, p,
                anchors.stream().map(s -> s.segment().id()).toList(),
                targets.stream().map(s -> s.segment().id()).toList());
        return new HyperlinkingSample(List.copyOf(anchors), List.copyOf(targets), List.copyOf(judgments));
    }

    /** Topic columns at one gain, story columns at another. */
    private static double[][] projection(Random random, int rows, int topics, int latent, double topicGain,
                                         double storyGain) {
        double[][] m = Draws.gaussian(random, rows, latent, 1);
        for (double[] row : m) {
            for (int j = 0; j < latent; j++) {
                row[j] *= j < topics ? topicGain : storyGain;
            }
        }
        return m;
    }

    private static HyperlinkingSegment segment(Random random, String id, int k, int topic, int story,
                                               Availability availability, WordModality text,
                                               DenseModality visual, int latentSize) {
        // Every draw is made whatever the availability, which then only decides what is zeroed.
        double[] latent = Arrays.copyOf(Draws.topicMixture(random, k, topic), latentSize);
        latent[k + story] = FOCUS_MIN + (1 - FOCUS_MIN) * random.nextDouble();
        double[] zText = Draws.gaussian(random, PRIVATE_FACTORS, 1);
        double[] zVisual = Draws.gaussian(random, PRIVATE_FACTORS, 1);
        float[] words = text.sample(random, latent, zText);
        float[] picture = visual.sample(random, latent, zVisual);
        float[] values = new float[text.size() + visual.size()];
        if (availability.hasModality1()) {
            System.arraycopy(words, 0, values, 0, words.length);
        }
        if (availability.hasModality2()) {
            System.arraycopy(picture, 0, values, text.size(), picture.length);
        }
        return new HyperlinkingSegment(new Segment(id, values), topic, story, availability);
    }

    static String anchorId(int index, HyperlinkingParameters p) {
        return "anchor" + zeroPadded(index, p.anchors());
    }

    static String targetId(int index, HyperlinkingParameters p) {
        return "target" + zeroPadded(index, p.targets());
    }

    /** As many digits as the largest index needs, so that ids sort as they are numbered. */
    private static String zeroPadded(int index, int count) {
        int digits = Integer.toString(count - 1).length();
        return String.format(Locale.ROOT, "%0" + digits + "d", index);
    }

    /**
     * Writes the set into {@code dir}: {@code segments.svm} (anchors then targets, 1-based LibSVM,
     * text in columns 1..textSize, visual after), {@code anchors.txt} (one anchor id a line),
     * {@code qrels.tsv} ({@code anchor<TAB>target<TAB>relevance}) and {@code segments-stories.tsv}
     * ({@code id<TAB>topic<TAB>story}, the noise-free ground truth).
     */
    public static void write(HyperlinkingSample sample, Storage storage, String dir) throws IOException {
        List<HyperlinkingSegment> all = new ArrayList<>(sample.anchors());
        all.addAll(sample.targets());
        LibSvmWriter.write(storage, Storage.child(dir, "segments.svm"), all.stream().map(HyperlinkingSegment::segment).toList(),
                false);
        writeText(storage, Storage.child(dir, "anchors.txt"), text -> {
            for (HyperlinkingSegment a : sample.anchors()) {
                text.append(a.segment().id()).append('\n');
            }
        });
        writeText(storage, Storage.child(dir, "qrels.tsv"), text -> {
            for (Judgment j : sample.judgments()) {
                text.append(j.anchor()).append('\t').append(j.target()).append('\t')
                        .append(Integer.toString(j.relevance())).append('\n');
            }
        });
        writeText(storage, Storage.child(dir, "segments-stories.tsv"), text -> {
            for (HyperlinkingSegment s : all) {
                text.append(s.segment().id()).append('\t').append(Integer.toString(s.topic())).append('\t')
                        .append(Integer.toString(s.story())).append('\n');
            }
        });
    }

    private static void writeText(Storage storage, String file, IoConsumer<Writer> body) throws IOException {
        storage.write(file, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.accept(text);
            text.flush();
        });
    }

    /** Generates the default set into {@code dir}. */
    public static HyperlinkingSample writeSamples(Storage storage, String dir) throws IOException {
        HyperlinkingSample sample = generate(HyperlinkingParameters.defaults());
        write(sample, storage, dir);
        return sample;
    }

    /** Usage: {@code HyperlinkingSampleGenerator [output-dir]}, default {@value #DEFAULT_DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: HyperlinkingSampleGenerator [output-dir]");
            System.exit(2);
        }
        String dir = args.length == 1 ? args[0] : DEFAULT_DIR;
        HyperlinkingSample sample = writeSamples(SparkSessions.storageWithoutSession(), dir);
        System.out.print(HyperlinkingSummary.of(sample).describe(dir));
    }
}
