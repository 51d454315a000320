package org.bidnn.rank;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bidnn.io.Storage;
import org.bidnn.io.TextTable;

/**
 * Rankings as text, in the manner of a TREC run: {@code anchor <TAB> rank <TAB> target <TAB> score}
 * a line, ranks from 1, the anchors in the order given, each one's targets best first. The score
 * is the float's shortest decimal ({@link Float#toString}).
 */
public final class RankingsFile {

    private RankingsFile() {
    }

    /** Writes the rankings to {@code file} atomically (see {@link Storage#write}). */
    public static void write(Storage storage, String file, List<Ranking> rankings) throws IOException {
        storage.write(file, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (Ranking r : rankings) {
                int rank = 0;
                for (Hit h : r.hits()) {
                    text.append(r.query()).append('\t').append(Integer.toString(++rank)).append('\t')
                            .append(h.target()).append('\t').append(Float.toString(h.score())).append('\n');
                }
            }
            text.flush();
        });
    }

    /**
     * Reads rankings back: per anchor (in the order of first appearance), its targets in rank order.
     * Lines may come in any order; ranks need not be contiguous, only distinct per anchor.
     *
     * @throws org.bidnn.io.InputFileException if the file cannot be read or a line is malformed, a rank
     *                                          or a target repeats for an anchor
     */
    public static Map<String, List<String>> read(Storage storage, String file) {
        record Entry(long rank, String target) {
        }
        Map<String, List<Entry>> byAnchor = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        TextTable.read(storage, file, TextTable.BLANKS, (line, f) -> {
            if (f.length != 4) {
                throw TextTable.error(file, line, null, "expected 4 fields, found " + f.length,
                        "a ranking line is anchor<TAB>rank<TAB>target<TAB>score");
            }
            long rank;
            try {
                rank = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                rank = 0;
            }
            if (rank <= 0) {
                throw TextTable.error(file, line, f[1], "bad rank", "expected a positive integer");
            }
            try {
                if (!Double.isFinite(Double.parseDouble(f[3]))) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw TextTable.error(file, line, f[3], "bad score", "expected a finite number");
            }
            for (String key : new String[] {f[0] + "\trank\t" + rank, f[0] + "\ttarget\t" + f[2]}) {
                Long first = lineOf.putIfAbsent(key, line);
                if (first != null) {
                    String what = key.contains("\trank\t") ? "rank " + rank : "target '" + f[2] + "'";
                    throw TextTable.error(file, line, null, what + " appears twice for anchor '" + f[0] + "'",
                            "first on line " + first);
                }
            }
            byAnchor.computeIfAbsent(f[0], a -> new ArrayList<>()).add(new Entry(rank, f[2]));
        });
        Map<String, List<String>> rankings = new LinkedHashMap<>();
        byAnchor.forEach((anchor, entries) -> rankings.put(anchor, entries.stream()
                .sorted(Comparator.comparingLong(Entry::rank)).map(Entry::target).toList()));
        return rankings;
    }
}
