package org.bidnn.jobs;

import java.io.PrintWriter;
import java.util.List;

/**
 * The job's messages to the user, on stderr so that stdout stays clean, filtered by verbosity:
 * 0 errors only; 1 the run's settings and warnings; 2 data counts, one line per epoch and every file
 * written; 3 also the libraries' own progress logs.
 */
public final class Console {

    public static final int SETTINGS = 1;
    public static final int PROGRESS = 2;
    public static final int DEBUG = 3;

    private final int verbosity;
    private final PrintWriter out;

    public Console(int verbosity, PrintWriter out) {
        this.verbosity = verbosity;
        this.out = out;
    }

    public int verbosity() {
        return verbosity;
    }

    public boolean shows(int level) {
        return verbosity >= level;
    }

    public void say(int level, String format, Object... args) {
        if (shows(level)) {
            out.println(args.length == 0 ? format : String.format(format, args));
            out.flush();
        }
    }

    /** A warning naming the anchors it is about, e.g. "warning: 2 anchors not in the corpus: a7 a9"; none, nothing. */
    public void warnAboutAnchors(List<String> anchors, String why) {
        if (!anchors.isEmpty()) {
            say(SETTINGS, "warning: %d anchor%s %s: %s", anchors.size(), anchors.size() == 1 ? "" : "s", why,
                    String.join(" ", anchors));
        }
    }
}
