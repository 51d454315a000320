package org.bidnn.train;

import java.io.IOException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bidnn.model.Architecture;
import org.bidnn.model.BiDNNNetwork;
import org.bidnn.model.FeatureScaler;
import org.bidnn.model.Optimizer;
import org.bidnn.model.Provenance;
import org.bidnn.model.Scaling;
import org.bidnn.model.TrainedModel;

/**
 * Trains a new model on rows held by Spark: keeps the rows with both modalities (every row with
 * {@code ignoreZeroes}), fits the input scaling on them with MLlib ({@link ScalingFit}), and trains a
 * network on the scaled rows with {@link SparkTrainer}. The core of the Spark ML estimator's fit.
 */
public record SparkModelTraining(Architecture architecture, Optimizer optimizer, TrainingSettings settings,
                                 SparkTrainingOptions options, Scaling scaling, boolean ignoreZeroes) {

    /**
     * @param inputRows every input row {@code [x1 | x2]}, with or without its modalities
     * @param provenance what asks for the model, recorded in it with the number of training rows
     */
    public TrainedModel train(SparkSession spark, JavaRDD<float[]> inputRows, Provenance provenance,
                              EpochListener listener) throws IOException {
        int d1 = architecture.mod1Size();
        boolean all = ignoreZeroes;
        JavaRDD<float[]> raw = TrainingRows.select(inputRows, d1, all);
        BiDNNNetwork network = BiDNNNetwork.create(architecture, optimizer, settings.seed());
        FeatureScaler scaler = ScalingFit.spark(scaling, spark, raw);
        JavaRDD<float[]> rows = raw.map(v -> scaler.scale(v, d1, all));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long count = new SparkTrainer(settings, options).train(sc, network, rows, listener);
        return new TrainedModel(network, scaler, null, provenance.withTrainingRows(count));
    }
}
