package org.bidnn.jobs.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The shipped sample job configuration with some keys replaced (or added), for the tests. */
public final class SampleConf {

    public static final Path SAMPLE = Path.of("conf/pipeline-sample.conf");

    private SampleConf() {
    }

    /** Writes the sample, with each {@code key, value} pair of {@code keyValues} set, to {@code dir/job.conf}. */
    public static Path write(Path dir, String... keyValues) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE));
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = keyValues[i];
            String line = key + " = " + keyValues[i + 1];
            Pattern p = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*=.*");
            int at = -1;
            for (int j = 0; j < lines.size(); j++) {
                if (p.matcher(lines.get(j)).matches()) {
                    at = j;
                }
            }
            if (at >= 0) {
                lines.set(at, line);
            } else {
                lines.add(line);
            }
        }
        Path file = dir.resolve("job.conf");
        Files.write(file, lines);
        return file;
    }
}
