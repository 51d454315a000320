package org.bidnn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/bidnn}: one subcommand per step of the job. */
@Command(name = "bidnn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Bidirectional symmetrical deep neural networks (BiDNN) for multimodal embedding "
                + "and crossmodal translation.",
        subcommands = {RunCommand.class, TrainCommand.class, EmbedCommand.class, RankCommand.class,
                EvaluateCommand.class, CrossmodalEvalCommand.class, SampleDataCommand.class,
                SampleHyperlinkingCommand.class, CommandLine.HelpCommand.class})
public final class BidnnCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The command line, with the error handling every subcommand shares. */
    public static CommandLine commandLine() {
        return new CommandLine(new BidnnCli())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
