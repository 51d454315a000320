package org.bidnn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;

/**
 * Periodic saves of a model under training, optimiser state included, so that a killed job
 * resumes from the last one ({@code --resume}) and ends with the model it would have trained
 * without the interruption. Files are {@code epoch-00010.bidnn} (epochs since the model was
 * created); the two newest are kept.
 */
public final class Checkpoints {

    private static final String PREFIX = "epoch-";
    private static final String SUFFIX = ".bidnn";
    private static final int KEEP = 2;

    private final Path dir;
    private final int every;

    /** @param every save after every this many epochs; 0 never */
    public Checkpoints(Path dir, int every) {
        if (every < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be 0 or more, got " + every);
        }
        this.dir = dir;
        this.every = every;
    }

    /** Saves {@code network} if its epoch count is due; returns the file written, if any. */
    public Optional<Path> maybeSave(BiDNNNetwork network) throws IOException {
        int epoch = network.epochsTrained();
        if (every == 0 || epoch % every != 0) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format("%s%05d%s", PREFIX, epoch, SUFFIX));
        ModelFile.save(network, file);
        List<Path> all = list(dir);
        for (Path old : all.subList(0, Math.max(0, all.size() - KEEP))) {
            Files.deleteIfExists(old);
        }
        return Optional.of(file);
    }

    /** The newest checkpoint in {@code dir}, if any. */
    public static Optional<Path> latest(Path dir) throws IOException {
        List<Path> all = list(dir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Checkpoints in epoch order (the zero-padded names sort as numbers). */
    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().toList();
        }
    }
}
