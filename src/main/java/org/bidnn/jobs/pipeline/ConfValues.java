package org.bidnn.jobs.pipeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.bidnn.io.Storage;

/** Typed access to the values of a configuration file, each error naming its key and line. */
record ConfValues(Storage storage, String file, Map<String, String> given, Map<String, Integer> lineOf) {

    String string(String key) {
        return given.getOrDefault(key, ConfSchema.key(key).defaultValue());
    }

    ConfException error(String key, String message) {
        return new ConfException(file, lineOf.getOrDefault(key, 0), key, message);
    }

    int integer(String key, int min) {
        String v = string(key);
        int value;
        try {
            value = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(key, "not a whole number: '" + v + "'");
        }
        if (value < min) {
            throw error(key, "must be " + (min == 0 ? "0 or more" : min == 1 ? "positive" : "at least " + min)
                    + ", got " + value);
        }
        return value;
    }

    long longValue(String key) {
        String v = string(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(key, "not a whole number: '" + v + "'");
        }
    }

    double number(String key) {
        String v = string(key);
        double value;
        try {
            value = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(key, "not a number: '" + v + "'");
        }
        if (!Double.isFinite(value)) {
            throw error(key, "not a finite number: '" + v + "'");
        }
        return value;
    }

    boolean bool(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error(key, "expected true or false, got '" + string(key) + "'");
        };
    }

    String nonEmpty(String key) {
        String v = string(key);
        if (v.isEmpty()) {
            throw error(key, "a value is required");
        }
        return v;
    }

    String existingFile(String key) {
        String v = string(key);
        // Null: a required key that relevance by label made optional, not given.
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!exists(key, v) || isDirectory(key, v)) {
            throw error(key, "no such file: " + v);
        }
        return v;
    }

    boolean exists(String key, String path) {
        try {
            return storage.exists(path);
        } catch (IOException e) {
            throw error(key, e.getMessage());
        }
    }

    private boolean isDirectory(String key, String path) {
        try {
            return storage.isDirectory(path);
        } catch (IOException e) {
            throw error(key, e.getMessage());
        }
    }

    /** Whether {@code path} is a glob, which Spark's reader expands, rather than one file or directory. */
    static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** The effective value of every key, given or default ("" for an optional key left out). */
    Map<String, String> effective() {
        Map<String, String> effective = new LinkedHashMap<>();
        ConfSchema.KEYS.forEach(k -> effective.put(k.name(), string(k.name()) == null ? "" : string(k.name())));
        return effective;
    }

    /** Where each given key is, for the errors of later checks. */
    Map<String, Integer> lines() {
        return Map.copyOf(lineOf);
    }
}
