package org.bidnn.jobs.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.bidnn.eval.plot.EpochCurve;
import org.bidnn.eval.plot.Level;
import org.bidnn.eval.plot.PrecisionPerEpochChart;
import org.bidnn.eval.plot.PrincipalComponents;
import org.bidnn.eval.plot.Projection;
import org.bidnn.eval.plot.ProjectionChart;
import org.bidnn.io.Storage;
import org.bidnn.jobs.pipeline.CompareSettings;

/** The two plots of a comparison: P@k per training epoch, and the anchors' first two principal components. */
final class ComparePlots {

    private ComparePlots() {
    }

    /** P@k after every epoch of each trained method (mean over the runs), the untrained ones as flat lines. */
    static void writePrecisionPerEpoch(Storage storage, String png, CompareReport report) throws IOException {
        List<EpochCurve> curves = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (Method.Family family : Method.Family.values()) {
            for (Method method : family.methods()) {
                CompareReport.MethodResult m = report.method(method);
                if (m.trained()) {
                    curves.add(new EpochCurve(m.label(), m.precisionAtKByEpoch(), m.precisionAtKByEpochStd()));
                } else {
                    levels.add(new Level(m.label(), m.precisionAtK().mean()));
                }
            }
        }
        String metric = "P@" + report.k();
        PrecisionPerEpochChart.write(storage, png, String.format(Locale.ROOT, "%s after each epoch (mean of %d run%s)", metric,
                report.runs(), report.runs() == 1 ? "" : "s"), metric, curves, levels);
    }

    /**
     * The anchors' first two principal components in the raw features and in the multimodal
     * embedding of the first run's BiDNN, side by side.
     *
     * @return null when written, else why not (fewer than two anchors with an embedding, or an
     *         embedding that is not finite because the training diverged): the rest of the report
     *         is worth keeping without this plot
     */
    static String writeAnchorProjections(SparkSession spark, Storage storage, String png, EvaluationSet set, List<TrainingOutcome> trained,
                                         CompareSettings names) throws IOException {
        TrainingOutcome firstBiDNN = trained.stream()
                .filter(o -> o.family() == Method.Family.BIDNN && o.run() == 0).findFirst().orElseThrow();
        List<String> ids = new ArrayList<>();
        List<float[]> before = new ArrayList<>();
        List<float[]> after = new ArrayList<>();
        for (int i = 0; i < set.anchors().size(); i++) {
            // An anchor with no modality has no embedding to place.
            if (firstBiDNN.anchorEmbeddings()[i].length > 0) {
                ids.add(set.anchors().get(i).id());
                before.add(set.anchors().get(i).values());
                after.add(firstBiDNN.anchorEmbeddings()[i]);
            }
        }
        if (ids.size() < 2) {
            return "fewer than two anchors have an embedding";
        }
        double[][] raw;
        double[][] embedded;
        try {
            raw = PrincipalComponents.project(spark, before, 2);
            embedded = PrincipalComponents.project(spark, after, 2);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String[] idArray = ids.toArray(new String[0]);
        ProjectionChart.write(storage, png, List.of(
                new Projection(String.format(Locale.ROOT, "Anchors, raw features (%s + %s)", names.mod1Name(),
                        names.mod2Name()), idArray, raw),
                new Projection(String.format(Locale.ROOT, "Anchors, BiDNN multimodal embedding (seed %d)",
                        firstBiDNN.seed()), idArray, embedded)));
        return null;
    }
}
