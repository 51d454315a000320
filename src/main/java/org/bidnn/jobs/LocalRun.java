package org.bidnn.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bidnn.io.BadInputException;
import org.bidnn.io.LibSvmReader;
import org.bidnn.io.LibSvmWriter;
import org.bidnn.io.Segment;
import org.bidnn.io.Storage;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.ModelFile;
import org.bidnn.model.ModelResume;
import org.bidnn.model.Presence;
import org.bidnn.model.Provenance;
import org.bidnn.model.ScaledSegmentTransformer;
import org.bidnn.model.TrainedModel;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.ScalingFit;
import org.bidnn.train.TrainingRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The original tool's job on one machine: read a LibSVM file, train (or load) a BiDNN, and write
 * the multimodal embedding or the crossmodal expansion, with the periodic writes, model saves and
 * commands of {@code -w}, {@code -s} and {@code -x}. A new model's input scaling is fitted on the
 * training rows; the network trains on scaled rows, and every output is in the input's units
 * ({@link ScaledSegmentTransformer}).
 */
public final class LocalRun {

    /** Rows per inference batch when writing outputs. */
    private static final int WRITE_BATCH = 1024;

    private final RunOptions options;
    private final Storage storage;
    private final Console console;

    /** @param storage where the input, the outputs and the models are (local disk, HDFS, ...) */
    public LocalRun(RunOptions options, Storage storage, Console console) {
        this.options = options;
        this.storage = storage;
        this.console = console;
    }

    /** Runs the job; every file it writes appears whole or not at all. */
    public void execute() throws IOException, InterruptedException {
        execute(null);
    }

    /** As {@link #execute()}, recording {@code provenance} (with the number of training rows) in the saved models. */
    public void execute(Provenance provenance) throws IOException, InterruptedException {
        Architecture a = options.architecture();
        printSettings();
        checkOutputs();
        List<Segment> segments = LibSvmReader.read(storage, options.input(), a.inputSize());
        List<float[]> rows = segments.stream().map(Segment::values).toList();
        checkTrainingRows(reportAvailability(rows));

        INDArray selected = TrainingRows.select(rows, a.mod1Size(), options.ignoreZeroes());
        TrainedModel started = startingModel(selected);
        TrainedModel model = provenance == null ? started
                : started.withProvenance(provenance.withTrainingRows(selected.rows()));
        BiDNNNetwork network = model.network();
        INDArray trainingRows = scaledTrainingRows(rows, model.scaler());
        console.say(Console.PROGRESS, "Training on %d rows, %d epochs", trainingRows.rows(), options.training().epochs());
        ScaledSegmentTransformer transformer = new ScaledSegmentTransformer(model, options.mode(),
                options.l2Normalize(), options.ignoreZeroes());
        new LocalTrainer(options.training()).train(network, trainingRows, (epoch, total, loss, took) -> {
            console.say(Console.PROGRESS, "Epoch %d of %d took %.3fs training loss:\t%.6f",
                    epoch, total, took.toNanos() / 1e9, loss);
            if (options.writeAfter() > 0 && epoch % options.writeAfter() == 0) {
                publish(model, transformer, segments, pattern -> EpochPlaceholder.forEpoch(pattern, epoch));
            }
        });
        publish(model, transformer, segments, EpochPlaceholder::forFinal);
    }

    /** The rows with both modalities (all with -z), in the network's units. */
    private INDArray scaledTrainingRows(List<float[]> rows, FeatureScaler scaler) {
        int d1 = options.architecture().mod1Size();
        List<float[]> scaled = rows.stream().map(r -> scaler.scale(r, d1, options.ignoreZeroes())).toList();
        return TrainingRows.select(scaled, d1, options.ignoreZeroes());
    }

    /**
     * A new model, its scaling fitted on {@code trainingRows} (when there are any: without training
     * and without rows to fit on, the model has no scaling), or the loaded one with its own scaling.
     */
    private TrainedModel startingModel(INDArray trainingRows) throws IOException {
        Architecture wanted = options.architecture();
        if (options.loadModel() == null) {
            BiDNNNetwork network = BiDNNNetwork.create(wanted, options.optimizer(), options.training().seed());
            boolean nothingToFit = trainingRows.rows() == 0 && options.training().epochs() == 0;
            FeatureScaler scaler = nothingToFit ? FeatureScaler.NONE : ScalingFit.local(options.scaling(), trainingRows);
            console.say(Console.PROGRESS, "Input scaling: %s", scaler.method().cliName());
            return new TrainedModel(network, scaler, null);
        }
        console.say(Console.PROGRESS, "Loading model from %s", options.loadModel());
        TrainedModel loadedModel = ModelFile.load(storage, options.loadModel()).model();
        console.say(Console.PROGRESS, "Input scaling (the model's): %s", loadedModel.scaler().method().cliName());
        return ModelResume.resume(loadedModel, options.loadModel(), wanted, options.optimizer());
    }

    /** Writes the output, saves the model and runs the command, for one epoch or the final one. */
    private void publish(TrainedModel model, ScaledSegmentTransformer transformer, List<Segment> segments,
                         java.util.function.UnaryOperator<String> placeholder) throws IOException {
        String output = placeholder.apply(options.output());
        console.say(Console.PROGRESS, "Saving output to %s", output);
        writeOutput(transformer, segments, output);
        if (options.saveModel() != null) {
            String modelPath = placeholder.apply(options.saveModel());
            console.say(Console.PROGRESS, "Saving model to %s", modelPath);
            ModelFile.save(model, storage, modelPath);
        }
        if (options.execCommand() != null) {
            runCommand(placeholder.apply(options.execCommand()));
        }
    }

    private void writeOutput(ScaledSegmentTransformer transformer, List<Segment> segments, String output) throws IOException {
        List<String> ids = new ArrayList<>(segments.size());
        List<float[]> vectors = new ArrayList<>(segments.size());
        for (int from = 0; from < segments.size(); from += WRITE_BATCH) {
            List<Segment> batch = segments.subList(from, Math.min(segments.size(), from + WRITE_BATCH));
            float[][] out = transformer.transform(batch.stream().map(Segment::values).toArray(float[][]::new));
            for (int i = 0; i < out.length; i++) {
                ids.add(batch.get(i).id());
                vectors.add(out[i]);
            }
        }
        LibSvmWriter.write(storage, output, ids, vectors, options.zeroBased());
    }

    private void runCommand(String command) throws IOException {
        console.say(Console.PROGRESS, "Running %s", command);
        Process process = new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                console.say(Console.SETTINGS, "warning: command exited with status %d: %s", exit, command);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running: " + command, e);
        }
    }

    /**
     * Refuses, before the hours of training, an output or model target that could not be written
     * at the end (a directory) or that is an input of this run.
     */
    private void checkOutputs() throws IOException {
        String[] inputs = {options.input(), options.loadModel()};
        storage.checkOutputFile(EpochPlaceholder.forFinal(options.output()), inputs);
        if (options.saveModel() != null) {
            storage.checkOutputFile(EpochPlaceholder.forFinal(options.saveModel()), inputs);
        }
    }

    /** Training needs a batch of rows with both modalities; say why there is none, with the file. */
    private void checkTrainingRows(Map<Presence, Integer> counts) {
        int both = counts.get(Presence.BOTH);
        int batch = options.training().batchSize();
        if (options.training().epochs() == 0 || both >= batch) {
            return;
        }
        if (both == 0) {
            throw new BadInputException(options.input() + ": no row has both modalities (" + counts.get(Presence.ONLY_MOD1)
                    + " have only the 1st, " + counts.get(Presence.ONLY_MOD2) + " only the 2nd, " + counts.get(Presence.NONE)
                    + " neither), and the BiDNN learns from rows with both: check mod1size and mod2size"
                    + (options.ignoreZeroes() ? "" : ", or give -z if zeros are real values"));
        }
        throw new BadInputException(options.input() + ": only " + both + " training rows (rows with both modalities), "
                + "fewer than one batch of " + batch + ": give -b " + both + " or less, or more data");
    }

    private Map<Presence, Integer> reportAvailability(List<float[]> rows) {
        Map<Presence, Integer> counts = new EnumMap<>(Presence.class);
        Arrays.stream(Presence.values()).forEach(p -> counts.put(p, 0));
        for (float[] row : rows) {
            counts.merge(Presence.of(row, options.architecture().mod1Size(), options.ignoreZeroes()), 1, Integer::sum);
        }
        console.say(Console.PROGRESS, "Read %d rows from %s", rows.size(), options.input());
        console.say(Console.PROGRESS, "Both modalities present: %d%nMissing 1st: %d%nMissing 2nd: %d%nMissing both modalities: %d",
                counts.get(Presence.BOTH), counts.get(Presence.ONLY_MOD2), counts.get(Presence.ONLY_MOD1),
                counts.get(Presence.NONE));
        return counts;
    }

    private void printSettings() {
        Architecture a = options.architecture();
        console.say(Console.SETTINGS, "Input file : %s%nOutput file: %s", options.input(), options.output());
        console.say(Console.SETTINGS, "Size of 1st modality: %d%nSize of 2nd modality: %d%n1st hidden layer size: %d%nRepresentation size: %d",
                a.mod1Size(), a.mod2Size(), a.hiddenSize(), a.embeddingSize());
        console.say(Console.SETTINGS, "Epochs: %d%nActivation: %s%nDropout: %s%nBatch size: %d%nLearning rate: %s%nMomentum: %s",
                options.training().epochs(), a.activation().cliName(), a.dropout(), options.training().batchSize(),
                options.optimizer().learningRate(), options.optimizer().momentum());
        console.say(Console.SETTINGS, "Load: %s%nSave: %s%nIgnore zeroes: %s%nDo not tie: %s%nL2 normalizing outputs: %s",
                options.loadModel(), options.saveModel(), options.ignoreZeroes(), !a.tied(), options.l2Normalize());
        console.say(Console.SETTINGS, "Scaling: %s", options.loadModel() == null ? options.scaling().cliName() : "the model's");
        console.say(Console.SETTINGS, "Writing every x epochs: %s%nExecuting after writes: %s%nPerforming %s",
                options.writeAfter() == 0 ? "None" : options.writeAfter(), options.execCommand(),
                options.mode() == org.bidnn.model.OutputMode.CROSSMODAL ? "crossmodal expansion" : "multimodal embedding");
    }
}
