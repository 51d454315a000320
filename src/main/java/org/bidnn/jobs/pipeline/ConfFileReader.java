package org.bidnn.jobs.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bidnn.io.Storage;
import org.bidnn.io.StorageException;
import org.bidnn.io.TextLines;

/**
 * The syntax of a job configuration file: one {@code key = value} a line, as in a Java properties
 * file but stricter. Blank lines and lines starting with {@code #} or {@code !} are skipped; the key
 * is everything before the first {@code =}, the value everything after it, both trimmed; there are
 * no line continuations or escapes. Every key must be one of {@link ConfSchema#KEYS}, at most once;
 * keys without a default must be given.
 */
final class ConfFileReader {

    private ConfFileReader() {
    }

    /** Reads {@code file} (a Hadoop path, {@link Storage}) into its values, with their lines. */
    static ConfValues read(Storage storage, String file) throws IOException {
        if (!storage.exists(file)) {
            throw new StorageException(file, "no such job configuration file");
        }
        List<String> lines = new ArrayList<>();
        try (TextLines in = TextLines.open(storage, file)) {
            for (String line = in.next(); line != null; line = in.next()) {
                lines.add(line);
            }
        }
        return parse(storage, file, lines);
    }

    /** Parses the lines of {@code file} into its values, with their lines. */
    static ConfValues parse(Storage storage, String file, List<String> lines) {
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfException(file, n, null, "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (ConfSchema.key(key) == null) {
                throw new ConfException(file, n, key, "unknown key" + ConfSchema.suggestion(key)
                        + " (the keys are listed in docs/configuration.md)");
            }
            if (lineOf.containsKey(key)) {
                throw new ConfException(file, n, key, "given twice (first on line " + lineOf.get(key) + ")");
            }
            lineOf.put(key, n);
            given.put(key, value);
        }
        boolean byLabel = !given.getOrDefault("eval.labels", "").isEmpty();
        for (ConfSchema.Key k : ConfSchema.KEYS) {
            if (byLabel && ConfSchema.OPTIONAL_WITH_LABELS.contains(k.name())) {
                continue;
            }
            if (k.required() && (!given.containsKey(k.name()) || given.get(k.name()).isEmpty())) {
                throw new ConfException(file, lineOf.getOrDefault(k.name(), 0), k.name(),
                        given.containsKey(k.name()) ? "a value is required" : "missing required key");
            }
        }
        return new ConfValues(storage, file, given, lineOf);
    }
}
