package org.bidnn.cli;

import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/bidnn}: one subcommand per step of the job. */
@Command(name = "bidnn",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Bidirectional symmetrical deep neural networks (BiDNN) for multimodal embedding "
                + "and crossmodal translation.",
        subcommands = {RunCommand.class, TrainCommand.class, EmbedCommand.class, RankCommand.class,
                EvaluateCommand.class, CrossmodalEvalCommand.class, CompareCommand.class, PipelineCommand.class, NightlyPublishCommand.class, SampleDataCommand.class,
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
        exit(commandLine().execute(args));
    }

    /**
     * Ends the program with {@code code}. A driver that YARN runs in cluster mode lives inside
     * Spark's ApplicationMaster, which takes any System.exit before its own end for a failure
     * ("Shutdown hook called before final status was reported"), even System.exit(0) after a
     * job that succeeded: there, success returns instead, and the ApplicationMaster ends the JVM.
     */
    public static void exit(int code) {
        if (code != 0 || !isYarnClusterDriver(System.getProperties())) {
            System.exit(code);
        }
    }

    /** Whether these system properties are those of a driver in YARN's cluster mode. */
    static boolean isYarnClusterDriver(Properties system) {
        return "yarn".equals(system.getProperty("spark.master"))
                && "cluster".equals(system.getProperty("spark.submit.deployMode"));
    }
}
