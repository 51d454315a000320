package org.bidnn.jobs;

import java.util.ArrayList;
import java.util.List;
import org.bidnn.spark.TaskFailures;

/**
 * Runs the stages of a job one after the other, timing each and remembering which one is running,
 * so that a failure can say where it happened.
 */
public final class StageTimer {

    /** One finished stage and how long it took. */
    public record Stage(String name, double seconds) {
    }

    /** A stage's work. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final Console console;
    private final List<Stage> finished = new ArrayList<>();
    private String current = "setup";

    public StageTimer(Console console) {
        this.console = console;
    }

    /** A stage's work that gives a value back. */
    @FunctionalInterface
    public interface ValueBody<T> {
        T call() throws Exception;
    }

    public void run(String name, Body body) throws Exception {
        call(name, () -> {
            body.run();
            return null;
        });
    }

    /** Runs a stage and returns what it gives back. */
    public <T> T call(String name, ValueBody<T> body) throws Exception {
        current = name;
        console.say(Console.PROGRESS, "Stage %s: started", name);
        long start = System.nanoTime();
        T value;
        try {
            value = body.call();
        } catch (Exception e) {
            // A bad input line reaches the driver wrapped in Spark's task failures: report the line.
            throw TaskFailures.unwrap(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        finished.add(new Stage(name, Math.round(seconds * 1000) / 1000.0));
        console.say(0, "Stage %-8s %8.1fs", name, seconds);
        return value;
    }

    /** The stage running, or the last one started ("setup" before any). */
    public String current() {
        return current;
    }

    /** The stages finished so far, in order. */
    public List<Stage> finished() {
        return List.copyOf(finished);
    }

    public double totalSeconds() {
        return finished.stream().mapToDouble(Stage::seconds).sum();
    }
}
