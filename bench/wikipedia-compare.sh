#!/usr/bin/env bash
# The paper's comparison table (bidnn compare) on the Wikipedia set (../shared/datasets/wikipedia),
# relevance = same category: every evaluated item queries every other by both modalities.
#
#   bench/wikipedia-compare.sh tune|test HDN REP EPOCHS MISSING [RUNS]
#       tune: models trained on the first 80% of train.svm, evaluated on its last 20%;
#       test: trained on train.svm, evaluated on test.svm.
#       MISSING: share of the evaluated items shown without the image, and another share without
#       the text (compare.missing-share); RUNS: trainings of each model (default 1).
#
# Writes the configuration and the run under bench/out/wikipedia-compare/. BIDNN=path/to/bidnn runs
# another build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/wikipedia-split.sh
mode=$1 hdn=$2 rep=$3 epochs=$4 missing=$5 runs=${6:-1}
bidnn=${BIDNN:-bin/bidnn}
out=bench/out/wikipedia-compare/$mode-h$hdn-r$rep-e$epochs-m$missing-n$runs
mkdir -p "$out"
wikipedia_split "$mode" "$out" || { echo "usage: $0 tune|test HDN REP EPOCHS MISSING [RUNS]" >&2; exit 2; }
cat > "$out/compare.conf" <<CONF
input.path = $eval
input.mod1-size = 128
input.mod2-size = 10
model.hidden = $hdn
model.rep = $rep
model.epochs = $epochs
model.scale = standard
spark.master = local[*]
rank.all-targets = true
rank.k = 1000
eval.labels = $labels
eval.label-column = 3
eval.k = 10
output.root = $out/runs
compare.runs = $runs
compare.training-input = $train
compare.missing-share = $missing
compare.mod1-name = image
compare.mod2-name = text
CONF
(set -x; $bidnn compare --conf "$out/compare.conf" -v 2) 2> "$out/log.txt" | tee "$out/table.md"
