package org.bidnn.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;

/**
 * The checks of Spark's {@code ParamsSuite.checkParams}, and more: every parameter of a stage has a
 * doc, belongs to the stage, has a getter (and, where the stage is configurable, a setter) that
 * round-trips a value, a valid default if any; {@code copy} copies the parameters and takes extras;
 * {@code explainParams} lists them.
 */
final class StageParamsChecks {

    private StageParamsChecks() {
    }

    /**
     * @param samples a valid value for every parameter, each different from its default: a parameter
     *                without one fails, so a new parameter cannot escape these checks
     * @param withSetters names of the parameters the stage has setters for
     */
    static void checkParams(Params stage, Map<String, Object> samples, List<String> withSetters) throws Exception {
        Class<?> type = stage.getClass();
        Param<?>[] params = stage.params();
        List<String> names = Arrays.stream(params).map(Param::name).toList();
        assertEquals(names.stream().sorted().toList(), names, "Spark lists the params by name");
        assertEquals(names.size(), names.stream().distinct().count(), "no name twice");
        String explained = stage.explainParams();
        for (Param<?> p : params) {
            String name = p.name();
            assertFalse(p.doc().isBlank(), name + " has a doc");
            assertEquals(stage.uid(), p.parent(), name + " belongs to the stage");
            assertSame(p, stage.getParam(name), name);
            assertTrue(explained.contains(name + ": " + p.doc()), name + " is explained");
            if (stage.hasDefault(p)) {
                assertTrue(isValid(p, stage.getDefault(p).get()), name + "'s default is valid");
            }
            assertTrue(samples.containsKey(name), "a sample value of " + name);
            Object sample = samples.get(name);
            assertTrue(isValid(p, sample), name + "'s sample is valid");
            Method getter = type.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            if (withSetters.contains(name)) {
                Method setter = setterOf(type, name);
                assertSame(stage, setter.invoke(stage, sample), "set" + name + " returns the stage");
                assertEquals(sample, getter.invoke(stage), name + " round-trips");
            }
        }
        for (String name : withSetters) {
            assertTrue(names.contains(name), "a setter of " + name + ", which is a param");
        }
        Method copy = type.getMethod("copy", ParamMap.class);
        assertEquals(type, copy.getReturnType(), "copy returns the stage's own type");
        checkCopy(stage, params, samples);
    }

    /** A copy has the same values and defaults, and the extra value where one is given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void checkCopy(Params stage, Param<?>[] params, Map<String, Object> samples) {
        Param extraParam = Arrays.stream(params).filter(stage::isSet).findFirst().orElse(params[0]);
        Params copy = stage.copy(new ParamMap().put(extraParam, samples.get(extraParam.name())));
        assertNotSame(stage, copy);
        assertEquals(stage.uid(), copy.uid());
        for (Param<?> p : params) {
            Param<?> q = copy.getParam(p.name());
            assertEquals(p.name(), q.name());
            assertEquals(stage.isDefined(p), copy.isDefined(q), p.name() + " defined in the copy as in the stage");
            if (p == extraParam) {
                assertEquals(samples.get(p.name()), copy.getOrDefault(q), "the extra value of " + p.name());
            } else if (stage.isDefined(p)) {
                assertEquals(stage.getOrDefault(p), copy.getOrDefault(q), p.name() + " copied");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean isValid(Param p, Object value) {
        return (Boolean) p.isValid().apply(value);
    }

    private static Method setterOf(Class<?> type, String name) {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
                .findFirst().orElseGet(() -> fail("no " + setter));
    }
}
