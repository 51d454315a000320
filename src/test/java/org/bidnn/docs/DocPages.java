package org.bidnn.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's documentation: README.md and docs/*.md, read from the project directory. */
final class DocPages {

    /** The project directory: Maven runs the tests there. */
    static final Path PROJECT = Path.of("").toAbsolutePath();

    private DocPages() {
    }

    /** README.md first, then docs/*.md in name order, as paths relative to the project. */
    static List<Path> all() {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
                    .forEach(p -> pages.add(PROJECT.relativize(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<String> lines(Path page) {
        try {
            return Files.readAllLines(PROJECT.resolve(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a page outside its fenced blocks, with their 1-based numbers; the others are null. */
    static List<String> prose(Path page) {
        List<String> lines = new ArrayList<>(lines(page));
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean fence = lines.get(i).startsWith("```");
            if (fence || inFence) {
                lines.set(i, null);
            }
            if (fence) {
                inFence = !inFence;
            }
        }
        return lines;
    }
}
