package org.bidnn.testing;

import org.apache.spark.sql.SparkSession;
import org.bidnn.spark.SparkSessions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Spark session of the unit tests, in the manner of MLlib's {@code MLlibTestSparkContext}
 * but shared by every test class of the run rather than started by each: a test class declares
 * {@code @ExtendWith(SharedSpark.class)} and takes {@link #session()} in its {@code @BeforeAll}.
 * The session is started by the first class that needs it and stopped when the whole run ends (it
 * lives in JUnit's root store), so no test class may stop it.
 *
 * <p>{@code local[2]}: two task slots, so that what is split across partitions and tasks is tested
 * as split. The session is the one the jobs find with {@code getOrCreate}, so a command run
 * in-process runs in it.
 */
public final class SharedSpark implements BeforeAllCallback {

    private static final String KEY = SharedSpark.class.getName();

    /** Stops the session when JUnit closes its root store, at the end of the run. */
    private record Running(SparkSession session) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            session.stop();
        }
    }

    private static volatile SparkSession session;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KEY, key -> {
            session = SparkSessions.getOrCreate("bidnn-unit-tests", "local[2]");
            return new Running(session);
        }, Running.class);
    }

    /** The shared session; the test class must be extended with {@code SharedSpark}. */
    public static SparkSession session() {
        if (session == null) {
            throw new IllegalStateException("the shared Spark session is started by @ExtendWith(SharedSpark.class)");
        }
        return session;
    }
}
