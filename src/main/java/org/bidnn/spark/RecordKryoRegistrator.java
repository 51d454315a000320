package org.bidnn.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Kryo, the serializer {@link SparkSessions} configures, ship the project's records
 * ({@code Segment}, {@code SparseRow}, ...) when a job collects, shuffles or caches them. Kryo 4's
 * default field serializer cannot rebuild a record on Java 17 ("can't get field offset on a record
 * class"), so every record goes through Java serialization, which records support natively.
 */
public final class RecordKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, JavaSerializer.class);
    }
}
