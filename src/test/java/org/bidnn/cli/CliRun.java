package org.bidnn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code bidnn ARGS} in this JVM, as a user types it, capturing what it prints. */
public final class CliRun {

    private CliRun() {
    }

    public record Result(int code, String err, String out) {
    }

    public static Result bidnn(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cli = BidnnCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute(args);
        return new Result(code, err.toString(), out.toString());
    }
}
