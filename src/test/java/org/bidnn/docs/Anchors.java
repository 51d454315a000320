package org.bidnn.docs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The anchors GitHub gives the headings of a Markdown page ({@code #bidnn-run-the-original-tools-command-line}). */
final class Anchors {

    private Anchors() {
    }

    static Set<String> of(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : DocPages.prose(page)) {
            if (line == null || !line.matches("#{1,6} .*")) {
                continue;
            }
            String slug = slug(line.replaceFirst("#+ ", ""));
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    /**
     * GitHub's rule: the heading's text (code spans and links by their text), lower case, without
     * punctuation but hyphens and underscores, spaces turned into hyphens.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replace("`", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
