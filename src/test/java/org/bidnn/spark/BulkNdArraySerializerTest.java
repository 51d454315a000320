package org.bidnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import scala.reflect.ClassTag$;

/** ND4J arrays through Spark's Kryo as {@link SparkSessions} configures it: equal after the trip. */
class BulkNdArraySerializerTest {

    private static final SerializerInstance KRYO = new KryoSerializer(new SparkConf()
            .set("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator," + NdArrayKryoRegistrator.class.getName())
            .set("spark.kryoserializer.buffer.max", "256m")).newInstance();

    private static INDArray trip(INDArray array) {
        ByteBuffer bytes = KRYO.serialize(array, ClassTag$.MODULE$.apply(INDArray.class));
        return KRYO.deserialize(bytes, ClassTag$.MODULE$.apply(INDArray.class));
    }

    @Test
    void arraysComeBackEqual() {
        Nd4j.getRandom().setSeed(7);
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 300, 1700);
        for (INDArray a : new INDArray[] {matrix, matrix.reshape(1, 300 * 1700),
                matrix.get(NDArrayIndex.interval(10, 20), NDArrayIndex.interval(5, 900)),
                matrix.transpose(), Nd4j.rand(DataType.DOUBLE, 4, 3, 2), Nd4j.scalar(2.5f),
                Nd4j.createFromArray(1L, 2L, 3L)}) {
            INDArray back = trip(a);
            assertEquals(a.dataType(), back.dataType());
            assertTrue(a.equalShapes(back) && a.equals(back), "round trip of " + a.shapeInfoToString());
        }
        assertTrue(trip(Nd4j.empty(DataType.FLOAT)).isEmpty());
    }

    @Test
    void theBulkSerializerReplacesNd4jsOwn() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 1000, 100);
        // ND4J's own writes a header of its shape info and its data buffer's description besides
        // the values; ours writes the values and a few bytes of header.
        long bytes = KRYO.serialize(a, ClassTag$.MODULE$.apply(INDArray.class)).remaining();
        assertTrue(bytes < 4L * 1000 * 100 + 64, bytes + " bytes");
    }
}
