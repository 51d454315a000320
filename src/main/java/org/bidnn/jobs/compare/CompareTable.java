package org.bidnn.jobs.compare;

import java.util.Locale;

/** The comparison as a Markdown table, as {@code compare.md} has it and {@code bidnn compare} prints it. */
public final class CompareTable {

    private CompareTable() {
    }

    public static String markdown(CompareReport r) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "| method | P@%d | MAP |%n|---|---|---|%n", r.k()));
        for (CompareReport.MethodResult m : r.methods()) {
            String label = m.weight() == null ? m.label()
                    : String.format(Locale.ROOT, "%s (weight %.2f / %.2f)", m.label(), m.weight(), 1 - m.weight());
            md.append("| ").append(label).append(" | ").append(cell(m.precisionAtK(), m.trained())).append(" | ")
                    .append(cell(m.meanAveragePrecision(), m.trained())).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%n%d anchors, %d targets, %d training rows; trained methods: mean "
                + "± standard deviation over %d run%s of %d epochs (seeds %s).%n", r.anchors(), r.targets(),
                r.trainingRows(), r.runs(), r.runs() == 1 ? "" : "s", r.epochs(), seeds(r.seeds())));
        md.append(String.format(Locale.ROOT, "Relevance: %s.%n", r.protocol()));
        return md.toString();
    }

    private static String cell(Summary s, boolean trained) {
        return trained ? String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std())
                : String.format(Locale.ROOT, "%.4f", s.mean());
    }

    private static String seeds(long[] seeds) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < seeds.length; i++) {
            b.append(i == 0 ? "" : ", ").append(seeds[i]);
        }
        return b.toString();
    }
}
