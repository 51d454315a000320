package org.bidnn.train;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bidnn.io.BadInputException;
import org.bidnn.io.Storage;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.ModelFile;
import org.bidnn.model.TrainedModel;

/**
 * Periodic saves of a model under training, optimiser state included, so that a killed job
 * resumes from the last one ({@code --resume}) and ends with the model it would have trained
 * without the interruption. Files are {@code epoch-00010.bidnn} (epochs since the model was
 * created) in a directory on any file system ({@link Storage}); each is written atomically, so a
 * checkpoint is either complete or absent, and the two newest are kept.
 */
public final class Checkpoints {

    private static final String PREFIX = "epoch-";
    private static final String SUFFIX = ".bidnn";
    private static final int KEEP = 2;

    private final String dir;
    private final int every;

    /** @param every save after every this many epochs; 0 never */
    public Checkpoints(String dir, int every) {
        if (every < 0) {
            throw new BadInputException("--checkpoint-every must be 0 or more, got " + every);
        }
        this.dir = dir;
        this.every = every;
    }

    /** The directory of {@code model}'s checkpoints when none is given: {@code MODEL.checkpoints} beside it. */
    public static String besideModel(String model) {
        String parent = Storage.parent(model);
        String name = Storage.name(model) + ".checkpoints";
        return parent == null ? name : Storage.child(parent, name);
    }

    /** Saves {@code network} if its epoch count is due; returns the file written, if any. */
    public Optional<String> maybeSave(Storage storage, BiDNNNetwork network) throws IOException {
        return maybeSave(storage, TrainedModel.of(network));
    }

    /** As {@link #maybeSave(Storage, BiDNNNetwork)}, with the model's scaling, so that a checkpoint is a whole model. */
    public Optional<String> maybeSave(Storage storage, TrainedModel model) throws IOException {
        int epoch = model.network().epochsTrained();
        if (every == 0 || epoch % every != 0) {
            return Optional.empty();
        }
        String file = Storage.child(dir, String.format("%s%05d%s", PREFIX, epoch, SUFFIX));
        ModelFile.save(model, storage, file);
        List<String> all = list(storage, dir);
        for (String old : all.subList(0, Math.max(0, all.size() - KEEP))) {
            storage.delete(old);
        }
        return Optional.of(file);
    }

    /** The newest checkpoint in {@code dir}, if any. */
    public static Optional<String> latest(Storage storage, String dir) throws IOException {
        List<String> all = list(storage, dir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Checkpoints in epoch order (the zero-padded names sort as numbers); temporaries are hidden names. */
    private static List<String> list(Storage storage, String dir) throws IOException {
        if (!storage.isDirectory(dir)) {
            return List.of();
        }
        return storage.list(dir).stream().filter(p -> {
            String name = Storage.name(p);
            return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
        }).toList();
    }
}
