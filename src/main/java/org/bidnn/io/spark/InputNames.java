package org.bidnn.io.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.bidnn.io.InputFileException;

/**
 * Names the files of an input as the user named the input, for error messages: Spark and Hadoop
 * see fully qualified URIs ({@code file:/home/me/data/part-1.svm}), the user typed {@code data}, so
 * a file inside it is shown as {@code data/part-1.svm}. Files matched by a glob, which have no such
 * relation to what was typed, are shown as local paths, or as URIs on other file systems.
 */
final class InputNames implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String typed;
    private final String qualified;

    private InputNames(String typed, String qualified) {
        this.typed = typed;
        this.qualified = qualified;
    }

    /**
     * @throws InputFileException if nothing exists at {@code input} (or its glob matches nothing):
     *                            Hadoop would report it later, as an internal-looking error
     */
    static InputNames of(String input, Configuration conf) throws IOException {
        Path path = new Path(input);
        FileStatus[] matches;
        FileSystem fs;
        try {
            fs = path.getFileSystem(conf);
            matches = fs.globStatus(path);
        } catch (IOException e) {
            throw InputFileException.unreadable(input, e);
        }
        if (matches == null || matches.length == 0) {
            throw new InputFileException(input, 0, null, "cannot read input", "no such file or directory");
        }
        return new InputNames(input, fs.makeQualified(path).toString());
    }

    /** The display name of {@code file}, a path from a Hadoop input split. */
    String of(Path file) {
        String name = file.toString();
        if (name.equals(qualified)) {
            return typed;
        }
        if (name.startsWith(qualified + "/")) {
            return trimSlash(typed) + name.substring(qualified.length());
        }
        return "file".equals(file.toUri().getScheme()) ? file.toUri().getPath() : name;
    }

    /** The display name of a file named by Spark's {@code input_file_name()}, a URI or "" if unknown. */
    String ofUri(String uri) {
        return uri == null || uri.isEmpty() ? typed : of(new Path(URI.create(uri)));
    }

    private static String trimSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
