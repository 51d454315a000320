package org.bidnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import org.bidnn.io.BadInputException;
import org.bidnn.io.InputFileException;
import org.bidnn.io.StorageException;
import org.bidnn.jobs.pipeline.SampleConf;
import org.bidnn.model.ModelFile;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad input is one line and exit 1; anything else is the program's failure: exit 70 with its trace. */
class ErrorReporterTest {

    private record Reported(int code, String err) {
    }

    private static Reported report(Exception e) {
        StringWriter err = new StringWriter();
        CommandLine cli = BidnnCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = new ErrorReporter().handleExecutionException(e, cli, null);
        return new Reported(code, err.toString());
    }

    @Test
    void theProjectsInputExceptionsAreOneLineAndExitOne() {
        for (Exception e : new Exception[] {
            new InputFileException("data.svm", 12, "5:abc", "bad value", "expected a number"),
            new BadInputException("--hidden must be positive, got 0"),
            new StorageException("hdfs://nn/m.bidnn", "permission denied"),
            new ModelFile.ModelFileException("m.bidnn", "no such file"),
            new FileAlreadyExistsException("out", null, "the output already exists"),
            new UncheckedIOException(new StorageException("s3a://b/x", "no such file")),
        }) {
            Reported r = report(e);
            assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().startsWith("bidnn: error: "), r.err());
            assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
        }
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsStackTrace() {
        for (Exception e : new Exception[] {
            new IllegalStateException("training failed: a bug"),
            new IllegalArgumentException("an argument a caller got wrong"),
            new NullPointerException("oops"),
            new java.io.IOException("a raw I/O failure"),
        }) {
            Reported r = report(e);
            assertEquals(ErrorReporter.INTERNAL_ERROR, r.code(), r.err());
            assertTrue(r.err().startsWith("bidnn: internal error: " + e), r.err());
            assertTrue(r.err().contains("\tat org.bidnn.cli.ErrorReporterTest"), "the stack trace: " + r.err());
        }
    }

    @Test
    void aBadSettingOfACommandIsBadInput() throws Exception {
        CliRun.Result r = CliRun.bidnn("run", "-e", "1", "-v", "0", SampleConf.SAMPLE.toString(), "out.svm",
                "100", "100", "0", "16");
        assertEquals(ErrorReporter.BAD_INPUT, r.code(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
