package org.bidnn.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bidnn.jobs.RunDirectory;
import org.bidnn.jobs.StageTimer;
import org.bidnn.jobs.pipeline.CompareSettings;
import org.bidnn.jobs.pipeline.PipelineConf;

/** Puts the scores of a comparison together into its {@link CompareReport}. */
final class CompareReportBuilder {

    private final PipelineConf conf;
    private final EvaluationSet set;
    private final CompareJob.Inputs inputs;
    private final WeightSearch.Outcome fusion;
    private final Map<Method, CompareJob.Scored> scored;
    private final List<TrainingOutcome> trained;

    CompareReportBuilder(PipelineConf conf, EvaluationSet set, CompareJob.Inputs inputs, WeightSearch.Outcome fusion,
                         Map<Method, CompareJob.Scored> scored, List<TrainingOutcome> trained) {
        this.conf = conf;
        this.set = set;
        this.inputs = inputs;
        this.fusion = fusion;
        this.scored = scored;
        this.trained = trained;
    }

    CompareReport build(RunDirectory run, List<StageTimer.Stage> stages) {
        CompareSettings c = conf.compare();
        long[] seeds = new long[c.runs()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = conf.compareSeed(r);
        }
        List<CompareReport.MethodResult> methods = new ArrayList<>();
        for (Method m : Method.values()) {
            methods.add(result(m, c));
        }
        return new CompareReport(run.done().toString(), conf.file().toString(), run.started().toString(),
                CompareJob.protocol(conf), conf.evalK(), c.runs(), seeds, set.anchors().size(), set.targets().size(), inputs.trainingRows().length,
                conf.training().epochs(), methods,
                new CompareReport.LinearCombinationResult(fusion.weights(), fusion.precisionAtK(),
                        fusion.meanAveragePrecision(), fusion.bestWeight()),
                new CompareReport.LeftOut(inputs.built().notInCorpus(), inputs.built().withoutRelevant()),
                stages, conf.values());
    }

    private CompareReport.MethodResult result(Method m, CompareSettings c) {
        CompareJob.Scored s = scored.get(m);
        String label = m.label(c.mod1Name(), c.mod2Name());
        if (!m.family().trained()) {
            return new CompareReport.MethodResult(m.id(), label, false, Summary.of(s.precisionAtK()),
                    Summary.of(s.meanAveragePrecision()), null, null, null, null,
                    m == Method.LINEAR_COMBINATION ? fusion.bestWeight() : null);
        }
        List<TrainingOutcome> runs = trained.stream().filter(o -> o.family() == m.family())
                .toList();
        int epochs = conf.training().epochs();
        double[] mean = new double[epochs];
        double[] std = new double[epochs];
        double[] map = new double[epochs];
        double[] loss = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            final int epoch = e;
            Summary p = Summary.of(runs.stream().mapToDouble(o -> o.precisionByEpoch().get(m)[epoch]).toArray());
            mean[e] = p.mean();
            std[e] = p.std();
            map[e] = runs.stream().mapToDouble(o -> o.mapByEpoch().get(m)[epoch]).average().orElseThrow();
            loss[e] = runs.stream().mapToDouble(o -> o.lossByEpoch()[epoch]).average().orElseThrow();
        }
        Double weight = m != Method.BIDNN_EMBEDDING_WEIGHTED ? null
                : runs.stream().mapToDouble(TrainingOutcome::modalityWeight).average().orElseThrow();
        return new CompareReport.MethodResult(m.id(), label, true, Summary.of(s.precisionAtK()),
                Summary.of(s.meanAveragePrecision()), mean, std, map, loss, weight);
    }
}
