package org.bidnn.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Replaces the serializer ND4J's registrator gives its arrays with {@link BulkNdArraySerializer}.
 * Must come after {@code org.nd4j.kryo.Nd4jRegistrator} in {@code spark.kryo.registrator}: Spark
 * applies registrators in order, and registering a class again replaces its serializer.
 */
public final class NdArrayKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(Nd4j.getBackend().getNDArrayClass(), new BulkNdArraySerializer());
    }
}
