package org.bidnn.jobs.compare;

import java.io.IOException;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bidnn.baselines.AutoencoderSettings;
import org.bidnn.baselines.ConcatenatedAutoencoder;
import org.bidnn.baselines.SharedCentralAutoencoder;
import org.bidnn.io.Segment;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.SegmentEmbedder;
import org.bidnn.model.Trainable;
import org.bidnn.model.TrainedModel;
import org.bidnn.train.LocalTrainer;
import org.bidnn.train.TrainingSettings;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One model of a comparison trained from scratch with one seed, inside one Spark task: a BiDNN or
 * one of the autoencoder baselines, trained by {@link LocalTrainer} on the broadcast training rows
 * and scored on the evaluation set after every epoch. A comparison is many small independent
 * trainings, so Spark spreads the trainings over the executors rather than one training over
 * them (which {@code bidnn train} does, for one large model).
 */
record TrainingTask(Method.Family family, int run, long seed) implements Serializable {

    TrainingOutcome execute(CompareData data) throws IOException {
        long start = System.nanoTime();
        TrainingSettings settings = new TrainingSettings(data.training().epochs(), data.training().batchSize(), seed);
        int epochs = settings.epochs();
        Model model = model(data);
        EvaluationSet evaluation = data.evaluation();
        Map<Method, double[]> precision = new EnumMap<>(Method.class);
        Map<Method, double[]> map = new EnumMap<>(Method.class);
        Map<Method, Map<String, List<String>>> finalRankings = new EnumMap<>(Method.class);
        java.util.Set<Method> scoredMethods = new java.util.LinkedHashSet<>(model.methods.keySet());
        if (model.weightedHalves != null) {
            scoredMethods.add(Method.BIDNN_EMBEDDING_WEIGHTED);
        }
        scoredMethods.forEach(m -> {
            precision.put(m, new double[epochs]);
            map.put(m, new double[epochs]);
        });
        double[] loss = new double[epochs];
        Double[] weight = new Double[1];
        new LocalTrainer(settings).train(model.trainable, Nd4j.create(data.scaledTrainingRows()), (epoch, total, l, took) -> {
            loss[epoch - 1] = l;
            if (model.weightedHalves != null) {
                WeightSearch.Outcome o = WeightSearch.search(evaluation, model.weightedHalves[0], model.weightedHalves[1],
                        data.weightSteps(), data.weightByMap());
                precision.get(Method.BIDNN_EMBEDDING_WEIGHTED)[epoch - 1] = o.precisionAtK()[o.best()];
                map.get(Method.BIDNN_EMBEDDING_WEIGHTED)[epoch - 1] = o.meanAveragePrecision()[o.best()];
                if (epoch == total) {
                    finalRankings.put(Method.BIDNN_EMBEDDING_WEIGHTED, o.bestRankings());
                    weight[0] = o.bestWeight();
                }
            }
            model.methods.forEach((m, representation) -> {
                Map<String, List<String>> rankings = evaluation.rank(representation);
                EvaluationSet.Score score = evaluation.score(rankings);
                precision.get(m)[epoch - 1] = score.precisionAtK();
                map.get(m)[epoch - 1] = score.meanAveragePrecision();
                if (epoch == total) {
                    finalRankings.put(m, rankings);
                }
            });
        });
        if (epochs == 0) {
            model.methods.forEach((m, r) -> finalRankings.put(m, evaluation.rank(r)));
            if (model.weightedHalves != null) {
                WeightSearch.Outcome o = WeightSearch.search(evaluation, model.weightedHalves[0], model.weightedHalves[1],
                        data.weightSteps(), data.weightByMap());
                finalRankings.put(Method.BIDNN_EMBEDDING_WEIGHTED, o.bestRankings());
                weight[0] = o.bestWeight();
            }
        }
        float[][] anchorEmbeddings = family != Method.Family.BIDNN ? null
                : model.methods.get(Method.BIDNN_EMBEDDING_BOTH).apply(
                        evaluation.anchors().stream().map(Segment::values).toArray(float[][]::new));
        return new TrainingOutcome(family, run, seed, precision, map, finalRankings, loss, anchorEmbeddings,
                (System.nanoTime() - start) / 1e9, weight[0]);
    }

    /**
     * A freshly initialised model of the family, with how each of its methods represents a segment;
     * for BiDNN also the halves of its embedding, whose weight is searched after every epoch.
     */
    private record Model(Trainable trainable, Map<Method, Representation> methods, Representation[] weightedHalves) {
    }

    private Model model(CompareData data) {
        Architecture a = data.architecture();
        if (family == Method.Family.BIDNN) {
            BiDNNNetwork network = BiDNNNetwork.create(a, data.optimizer(), seed);
            TrainedModel trained = new TrainedModel(network, data.scaler(), null);
            return new Model(network, Representations.bidnn(trained, data.ignoreZeroes()),
                    Representations.embeddingHalves(trained, data.ignoreZeroes()));
        }
        // Sized like the BiDNN: hidden layers hdn - rep - hdn, the same activation and optimiser.
        AutoencoderSettings s = new AutoencoderSettings(a.mod1Size(), a.mod2Size(), a.hiddenSize(), a.embeddingSize(),
                a.activation(), data.optimizer(), data.modalityDropout(), seed);
        Trainable trainable;
        SegmentEmbedder embedder;
        Method method;
        switch (family) {
            case AUTOENCODER_CONCATENATED -> {
                ConcatenatedAutoencoder ae = new ConcatenatedAutoencoder(s);
                trainable = ae;
                embedder = ae;
                method = Method.AUTOENCODER_CONCATENATED;
            }
            case AUTOENCODER_SHARED -> {
                SharedCentralAutoencoder ae = new SharedCentralAutoencoder(s);
                trainable = ae;
                embedder = ae;
                method = Method.AUTOENCODER_SHARED;
            }
            default -> throw new IllegalStateException(family + " is not trained");
        }
        Map<Method, Representation> methods = new EnumMap<>(Method.class);
        methods.put(method, Representations.autoencoder(embedder, data.scaler(), a.mod1Size(), data.ignoreZeroes()));
        return new Model(trainable, methods, null);
    }
}
