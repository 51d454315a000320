package org.bidnn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.Segment;
import org.bidnn.io.TestStorage;
import org.bidnn.rank.BruteForce;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperlinkingSampleGeneratorTest {

    private static final HyperlinkingParameters DEFAULTS = HyperlinkingParameters.defaults();
    private static final int TEXT = DEFAULTS.textSize();
    private static final String[] FILES = {"segments.svm", "anchors.txt", "qrels.tsv", "segments-stories.tsv"};

    private static HyperlinkingSample sample;
    private static Map<String, HyperlinkingSegment> targetsById;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateOnce() {
        sample = HyperlinkingSampleGenerator.generate(DEFAULTS);
        targetsById = new HashMap<>();
        sample.targets().forEach(t -> targetsById.put(t.segment().id(), t));
    }

    private byte[][] written(HyperlinkingParameters p, String name) throws IOException {
        Path out = dir.resolve(name);
        HyperlinkingSampleGenerator.write(HyperlinkingSampleGenerator.generate(p), TestStorage.LOCAL, out.toString());
        byte[][] bytes = new byte[FILES.length][];
        for (int i = 0; i < FILES.length; i++) {
            bytes[i] = Files.readAllBytes(out.resolve(FILES[i]));
        }
        return bytes;
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        HyperlinkingParameters small = DEFAULTS.withSize(5, 400);
        byte[][] first = written(small, "a");
        byte[][] again = written(small, "b");
        byte[][] other = written(small.withSeed(2015), "c");
        for (int i = 0; i < FILES.length; i++) {
            assertArrayEquals(first[i], again[i], FILES[i]);
        }
        assertFalse(Arrays.equals(first[0], other[0]));
        assertFalse(Arrays.equals(first[2], other[2]));
    }

    @Test
    void theCommittedSetIsWhatTheGeneratorWrites() throws IOException {
        Path committed = Path.of(System.getProperty("user.dir"), HyperlinkingSampleGenerator.DEFAULT_DIR);
        assumeTrue(Files.isDirectory(committed), "no " + committed);
        HyperlinkingSampleGenerator.writeSamples(TestStorage.LOCAL, dir.toString());
        for (String name : FILES) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(name)), Files.readAllBytes(dir.resolve(name)),
                    name + " is out of date: regenerate it as data-samples/hyperlinking/README.md says");
        }
    }

    @Test
    void theWrittenFilesReadBackAndStaySmall() throws IOException {
        HyperlinkingSampleGenerator.write(sample, TestStorage.LOCAL, dir.toString());
        List<Segment> read = LibSvmReader.read(TestStorage.LOCAL, dir.resolve("segments.svm").toString(), DEFAULTS.dimensions());
        assertEquals(30 + 4000, read.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(sample.anchors().get(i).segment(), read.get(i));
        }
        for (int i = 0; i < 4000; i++) {
            assertEquals(sample.targets().get(i).segment(), read.get(30 + i));
        }
        assertEquals(sample.anchors().stream().map(a -> a.segment().id()).toList(),
                Files.readAllLines(dir.resolve("anchors.txt")));
        List<String> qrels = Files.readAllLines(dir.resolve("qrels.tsv"));
        assertEquals(sample.judgments().size(), qrels.size());
        Judgment first = sample.judgments().get(0);
        assertEquals(first.anchor() + "\t" + first.target() + "\t" + first.relevance(), qrels.get(0));
        HyperlinkingSegment t = sample.targets().get(42);
        assertEquals(t.segment().id() + "\t" + t.topic() + "\t" + t.story(),
                Files.readAllLines(dir.resolve("segments-stories.tsv")).get(30 + 42));
        assertTrue(Files.size(dir.resolve("segments.svm")) < 4_000_000, "small enough for git");
    }

    @Test
    void shapeAndIds() {
        assertEquals(30, sample.anchors().size());
        assertEquals(4000, sample.targets().size());
        assertEquals("anchor00", sample.anchors().get(0).segment().id());
        assertEquals("target0042", sample.targets().get(42).segment().id());
        Set<String> ids = new HashSet<>();
        for (HyperlinkingSegment s : all()) {
            assertTrue(ids.add(s.segment().id()), "unique id " + s.segment().id());
            assertEquals(200, s.segment().values().length);
            assertTrue(s.topic() >= 0 && s.topic() < DEFAULTS.topics());
        }
        for (HyperlinkingSegment a : sample.anchors()) {
            assertEquals(Availability.BOTH, a.availability(), "anchors have speech and video");
        }
    }

    @Test
    void targetAvailabilityFollowsTheMix() {
        int[] counts = new int[3];
        sample.targets().forEach(t -> counts[t.availability().ordinal()]++);
        // Binomial standard deviation at n = 4000 is at most 0.0057; allow about 3.5 of them.
        assertEquals(DEFAULTS.both(), counts[Availability.BOTH.ordinal()] / 4000.0, 0.02);
        assertEquals(DEFAULTS.onlyText(), counts[Availability.MODALITY_1_ONLY.ordinal()] / 4000.0, 0.02);
        assertEquals(DEFAULTS.onlyVisual(), counts[Availability.MODALITY_2_ONLY.ordinal()] / 4000.0, 0.02);
    }

    @Test
    void textIsABagOfWordsVisualIsNonNegativeAndAMissingModalityIsZero() {
        for (HyperlinkingSegment s : all()) {
            float[] text = s.segment().modality1(TEXT);
            float[] visual = s.segment().modality2(TEXT);
            assertEquals(!s.availability().hasModality1(), allZero(text), s.segment().id());
            assertEquals(!s.availability().hasModality2(), allZero(visual), s.segment().id());
            if (s.availability().hasModality1()) {
                double sum = 0;
                for (float v : text) {
                    assertTrue(v >= 0);
                    sum += v;
                }
                assertEquals(1, sum, 1e-3, s.segment().id());
            }
            for (float v : visual) {
                assertTrue(v >= 0, s.segment().id());
            }
        }
    }

    @Test
    void judgmentsAreConsistentWithTheCorpus() {
        Set<String> anchors = new HashSet<>();
        sample.anchors().forEach(a -> anchors.add(a.segment().id()));
        Set<String> pairs = new HashSet<>();
        Map<String, Integer> relevant = new HashMap<>();
        for (Judgment j : sample.judgments()) {
            assertTrue(anchors.contains(j.anchor()), "judged anchor is in anchors.txt: " + j.anchor());
            assertNotNull(targetsById.get(j.target()), "judged target is a target: " + j.target());
            assertTrue(j.relevance() == 0 || j.relevance() == 1);
            assertTrue(pairs.add(j.anchor() + " " + j.target()), "judged once: " + j);
            relevant.merge(j.anchor(), j.relevance(), Integer::sum);
        }
        for (String a : anchors) {
            assertTrue(relevant.getOrDefault(a, 0) >= 1, a + " has a relevant target");
        }
    }

    @Test
    void eachAnchorIsJudgedOnItsStoryNearMissesAndOthers() {
        for (HyperlinkingSegment anchor : sample.anchors()) {
            String id = anchor.segment().id();
            List<HyperlinkingSegment> judged = sample.judgments().stream().filter(j -> j.anchor().equals(id))
                    .map(j -> targetsById.get(j.target())).toList();
            long story = sample.targets().stream().filter(t -> t.story() == anchor.story()).count();
            long judgedStory = judged.stream().filter(t -> t.story() == anchor.story()).count();
            long nearMisses = judged.stream().filter(t -> t.topic() == anchor.topic() && t.story() != anchor.story())
                    .count();
            long others = judged.stream().filter(t -> t.topic() != anchor.topic()).count();
            assertEquals(story, judgedStory, id + ": every target of the story is judged");
            assertTrue(story >= Stories.MIN_STORY_SIZE, id);
            assertEquals(DEFAULTS.sameTopicNegatives(), nearMisses, id);
            assertEquals(DEFAULTS.randomNegatives(), others, id);
        }
        int[] perAnchor = HyperlinkingSummary.of(sample).relevantPerAnchor();
        int min = Arrays.stream(perAnchor).min().orElseThrow();
        int max = Arrays.stream(perAnchor).max().orElseThrow();
        // A handful to a few dozen, and uneven: the committed set has 3 to 65.
        assertTrue(min >= 3 && max <= 100, min + ".." + max);
        assertTrue(max >= 4 * min, "uneven: " + min + ".." + max);
    }

    @Test
    void labelNoiseFlipsAboutTheSetShareOfJudgments() {
        HyperlinkingSummary summary = HyperlinkingSummary.of(sample);
        // About 2,000 judgments: a standard deviation of 0.0057 at 7%; the committed set draws 8.1%.
        assertEquals(DEFAULTS.labelNoise(), summary.flippedShare(), 0.02);

        HyperlinkingParameters small = DEFAULTS.withSize(10, 1000);
        assertEquals(0, HyperlinkingSummary.of(HyperlinkingSampleGenerator.generate(small.withLabelNoise(0))).flipped());
        HyperlinkingSummary noisy = HyperlinkingSummary.of(HyperlinkingSampleGenerator.generate(small.withLabelNoise(0.3)));
        double sd = Math.sqrt(0.3 * 0.7 / noisy.judgments());
        assertEquals(0.3, noisy.flippedShare(), 4 * sd);
    }

    @Test
    void labelNoiseChangesOnlyTheJudgments() {
        HyperlinkingParameters small = DEFAULTS.withSize(5, 400);
        HyperlinkingSample clean = HyperlinkingSampleGenerator.generate(small.withLabelNoise(0));
        HyperlinkingSample noisy = HyperlinkingSampleGenerator.generate(small.withLabelNoise(0.2));
        assertEquals(clean.anchors(), noisy.anchors());
        assertEquals(clean.targets(), noisy.targets());
        assertEquals(clean.judgments().stream().map(j -> j.anchor() + j.target()).toList(),
                noisy.judgments().stream().map(j -> j.anchor() + j.target()).toList());
    }

    /**
     * Each modality alone finds relevant targets far above chance, and neither finds them all.
     * P@10 is computed as trec_eval would score a run over the whole corpus: every target is ranked
     * by cosine to the anchor on that modality (targets without it cannot be ranked and come last),
     * relevance is the qrels' (noisy) judgment, and unjudged targets count as non-relevant.
     */
    @Test
    void eachModalityAloneRanksRelevantTargetsWellButNotPerfectly() {
        double chance = 0;
        for (HyperlinkingSegment a : sample.anchors()) {
            chance += relevantOf(a.segment().id()).size() / 4000.0 / 30;
        }
        double text = meanPrecisionAt10(true);
        double visual = meanPrecisionAt10(false);
        // The committed set gives 0.540 by text and 0.367 by visual, against a chance of 0.005.
        assertTrue(chance < 0.01, "chance " + chance);
        for (double p : new double[] {text, visual}) {
            assertTrue(p > 0.15 && p > 20 * chance, "well above chance: " + p);
            assertTrue(p < 0.9, "not perfect: " + p);
        }
        assertTrue(text > visual, "text carries the story more strongly: " + text + " vs " + visual);
    }

    private static double meanPrecisionAt10(boolean text) {
        double sum = 0;
        for (HyperlinkingSegment anchor : sample.anchors()) {
            float[] query = modality(anchor, text);
            Set<String> relevant = relevantOf(anchor.segment().id());
            List<double[]> scored = new ArrayList<>();
            for (int t = 0; t < sample.targets().size(); t++) {
                HyperlinkingSegment target = sample.targets().get(t);
                boolean present = text ? target.availability().hasModality1() : target.availability().hasModality2();
                if (present) {
                    scored.add(new double[] {BruteForce.cosine(query, modality(target, text)), t});
                }
            }
            // Highest cosine first; ties (there are none in practice) by target order.
            scored.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
            int hits = 0;
            for (int r = 0; r < 10; r++) {
                if (relevant.contains(sample.targets().get((int) scored.get(r)[1]).segment().id())) {
                    hits++;
                }
            }
            sum += hits / 10.0;
        }
        return sum / sample.anchors().size();
    }

    private static Set<String> relevantOf(String anchor) {
        Set<String> relevant = new HashSet<>();
        for (Judgment j : sample.judgments()) {
            if (j.anchor().equals(anchor) && j.relevance() == 1) {
                relevant.add(j.target());
            }
        }
        return relevant;
    }

    @Test
    void rejectsInconsistentParameters() {
        assertThrows(IllegalArgumentException.class,
                () -> new HyperlinkingParameters(3, 100, 10, 10, 4, 0.8, 0.1, 0.2, 5, 5, 0.05, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new HyperlinkingParameters(3, 100, 10, 10, 4, 0.8, 0.1, 0.1, 5, 5, 0.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new HyperlinkingParameters(0, 100, 10, 10, 4, 0.8, 0.1, 0.1, 5, 5, 0.05, 1));
        // Too few targets to give 30 anchors a story of their own with something to link to.
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> HyperlinkingSampleGenerator.generate(DEFAULTS.withSize(30, 60)));
        assertTrue(tooFew.getMessage().contains("30 anchors"), tooFew.getMessage());
    }

    private static List<HyperlinkingSegment> all() {
        List<HyperlinkingSegment> all = new ArrayList<>(sample.anchors());
        all.addAll(sample.targets());
        return all;
    }

    private static float[] modality(HyperlinkingSegment s, boolean text) {
        return text ? s.segment().modality1(TEXT) : s.segment().modality2(TEXT);
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
