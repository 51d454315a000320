package org.bidnn.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * The project's one way to write and read JSON (reports, state files, model metadata): indented, one trailing newline, written atomically
 * through {@link Storage}; read leniently (unknown fields ignored), so that an older program
 * reads what a newer one wrote.
 */
public final class JsonFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonFiles() {
    }

    public static void write(Storage storage, String file, Object value) throws IOException {
        storage.write(file, out -> {
            JSON.writeValue(out, value); // closing it is harmless (Storage.write)
            out.write('\n');
        });
    }

    /** @throws InputFileException if the file cannot be read or is not the JSON of a {@code type} */
    public static <T> T read(Storage storage, String file, Class<T> type) {
        try {
            return JSON.readValue(storage.readAllBytes(file), type);
        } catch (IOException e) {
            throw new InputFileException(file, 0, null, "not a readable " + type.getSimpleName(), e.getMessage(), e);
        }
    }

    /** {@code value} as the bytes of a file, for a JSON entry inside another format (a model's zip). */
    public static byte[] bytes(Object value) throws IOException {
        return JSON.writeValueAsBytes(value);
    }

    /** The value of the JSON in {@code bytes}; unknown fields are ignored. */
    public static <T> T fromBytes(byte[] bytes, Class<T> type) throws IOException {
        return JSON.readValue(bytes, type);
    }

    /** {@code value} on one line, for logs. */
    public static String oneLine(Object value) {
        try {
            return JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render " + value + " as JSON", e);
        }
    }
}
