package org.bidnn.rank;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bidnn.io.Storage;
import org.bidnn.io.TextTable;

/**
 * Relevance judgments: {@code anchor <TAB> target <TAB> relevance} a line, relevance a
 * non-negative integer, 0 for judged non-relevant; graded relevance (0, 1, 2, ...) is kept as
 * such. Blank and {@code #} lines are skipped. A malformed line, a negative or non-integer
 * relevance, or a pair judged twice is an error naming the file and the line. Targets not listed
 * for an anchor were not judged.
 */
public final class Qrels {

    private final String file;
    private final Map<String, Map<String, Integer>> byAnchor;

    private Qrels(String file, Map<String, Map<String, Integer>> byAnchor) {
        this.file = file;
        this.byAnchor = byAnchor;
    }

    /** @throws org.bidnn.io.InputFileException if the file cannot be read, is malformed or has no judgment */
    public static Qrels read(Storage storage, String file) {
        Map<String, Map<String, Integer>> byAnchor = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        long rows = TextTable.read(storage, file, TextTable.BLANKS, (line, fields) -> {
            if (fields.length != 3) {
                throw TextTable.error(file, line, null, "expected 3 fields, found " + fields.length,
                        "a judgment is anchor<TAB>target<TAB>relevance");
            }
            int relevance;
            try {
                relevance = Integer.parseInt(fields[2]);
            } catch (NumberFormatException e) {
                relevance = -1;
            }
            if (relevance < 0) {
                throw TextTable.error(file, line, fields[2], "bad relevance",
                        "expected a non-negative integer: 0 for not relevant, 1 or more for relevant");
            }
            Integer before = byAnchor.computeIfAbsent(fields[0], a -> new LinkedHashMap<>()).put(fields[1], relevance);
            if (before != null) {
                throw TextTable.error(file, line, null, "anchor '" + fields[0] + "' and target '" + fields[1]
                        + "' are judged twice", "first on line " + lineOf.get(fields[0] + '\t' + fields[1]));
            }
            lineOf.put(fields[0] + '\t' + fields[1], line);
        });
        if (rows == 0) {
            throw TextTable.error(file, 0, null, "no judgments", "the file is empty or has only blank and comment lines");
        }
        return new Qrels(file, byAnchor);
    }

    /**
     * Judgments made from labels: every labelled segment is an anchor, to which every other segment
     * with the same label is relevant (1), in the order of {@code labels}. Nothing else is judged.
     *
     * @param file where the labels come from, for messages
     */
    public static Qrels sameLabel(Map<String, String> labels, String file) {
        Map<String, java.util.List<String>> byLabel = new LinkedHashMap<>();
        labels.forEach((id, label) -> byLabel.computeIfAbsent(label, l -> new java.util.ArrayList<>()).add(id));
        Map<String, Map<String, Integer>> byAnchor = new LinkedHashMap<>();
        labels.forEach((anchor, label) -> {
            Map<String, Integer> relevant = new LinkedHashMap<>();
            for (String other : byLabel.get(label)) {
                if (!other.equals(anchor)) {
                    relevant.put(other, 1);
                }
            }
            byAnchor.put(anchor, relevant);
        });
        return new Qrels(file, byAnchor);
    }

    public String file() {
        return file;
    }

    /** The judged anchors, in the order of the file. */
    public Set<String> anchors() {
        return Collections.unmodifiableSet(byAnchor.keySet());
    }

    /** An anchor's judgments, target to relevance, in the order of the file; empty if none. */
    public Map<String, Integer> judgments(String anchor) {
        return Collections.unmodifiableMap(byAnchor.getOrDefault(anchor, Map.of()));
    }

    /**
     * An anchor's relevant targets (relevance above 0) with their relevance; empty if none. A new
     * {@link HashMap} each call (serializable, the caller's to keep).
     */
    public Map<String, Integer> relevant(String anchor) {
        Map<String, Integer> relevant = new HashMap<>();
        judgments(anchor).forEach((target, relevance) -> {
            if (relevance > 0) {
                relevant.put(target, relevance);
            }
        });
        return relevant;
    }

    /** Per anchor, its judged targets (relevant or not): the candidates of the paper's protocol. */
    public Map<String, Set<String>> candidates() {
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        byAnchor.forEach((anchor, judged) -> candidates.put(anchor, new LinkedHashSet<>(judged.keySet())));
        return candidates;
    }

    /** Whether any relevance is above 1 (graded judgments). */
    public boolean graded() {
        return byAnchor.values().stream().flatMap(m -> m.values().stream()).anyMatch(r -> r > 1);
    }
}
