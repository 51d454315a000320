package org.bidnn.ml;

import java.io.Serializable;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import scala.Function1;

/**
 * The rules of {@link org.bidnn.model.ValueRules} as Spark parameter validators, so that a parameter
 * accepts exactly what the model's records accept.
 */
final class SparkParamValidators {

    private SparkParamValidators() {
    }

    /** A validator of an {@code IntParam} by {@code rule}, e.g. {@code ValueRules::isSize}. */
    static Function1<Object, Object> ints(SerializableIntPredicate rule) {
        return (Function1<Object, Object> & Serializable) v -> rule.test((Integer) v);
    }

    /** A validator of a {@code DoubleParam} by {@code rule}, e.g. {@code ValueRules::isProbability}. */
    static Function1<Object, Object> doubles(SerializableDoublePredicate rule) {
        return (Function1<Object, Object> & Serializable) v -> rule.test((Double) v);
    }

    /** Stages are serialized with their parameters, validators included. */
    interface SerializableIntPredicate extends IntPredicate, Serializable {
    }

    interface SerializableDoublePredicate extends DoublePredicate, Serializable {
    }
}
