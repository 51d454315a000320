package org.bidnn.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bidnn.jobs.pipeline.ConfSchema;
import org.junit.jupiter.api.Test;

/**
 * The key table of docs/configuration.md is the configuration file's schema, {@link ConfSchema#KEYS}:
 * the same keys in the same order, with the same defaults and meanings. On a mismatch the message
 * holds the table as it should be, to paste into the page.
 */
class ConfigurationTableTest {

    private static final Path PAGE = Path.of("docs/configuration.md");
    private static final String HEADER = "| key | default | meaning |";
    /** How the table writes a key without a default. */
    private static final String REQUIRED = "required";

    @Test
    void theKeyTableIsTheSchema() {
        List<ConfSchema.Key> documented = documentedKeys();
        List<ConfSchema.Key> schema = ConfSchema.KEYS.stream()
                .map(k -> new ConfSchema.Key(k.name(), k.defaultValue(), k.meaning().strip()))
                .toList();
        assertEquals(rows(schema), rows(documented), PAGE + ": the key table differs from ConfSchema.KEYS; "
                + "it should read:\n" + HEADER + "\n|---|---|---|\n" + String.join("\n", rows(schema)) + "\n");
    }

    @Test
    void aDefaultOfRequiredIsAKeyWithoutDefault() {
        ConfSchema.Key input = documentedKeys().get(0);
        assertEquals(new ConfSchema.Key("input.path", null, ConfSchema.KEYS.get(0).meaning()), input);
        assertEquals("", documentedKeys().stream().filter(k -> k.name().equals("spark.master")).findFirst()
                .orElseThrow().defaultValue(), "an empty cell is an empty default");
    }

    /** The rows of the page's key table, read back into keys. */
    private static List<ConfSchema.Key> documentedKeys() {
        List<String> lines = DocPages.prose(PAGE);
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            throw new AssertionError(PAGE + " has no table headed '" + HEADER + "'");
        }
        List<ConfSchema.Key> keys = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i) != null && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            if (cells.length != 5) {
                throw new AssertionError(PAGE + ":" + (i + 1) + ": expected 3 cells, got " + (cells.length - 2));
            }
            keys.add(new ConfSchema.Key(unquote(cells[1].strip()), defaultOf(cells[2].strip()), cells[3].strip()));
        }
        return keys;
    }

    private static String defaultOf(String cell) {
        return cell.equals(REQUIRED) ? null : unquote(cell);
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    /** A key as a row of the table. */
    private static List<String> rows(List<ConfSchema.Key> keys) {
        return keys.stream().map(k -> "| `" + k.name() + "` | "
                        + (k.defaultValue() == null ? REQUIRED : k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`")
                        + " | " + k.meaning() + " |")
                .map(row -> row.replace("|  |", "| |"))
                .collect(Collectors.toList());
    }
}
