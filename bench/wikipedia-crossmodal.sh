#!/usr/bin/env bash
# Crossmodal retrieval on the Wikipedia set (../shared/datasets/wikipedia): a BiDNN trained on the
# training split by `bidnn run` (the features scaled by the model itself, --scale standard, the
# statistics fitted on the training part only), evaluated by `bidnn crossmodal-eval` in its spaces,
# by cosine, and in the translation space also by inner product, with and without query expansion.
#
#   bench/wikipedia-crossmodal.sh tune HDN REP EPOCHS [run flags...]
#       trains on the first 80% of train.svm (1,738 items), evaluates on its last 20% (435): for
#       choosing settings; the test split is not read.
#   bench/wikipedia-crossmodal.sh test HDN REP EPOCHS [run flags...]
#       trains on the whole of train.svm (2,173), evaluates on test.svm (693): the final figure.
#
# The dataset's files are read where they are; only the tune split's two parts are cut out.
# SCALE=none trains on the raw features. EXPAND="5 10 20" evaluates query expansion by each of these
# numbers of items (default 20). BIDNN=path/to/bidnn runs another build.
# Everything goes to bench/out/wikipedia/MODE-SCALE-hHDN-rREP-eEPOCHS[-flags]/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/wikipedia-split.sh
mode=$1 hdn=$2 rep=$3 epochs=$4
shift 4
scale=${SCALE:-standard}
bidnn=${BIDNN:-bin/bidnn}
flags=$(echo "$*" | tr -d ' ')
out=bench/out/wikipedia/$mode-$scale-h$hdn-r$rep-e$epochs${flags:+-$flags}
mkdir -p "$out"

wikipedia_split "$mode" "$out" || { echo "usage: $0 tune|test HDN REP EPOCHS [run flags...]" >&2; exit 2; }

start=$(date +%s)
(set -x; $bidnn run -v 1 -e "$epochs" --scale "$scale" "$@" -s "$out/model.bidnn" "$train" "$out/train-embedding.svm" \
    128 10 "$hdn" "$rep") 2> "$out/train-log.txt"
echo "training: $(( $(date +%s) - start )) s" > "$out/result.txt"
evaluate() {  # evaluate NAME SPACE [crossmodal-eval flags...]
  local name=$1 space=$2
  shift 2
  (set -x; $bidnn crossmodal-eval --input "$eval" --labels "$labels" --id-column 1 --label-column 3 \
      --model "$out/model.bidnn" --space "$space" "$@" --report "$out/$name.json" -v 0) 2>> "$out/eval-log.txt"
}
{
  for space in translation both-translations joint; do
    evaluate "$space" "$space"
  done
  evaluate translation-dot translation --similarity dot
  for k in ${EXPAND:-20}; do
    evaluate "translation-dot-expanded$k" translation --similarity dot --expand-query "$k"
  done
} >> "$out/result.txt"
cat "$out/result.txt"
