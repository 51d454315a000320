package org.bidnn.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.spark.SparkSessions;

/**
 * Generates a seeded two-modality corpus with known structure, for examples and tests.
 *
 * <p>The model: there are K latent topics. Each segment has a topic mixture, one dominant topic
 * (more than half of the mass) plus the rest spread by a flat Dirichlet draw. Each modality is a
 * different fixed random nonlinear function of that mixture and of a few private factors of its
 * own (what a picture shows beyond its topic, or a text says), plus independent noise:
 * <ul>
 *   <li>modality 1 is dense and real-valued, like an image descriptor:
 *       {@code tanh(A·mixture + A'·z1 + a)} plus Gaussian noise;</li>
 *   <li>modality 2 is a normalised bag of words, like a text: 40 to 120 words drawn from
 *       {@code softmax(B·mixture + B'·z2)}, a share {@code noise} of them uniformly instead.</li>
 * </ul>
 * So the modalities are related only through the mixture, neither is a function of the other, and
 * the relation is nonlinear in both directions, which is the situation a crossmodal model is for.
 * Some segments then lose one modality (written as all zeros) per the availability mix.
 *
 * <p>Same parameters, same output, byte for byte: java.util.Random's algorithm is specified, the
 * transcendental functions are StrictMath's, and values are rounded to 4 significant digits (which
 * also keeps the files small).
 */
public final class SampleDataGenerator {

    /** Where {@link #main} writes by default, relative to the project directory. */
    public static final String DEFAULT_DIR = "data-samples";

    /** Scale of the topic projections: large enough that tanh and softmax are clearly nonlinear. */
    private static final double GAIN_1 = 1.5;
    private static final double BIAS_1 = 0.5;
    private static final double GAIN_2 = 3.0;
    /**
     * Private factors per modality, each a standard normal. At this strength they blur the topics
     * about as much as the topics shape the features: in the default corpus a segment's nearest
     * neighbour by one modality shares its topic 60-70% of the time, against 10% by chance.
     * Without them every neighbour would share it, which no real data does.
     */
    private static final int PRIVATE_FACTORS = 8;
    private static final int MIN_WORDS = 40;
    private static final int MAX_WORDS = 120;

    private SampleDataGenerator() {
    }

    public static List<SampleSegment> generate(SampleParameters p) {
        Random random = new Random(p.seed());
        int k = p.topics();
        // Drawn in this order, which the committed files depend on.
        double[][] a = Draws.gaussian(random, p.mod1Size(), k, GAIN_1);
        double[] bias = Draws.gaussian(random, p.mod1Size(), BIAS_1);
        double[][] b = Draws.gaussian(random, p.mod2Size(), k, GAIN_2);
        double[][] aPrivate = Draws.gaussian(random, p.mod1Size(), PRIVATE_FACTORS, 1);
        double[][] bPrivate = Draws.gaussian(random, p.mod2Size(), PRIVATE_FACTORS, 1);
        DenseModality modality1 = new DenseModality(a, aPrivate, bias, p.noise(), DenseModality.Activation.TANH);
        WordModality modality2 = new WordModality(b, bPrivate, p.noise(), MIN_WORDS, MAX_WORDS);

        List<SampleSegment> segments = new ArrayList<>(p.rows());
        for (int i = 0; i < p.rows(); i++) {
            // Every random draw is made for every segment, whatever its availability, so that the
            // availability mix changes which values are zeroed and nothing else.
            int topic = random.nextInt(k);
            double[] mixture = Draws.topicMixture(random, k, topic);
            Availability availability = availability(random, p);
            float[] values = new float[p.dimensions()];
            double[] z1 = Draws.gaussian(random, PRIVATE_FACTORS, 1);
            double[] z2 = Draws.gaussian(random, PRIVATE_FACTORS, 1);
            float[] m1 = modality1.sample(random, mixture, z1);
            float[] m2 = modality2.sample(random, mixture, z2);
            if (availability.hasModality1()) {
                System.arraycopy(m1, 0, values, 0, m1.length);
            }
            if (availability.hasModality2()) {
                System.arraycopy(m2, 0, values, p.mod1Size(), m2.length);
            }
            segments.add(new SampleSegment(new Segment(id(i), values), topic, availability));
        }
        return segments;
    }

    public static String id(int index) {
        return String.format(Locale.ROOT, "seg%05d", index);
    }

    private static Availability availability(Random random, SampleParameters p) {
        return Availability.draw(random, p.both(), p.onlyModality1());
    }

    /** Writes the segments as 1-based LibSVM and their topics as {@code id<TAB>topic} lines. */
    public static void write(List<SampleSegment> segments, Storage storage, String svm, String topics)
            throws IOException {
        LibSvmWriter.write(storage, svm, segments.stream().map(SampleSegment::segment).toList(), false);
        storage.write(topics, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (SampleSegment s : segments) {
                text.append(s.segment().id()).append('\t').append(Integer.toString(s.topic())).append('\n');
            }
            text.flush();
        });
    }

    /** Generates the default corpus into {@code dir}/segments.svm and {@code dir}/segments-topics.tsv. */
    public static List<SampleSegment> writeSamples(Storage storage, String dir) throws IOException {
        List<SampleSegment> segments = generate(SampleParameters.defaults());
        write(segments, storage, Storage.child(dir, "segments.svm"), Storage.child(dir, "segments-topics.tsv"));
        return segments;
    }

    /** Usage: {@code SampleDataGenerator [output-dir]}, default {@value #DEFAULT_DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: SampleDataGenerator [output-dir]");
            System.exit(2);
        }
        String dir = args.length == 1 ? args[0] : DEFAULT_DIR;
        List<SampleSegment> segments = writeSamples(SparkSessions.storageWithoutSession(), dir);
        int[] counts = new int[Availability.values().length];
        for (SampleSegment s : segments) {
            counts[s.availability().ordinal()]++;
        }
        System.out.printf(Locale.ROOT, "%d segments in %s: both %d, modality 1 only %d, modality 2 only %d%n",
                segments.size(), dir, counts[0], counts[1], counts[2]);
    }
}
