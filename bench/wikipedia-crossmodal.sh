#!/usr/bin/env bash
# Crossmodal retrieval on the Wikipedia set (../shared/datasets/wikipedia): a BiDNN trained on the
# training split, evaluated by crossmodal-eval in both spaces.
#
#   bench/wikipedia-crossmodal.sh tune HDN REP EPOCHS [run flags...]
#       trains on the first 80% of train.svm (1,738 items), evaluates on its last 20% (435): for
#       choosing settings; the test split is not read.
#   bench/wikipedia-crossmodal.sh test HDN REP EPOCHS [run flags...]
#       trains on the whole of train.svm (2,173), evaluates on test.svm (693): the final figure.
#
# Features are standardised first (bench/wikipedia-features.py zscore: each column's mean and
# deviation fitted on the training part only, scaled by 0.25); set FEATURES=raw to skip that.
# Everything goes to bench/out/wikipedia/MODE-FEATURES-hHDN-rREP-eEPOCHS[-flags]/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=$1 hdn=$2 rep=$3 epochs=$4
shift 4
data=../shared/datasets/wikipedia
features=${FEATURES:-zscore}
flags=$(echo "$*" | tr -d ' ')
out=bench/out/wikipedia/$mode-$features-h$hdn-r$rep-e$epochs${flags:+-$flags}
mkdir -p "$out"

case $mode in
  tune)
    head -n 1738 "$data/train.svm" > "$out/train.svm"
    head -n 1738 "$data/train-categories.tsv" > "$out/train-categories.tsv"
    tail -n +1739 "$data/train.svm" > "$out/eval.svm"
    tail -n +1739 "$data/train-categories.tsv" > "$out/eval-categories.tsv" ;;
  test)
    cp "$data/train.svm" "$out/train.svm"
    cp "$data/test.svm" "$out/eval.svm"
    cp "$data/test-categories.tsv" "$out/eval-categories.tsv" ;;
  *) echo "usage: $0 tune|test HDN REP EPOCHS [run flags...]" >&2; exit 2 ;;
esac
if [[ $features == zscore ]]; then
  python3 bench/wikipedia-features.py zscore "$out/train.svm" "$out/train.svm" "$out/train.svm" \
      "$out/eval.svm" "$out/eval.svm"
fi

(set -x; bin/bidnn run -v 1 -n -e "$epochs" "$@" -s "$out/model.bidnn" "$out/train.svm" "$out/train-embedding.svm" \
    128 10 "$hdn" "$rep") 2> "$out/train-log.txt"
for space in translation joint; do
  (set -x; bin/bidnn crossmodal-eval --input "$out/eval.svm" --labels "$out/eval-categories.tsv" \
      --id-column 1 --label-column 3 --model "$out/model.bidnn" --space "$space" --report "$out/$space.json" -v 0) \
      2>> "$out/eval-log.txt"
done | tee "$out/result.txt"
