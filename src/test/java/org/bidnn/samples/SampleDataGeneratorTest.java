package org.bidnn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.rank.BruteForce;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    private static final SampleParameters DEFAULTS = SampleParameters.defaults();
    private static final int D1 = DEFAULTS.mod1Size();

    private static List<SampleSegment> corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateOnce() {
        corpus = SampleDataGenerator.generate(DEFAULTS);
    }

    private byte[][] written(SampleParameters p, String name) throws IOException {
        Path svm = dir.resolve(name + ".svm");
        Path topics = dir.resolve(name + ".tsv");
        SampleDataGenerator.write(SampleDataGenerator.generate(p), TestStorage.LOCAL, svm.toString(), topics.toString());
        return new byte[][] {Files.readAllBytes(svm), Files.readAllBytes(topics)};
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        SampleParameters small = DEFAULTS.withRows(300);
        byte[][] first = written(small, "a");
        byte[][] again = written(small, "b");
        byte[][] other = written(small.withSeed(2017), "c");
        assertArrayEquals(first[0], again[0]);
        assertArrayEquals(first[1], again[1]);
        assertFalse(Arrays.equals(first[0], other[0]));
        assertFalse(Arrays.equals(first[1], other[1]));
    }

    @Test
    void idsAndShape() {
        assertEquals(2000, corpus.size());
        assertEquals("seg00000", corpus.get(0).segment().id());
        assertEquals("seg00042", corpus.get(42).segment().id());
        for (SampleSegment s : corpus) {
            assertEquals(200, s.segment().values().length);
            assertTrue(s.topic() >= 0 && s.topic() < 10);
        }
    }

    @Test
    void availabilityFollowsTheMix() {
        int[] counts = new int[3];
        corpus.forEach(s -> counts[s.availability().ordinal()]++);
        // Binomial standard deviation at n = 2000 is at most 0.009; allow about 3 of them.
        assertEquals(0.8, counts[Availability.BOTH.ordinal()] / 2000.0, 0.03);
        assertEquals(0.1, counts[Availability.MODALITY_1_ONLY.ordinal()] / 2000.0, 0.03);
        assertEquals(0.1, counts[Availability.MODALITY_2_ONLY.ordinal()] / 2000.0, 0.03);

        SampleParameters skewed = new SampleParameters(2000, 20, 20, 5, 0.3, 0.5, 0.0, 0.5, 7);
        int[] skewedCounts = new int[3];
        SampleDataGenerator.generate(skewed).forEach(s -> skewedCounts[s.availability().ordinal()]++);
        assertEquals(0, skewedCounts[Availability.MODALITY_1_ONLY.ordinal()]);
        assertEquals(0.5, skewedCounts[Availability.BOTH.ordinal()] / 2000.0, 0.04);
    }

    @Test
    void aMissingModalityIsExactlyZeroAndAPresentOneIsNot() {
        for (SampleSegment s : corpus) {
            float[] m1 = s.segment().modality1(D1);
            float[] m2 = s.segment().modality2(D1);
            assertEquals(!s.availability().hasModality1(), allZero(m1), s.segment().id());
            assertEquals(!s.availability().hasModality2(), allZero(m2), s.segment().id());
        }
    }

    @Test
    void modalityTwoIsANormalisedBagOfWords() {
        for (SampleSegment s : corpus) {
            if (s.availability().hasModality2()) {
                double sum = 0;
                for (float v : s.segment().modality2(D1)) {
                    assertTrue(v >= 0);
                    sum += v;
                }
                assertEquals(1, sum, 1e-3, s.segment().id());
            }
        }
    }

    @Test
    void eachModalityCarriesTheTopic() {
        List<SampleSegment> both = corpus.stream().filter(s -> s.availability() == Availability.BOTH).toList();
        double chance = chanceOfSameTopic(both);
        double byModality1 = nearestNeighbourAgreement(both, true);
        double byModality2 = nearestNeighbourAgreement(both, false);
        // The committed corpus gives about 0.59 and 0.69 against a chance of 0.10.
        assertTrue(chance < 0.15, "topics are roughly balanced");
        assertTrue(byModality1 > 4 * chance, "modality 1 neighbours share a topic: " + byModality1);
        assertTrue(byModality2 > 4 * chance, "modality 2 neighbours share a topic: " + byModality2);
    }

    @Test
    void modalitiesAreRelatedAcrossSegments() {
        // Segments that look alike in modality 1 look more alike in modality 2 than random pairs do.
        // The effect is moderate by design (each modality has private factors), so it is judged by
        // its significance over the ~1,600 paired comparisons rather than by a fixed margin.
        List<SampleSegment> both = corpus.stream().filter(s -> s.availability() == Availability.BOTH).toList();
        List<float[]> m1 = both.stream().map(s -> s.segment().modality1(D1)).toList();
        List<float[]> m2 = both.stream().map(s -> s.segment().modality2(D1)).toList();
        Random random = new Random(1);
        int n = both.size();
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(n - 1);
            r = r >= i ? r + 1 : r;
            double difference = BruteForce.cosine(m2.get(i), m2.get(nearest(m1, i)))
                    - BruteForce.cosine(m2.get(i), m2.get(r));
            sum += difference;
            sumSquares += difference * difference;
        }
        double mean = sum / n;
        double standardError = Math.sqrt((sumSquares / n - mean * mean) / n);
        // z > 5: far beyond chance (p < 1e-6); the committed corpus gives about 9.5.
        assertTrue(mean / standardError > 5, "mean difference " + mean + ", standard error " + standardError);
    }

    @Test
    void theWrittenFileReadsBackWithTwoHundredDimensions() throws IOException {
        List<SampleSegment> written = SampleDataGenerator.writeSamples(TestStorage.LOCAL, dir.toString());
        List<Segment> read = LibSvmReader.read(TestStorage.LOCAL, dir.resolve("segments.svm").toString(), 200);
        assertEquals(written.size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(written.get(i).segment(), read.get(i));
        }
        List<String> topics = Files.readAllLines(dir.resolve("segments-topics.tsv"));
        assertEquals("seg00042\t" + written.get(42).topic(), topics.get(42));
        assertTrue(Files.size(dir.resolve("segments.svm")) < 3_000_000);
    }

    @Test
    void theCommittedSamplesAreWhatTheGeneratorWrites() throws IOException {
        Path committed = Path.of(System.getProperty("user.dir"), SampleDataGenerator.DEFAULT_DIR);
        assumeTrue(Files.isDirectory(committed), "no " + committed);
        SampleDataGenerator.writeSamples(TestStorage.LOCAL, dir.toString());
        for (String name : new String[] {"segments.svm", "segments-topics.tsv"}) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(name)), Files.readAllBytes(dir.resolve(name)),
                    name + " is out of date: regenerate it as data-samples/README.md says");
        }
    }

    @Test
    void rejectsInconsistentParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SampleParameters(10, 5, 5, 3, 0.1, 0.8, 0.1, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new SampleParameters(10, 5, 5, 3, 1.0, 0.8, 0.1, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SampleParameters(10, 0, 5, 3, 0.1, 0.8, 0.1, 0.1, 1));
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static double chanceOfSameTopic(List<SampleSegment> segments) {
        double[] share = new double[DEFAULTS.topics()];
        segments.forEach(s -> share[s.topic()] += 1.0 / segments.size());
        return Arrays.stream(share).map(x -> x * x).sum();
    }

    private static double nearestNeighbourAgreement(List<SampleSegment> segments, boolean modality1) {
        List<float[]> vectors = new ArrayList<>();
        for (SampleSegment s : segments) {
            vectors.add(modality1 ? s.segment().modality1(D1) : s.segment().modality2(D1));
        }
        int same = 0;
        for (int i = 0; i < vectors.size(); i++) {
            if (segments.get(nearest(vectors, i)).topic() == segments.get(i).topic()) {
                same++;
            }
        }
        return (double) same / segments.size();
    }

    /** The most cosine-similar other vector. */
    private static int nearest(List<float[]> vectors, int i) {
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < vectors.size(); j++) {
            if (j != i) {
                double c = BruteForce.cosine(vectors.get(i), vectors.get(j));
                if (c > bestSimilarity) {
                    bestSimilarity = c;
                    best = j;
                }
            }
        }
        return best;
    }
}
