package org.bidnn.train;

import java.util.List;
import org.bidnn.model.Provenance;

/** The {@link Provenance} of a model about to be trained, from the settings the trainers take. */
public final class TrainingProvenance {

    private TrainingProvenance() {
    }

    /**
     * Provenance of a training on one machine ({@code bidnn run}): no workers, no averaging.
     *
     * @param arguments the command line's arguments, or null where there is none
     * @param resumedFrom the model training starts from, or null for a new one
     */
    public static Provenance local(String command, List<String> arguments, List<String> inputs,
                                   TrainingSettings settings, String resumedFrom) {
        return new Provenance(command, arguments, inputs, null, settings.batchSize(), null, null, settings.seed(),
                resumedFrom, Provenance.libraryVersions());
    }

    /** Provenance of a training on Spark ({@link SparkTrainer}); the arguments as {@link #local}'s. */
    public static Provenance spark(String command, List<String> arguments, List<String> inputs,
                                   TrainingSettings settings, SparkTrainingOptions options, String resumedFrom) {
        return new Provenance(command, arguments, inputs, null, settings.batchSize(), options.workers(),
                options.averagingFrequency(), settings.seed(), resumedFrom, Provenance.libraryVersions());
    }
}
