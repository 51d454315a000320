package org.bidnn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code bidnn embed -v 0 --model MODEL --input INPUT --output OUTPUT EXTRA...}. */
    public static Result embed(Path model, Path input, Path output, String... extra) {
        List<String> args = new ArrayList<>(List.of("embed", "-v", "0", "--model", model.toString(),
                "--input", input.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        return bidnn(args.toArray(new String[0]));
    }
}
