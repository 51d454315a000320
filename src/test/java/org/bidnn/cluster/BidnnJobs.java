package org.bidnn.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bidnn.io.TestStorage;
import org.bidnn.model.ModelFile;

/**
 * The real job on a cluster: the command lines of {@code bidnn train} and {@code bidnn embed} the
 * cluster tests submit, and the checks of what they wrote.
 */
final class BidnnJobs {

    /** The sample corpus: 2,000 segments, two 100-d modalities, some with one modality only. */
    static final Path SEGMENTS = BuildLayout.projectDir().resolve("data-samples/segments.svm");
    static final int EMBEDDING_SIZE = 16;

    private BidnnJobs() {
    }

    /** {@code bidnn train} on {@code input}: a small BiDNN (32 hidden, 16-d embedding), 2 workers. */
    static SparkApp train(Path input, Path model, int epochs, int batch, String... more) {
        return train(input.toString(), model.toString(), epochs, batch, more);
    }

    /** As {@link #train(Path, Path, int, int, String...)}, with paths as the command takes them (URIs). */
    static SparkApp train(String input, String model, int epochs, int batch, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--input", input,
                "--mod1-size", "100", "--mod2-size", "100", "--hidden", "32", "--rep", Integer.toString(EMBEDDING_SIZE),
                "-e", Integer.toString(epochs), "-b", Integer.toString(batch), "--workers", "2",
                "--model", model, "-v", "2"));
        args.addAll(List.of(more));
        return SparkApp.bidnn(args.toArray(String[]::new));
    }

    /** {@code bidnn embed} of {@code input} with {@code model} into {@code output} (LibSVM). */
    static SparkApp embed(Path model, Path input, Path output, String... more) {
        return embed(model.toString(), input.toString(), output.toString(), more);
    }

    /** As {@link #embed(Path, Path, Path, String...)}, with paths as the command takes them (URIs). */
    static SparkApp embed(String model, String input, String output, String... more) {
        List<String> args = new ArrayList<>(List.of("embed", "--model", model,
                "--input", input, "--output", output, "-v", "2"));
        args.addAll(List.of(more));
        return SparkApp.bidnn(args.toArray(String[]::new));
    }

    /**
     * {@code bidnn train} (3 epochs) then {@code bidnn embed} with the model it saved, both on
     * {@code cluster} in {@code mode}, into {@code work}; checks the model and that the embedding
     * has every sample segment exactly once.
     */
    static void trainThenEmbed(SparkCluster cluster, DeployMode mode, Path work, Duration timeout) throws Exception {
        trainThenEmbed(cluster, mode, work, timeout, Path::toString);
    }

    /** As {@link #trainThenEmbed(SparkCluster, DeployMode, Path, Duration)}, each path given to the commands as {@code name} has it. */
    static void trainThenEmbed(SparkCluster cluster, DeployMode mode, Path work, Duration timeout,
                               Function<Path, String> name) throws Exception {
        Path model = work.resolve("model.bidnn");
        Path embedding = work.resolve("embedding");
        cluster.assertSucceeded(cluster.submit(train(name.apply(SEGMENTS), name.apply(model), 3, 64), mode), timeout);
        assertModel(model, 3);
        cluster.assertSucceeded(cluster.submit(embed(name.apply(model), name.apply(SEGMENTS), name.apply(embedding)), mode),
                timeout);
        assertEmbedding(embedding, inputIds(SEGMENTS));
    }

    /** The model file loads and has seen {@code epochs} epochs. */
    static void assertModel(Path model, int epochs) throws IOException {
        assertTrue(Files.isRegularFile(model), "no model at " + model);
        ModelFile.Loaded loaded = ModelFile.load(TestStorage.LOCAL, model.toString());
        assertEquals(epochs, loaded.network().epochsTrained(), "epochs trained by " + model);
        assertEquals(EMBEDDING_SIZE, loaded.network().architecture().embeddingSize());
    }

    /** The ids of a LibSVM input (a file or the files of a directory), in order. */
    static List<String> inputIds(Path input) {
        List<String> ids = new ArrayList<>();
        for (Path file : files(input)) {
            for (String line : lines(file)) {
                if (!line.isBlank()) {
                    ids.add(line.split(" ", 2)[0]);
                }
            }
        }
        return ids;
    }

    /**
     * The embedding directory is complete ({@code _SUCCESS}), holds no leftover of the job
     * (temporary folders, hidden files), and has exactly one line per input segment: every input
     * id exactly once, none other, each with a {@value #EMBEDDING_SIZE}-d embedding (the input has
     * no segment without a modality, so none is empty).
     */
    static void assertEmbedding(Path output, List<String> expectedIds) {
        assertTrue(Files.isRegularFile(output.resolve("_SUCCESS")), "no _SUCCESS in " + output + ": " + names(output));
        List<Path> parts = files(output);
        assertTrue(!parts.isEmpty(), "no part file in " + output);
        for (String name : names(output)) {
            // Hadoop's local file system keeps a hidden .NAME.crc beside each file.
            String file = name.startsWith(".") && name.endsWith(".crc") ? name.substring(1, name.length() - 4) : name;
            // _bidnn: the state an incremental embedding keeps beside its output.
            assertTrue(file.equals("_SUCCESS") || file.equals("_bidnn") || file.startsWith("part-"),
                    "unexpected file in the output: " + name);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path part : parts) {
            for (String line : lines(part)) {
                String[] tokens = line.trim().split(" ");
                seen.merge(tokens[0], 1, Integer::sum);
                if (tokens.length - 1 != EMBEDDING_SIZE && problems.size() < 10) {
                    problems.add(part.getFileName() + ": " + (tokens.length - 1) + " values: " + line);
                }
                for (int i = 1; i < tokens.length; i++) {
                    int index = Integer.parseInt(tokens[i].substring(0, tokens[i].indexOf(':')));
                    if ((index < 1 || index > EMBEDDING_SIZE) && problems.size() < 10) {
                        problems.add(part.getFileName() + ": index " + index + ": " + line);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "bad embedding lines: " + problems);
        List<String> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).sorted().limit(20).toList();
        assertTrue(duplicated.isEmpty(), "ids written more than once: " + duplicated);
        List<String> missing = expectedIds.stream().filter(id -> !seen.containsKey(id)).limit(20).toList();
        assertTrue(missing.isEmpty(), "ids missing from the output: " + missing);
        assertEquals(expectedIds.size(), seen.size(), "one line per input segment");
        assertEquals(expectedIds.size(), new java.util.HashSet<>(expectedIds).size(), "the input's ids are unique");
    }

    /**
     * {@code copies} copies of the sample corpus in a new directory, one file each, the ids made
     * unique by a prefix ({@code c3-seg00042}): a longer embedding job with several input files.
     */
    static Path replicatedCorpus(Path dir, int copies) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = lines(SEGMENTS);
        for (int c = 0; c < copies; c++) {
            String prefix = "c" + c + "-";
            Files.write(dir.resolve(String.format("segments-%02d.svm", c)),
                    lines.stream().map(l -> prefix + l).toList(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Whether a line of {@code log} contains {@code text}. */
    static boolean logContains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The regular files of a directory whose names do not start with '_' or '.' (or the file itself), by name. */
    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("_")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
