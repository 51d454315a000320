package org.bidnn.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A documented command line cut into words as a POSIX shell cuts it: blanks separate, single and
 * double quotes group, a backslash escapes the next character. Nothing is expanded, and a line that
 * needs more of the shell (pipes, redirections, variables, several commands) is refused, since the
 * examples are run without one.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ("|&;<>$`(){}*?".indexOf(c) >= 0) {
                throw new IllegalArgumentException("needs a shell ('" + c + "' at column " + (i + 1) + "): " + line);
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
