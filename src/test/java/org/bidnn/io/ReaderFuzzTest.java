package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.bidnn.jobs.pipeline.SampleConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes and random mutations of valid files (a bounded, seeded number of cases) fed to the
 * LibSVM and job-configuration readers: each case either reads or fails with the documented
 * exception, naming the file, and none hangs.
 */
class ReaderFuzzTest {

    private static final int CASES = 400;
    private static final String ALPHABET = "0123456789:.-+eE \t#\n\r=abcqid,";

    @TempDir
    Path dir;

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] noise = new byte[1 + random.nextInt(200)];
                random.nextBytes(noise);
                return noise;
            }
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    b[random.nextInt(b.length)] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                }
                return b;
            }
            case 2 -> {
                return java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 3 -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            }
            default -> {
                StringBuilder s = new StringBuilder(new String(b, StandardCharsets.UTF_8));
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    int at = random.nextInt(s.length() + 1);
                    s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                return s.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private void fuzz(byte[] valid, long seed, ThrowingRead read) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve("fuzzed");
        for (int i = 0; i < CASES; i++) {
            byte[] content = mutate(valid, random);
            Files.write(file, content);
            int n = i;
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    read.read(file);
                } catch (BadInputException e) {
                    if (!e.getMessage().startsWith(file.toString())) {
                        fail("case " + n + ": the message does not name the file: " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError("case " + n + ": " + e + " for " + new String(content,
                            StandardCharsets.ISO_8859_1), e);
                }
            });
        }
    }

    @FunctionalInterface
    private interface ThrowingRead {
        void read(Path file) throws Exception;
    }

    @Test
    void theLibSvmReaderReadsOrNamesTheFile() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("data-samples/segments.svm")).subList(0, 5);
        byte[] valid = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        fuzz(valid, 42, file -> LibSvmReader.read(TestStorage.LOCAL, file.toString(), 200));
    }

    @Test
    void theJobConfigurationReaderReadsOrNamesTheFile() throws IOException {
        byte[] valid = Files.readAllBytes(SampleConf.SAMPLE);
        fuzz(valid, 7, file -> {
            try {
                org.bidnn.jobs.pipeline.PipelineConf.read(TestStorage.LOCAL, file.toString());
            } catch (StorageException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        });
    }
}
