package org.bidnn.jobs;

import java.time.Clock;
import org.bidnn.io.Storage;

/**
 * The life of a job that writes a dated {@link RunDirectory} ({@code pipeline}, {@code compare}):
 * create the directory, keep a copy of the configuration in it, run the stages with a
 * {@link StageTimer}, and publish the directory once every stage has succeeded; on a failure, mark
 * the directory with the stage that failed and rethrow.
 */
public final class StagedRun {

    /** The stages of a run, given the directory they write into and the timer to run them with. */
    @FunctionalInterface
    public interface Stages<R> {
        R run(RunDirectory run, StageTimer stages) throws Exception;
    }

    private final String name;
    private final Storage storage;
    private final Console console;

    /** @param name what the job is called in its messages ("Pipeline", "Compare") */
    public StagedRun(String name, Storage storage, Console console) {
        this.name = name;
        this.storage = storage;
        this.console = console;
    }

    /**
     * @param root     where run directories are created
     * @param conf     the configuration file, copied into the run as {@code confCopy}
     * @return what the stages give back, once the run directory is published
     */
    public <R> R execute(String root, Clock clock, String conf, String confCopy, Stages<R> stages) throws Exception {
        RunDirectory run = RunDirectory.create(storage, root, clock);
        console.say(Console.SETTINGS, "%s %s: run directory %s (%s until it succeeds)", name, conf, run.done(),
                run.work());
        StageTimer timer = new StageTimer(console);
        try {
            storage.copy(conf, run.work(confCopy));
            R result = stages.run(run, timer);
            run.publish();
            console.say(0, "%s done in %.1fs: %s", name, timer.totalSeconds(), run.done());
            return result;
        } catch (Exception | Error failure) {
            run.markFailed(timer.current(), failure);
            console.say(Console.SETTINGS, "%s failed in stage %s; what it wrote is in %s", name, timer.current(),
                    run.work());
            throw failure;
        }
    }
}
