package org.bidnn.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link of README.md and docs/*.md leads somewhere: an existing file, and a heading of it. */
class DocLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target has no spaces in these pages. */
    private static final Pattern LINK = Pattern.compile("\\[[^]]*]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkPointsAtAFileAndItsAnchor() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : DocPages.all()) {
            List<String> prose = DocPages.prose(page);
            for (int i = 0; i < prose.size(); i++) {
                if (prose.get(i) == null) {
                    continue;
                }
                Matcher m = LINK.matcher(prose.get(i).replaceAll("`[^`]*`", ""));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("[a-z][a-z0-9+.-]*:.*")) {
                        continue; // http:, https:, mailto: ... are not checked here
                    }
                    checked++;
                    String problem = problem(page, target);
                    if (problem != null) {
                        broken.add(page + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
        assertTrue(checked > 50, "the pages link to each other: " + checked + " links checked");
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals("bidnn-evaluate-pk-map-and-ndcgk", Anchors.slug("`bidnn evaluate`: P@k, MAP and nDCG@k"));
        assertEquals("confspark-defaultsconf-the-spark-settings-and-why",
                Anchors.slug("`conf/spark-defaults.conf`: the Spark settings, and why"));
        assertTrue(Anchors.of(Path.of("docs/commands.md")).contains("what-is-written-1"), "a repeated heading gets -1");
    }

    /** What is wrong with a link of {@code page}, or null. */
    private static String problem(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : DocPages.PROJECT.relativize(
                DocPages.PROJECT.resolve(page).resolveSibling(file).normalize());
        if (!Files.exists(DocPages.PROJECT.resolve(resolved))) {
            return "no such file " + resolved;
        }
        if (hash < 0) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor in a file that is not Markdown";
        }
        String anchor = target.substring(hash + 1);
        return Anchors.of(resolved).contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + resolved;
    }
}
