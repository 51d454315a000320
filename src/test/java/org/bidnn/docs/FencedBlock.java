package org.bidnn.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown page: its language (the fence's info string, empty when none),
 * the names of a {@code <!-- run by: A, B -->} comment on the line before the fence, and its lines.
 *
 * @param line the 1-based line of the opening fence
 */
record FencedBlock(Path page, int line, String language, List<String> runBy, List<String> lines) {

    private static final Pattern RUN_BY = Pattern.compile("<!--\\s*run by:\\s*(.+?)\\s*-->");

    String where() {
        return page + ":" + line;
    }

    boolean isShell() {
        return List.of("sh", "bash", "shell").contains(language);
    }

    /**
     * The commands of a shell block: one per line, lines ending in a backslash joined with the next,
     * blank lines and comments left out.
     */
    List<String> commands() {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String l : lines) {
            String s = l.strip();
            if (current.isEmpty() && (s.isEmpty() || s.startsWith("#"))) {
                continue;
            }
            if (s.endsWith("\\")) {
                current.append(s, 0, s.length() - 1).append(' ');
            } else {
                commands.add(current.append(s).toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current.toString().strip());
        }
        return commands;
    }

    /** Every fenced block of a page, in order. */
    static List<FencedBlock> of(Path page) {
        List<String> lines = DocPages.lines(page);
        List<FencedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            String language = lines.get(i).substring(3).strip();
            List<String> runBy = List.of();
            if (i > 0) {
                Matcher m = RUN_BY.matcher(lines.get(i - 1));
                if (m.find()) {
                    runBy = List.of(m.group(1).split("\\s*,\\s*"));
                }
            }
            int start = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.add(lines.get(i));
            }
            blocks.add(new FencedBlock(page, start + 1, language, runBy, body));
        }
        return blocks;
    }
}
