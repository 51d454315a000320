package org.bidnn.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The arguments of {@code bidnn} as the user gave them, for the provenance of what a command makes. */
final class CommandArguments {

    private CommandArguments() {
    }

    /** Every argument after {@code bidnn}, the command's name included; null if the command was not parsed. */
    static List<String> of(CommandSpec spec) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed == null ? null : List.copyOf(parsed.originalArgs());
    }
}
