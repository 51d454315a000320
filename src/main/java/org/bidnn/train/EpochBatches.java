package org.bidnn.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.bidnn.model.BiDNNNetwork;
import org.nd4j.linalg.dataset.DataSet;
import scala.Tuple2;

/**
 * Cuts the training rows into one epoch's minibatches on Spark, in {@link EpochShuffle} order:
 * minibatch b holds rows {@code b*batch .. (b+1)*batch-1} of the shuffled order, the last partial
 * batch is dropped, and the minibatches come out ordered by b in contiguous ranges per partition.
 * This is exactly the sequence {@link LocalTrainer} fits, so one worker trains the same model.
 */
final class EpochBatches {

    private EpochBatches() {
    }

    /**
     * @param indexedRows training rows with their stable index (from {@code zipWithIndex})
     * @param batches number of whole minibatches in the epoch
     */
    static JavaRDD<DataSet> of(JavaPairRDD<float[], Long> indexedRows, long seed, int epoch, int batch,
                               long batches, int partitions, int mod1Size) {
        long rows = batches * batch;
        JavaRDD<float[]> shuffled = indexedRows
                .mapToPair(t -> new Tuple2<>(EpochShuffle.key(seed, epoch, t._2()), t._1()))
                .sortByKey(true, partitions)
                .values();
        JavaPairRDD<Long, Tuple2<Long, float[]>> byBatch = shuffled.zipWithIndex()
                .filter(t -> t._2() < rows)
                .mapToPair(t -> new Tuple2<>(t._2() / batch, new Tuple2<>(t._2(), t._1())));
        return byBatch.groupByKey()
                .mapValues(members -> toDataSet(members, batch, mod1Size))
                .sortByKey(true, partitions)
                .values();
    }

    private static DataSet toDataSet(Iterable<Tuple2<Long, float[]>> members, int batch, int mod1Size) {
        List<Tuple2<Long, float[]>> ordered = new ArrayList<>(batch);
        members.forEach(ordered::add);
        ordered.sort((a, b) -> Long.compare(a._1(), b._1()));
        return BiDNNNetwork.trainingBatch(ordered.stream().map(Tuple2::_2).toArray(float[][]::new), mod1Size);
    }
}
