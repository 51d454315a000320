# Sourced by bench/wikipedia-*.sh: the split a Wikipedia benchmark trains and evaluates on.
#   wikipedia_split tune|test OUT   sets train, eval and labels (the eval items' categories):
#   tune trains on the first 80% of train.svm (1,738 items) and evaluates on its last 20% (435),
#   cut into OUT; test trains on the whole of train.svm and evaluates on test.svm.
wikipedia_data=../shared/datasets/wikipedia

wikipedia_split() {
  case $1 in
    tune)
      head -n 1738 "$wikipedia_data/train.svm" > "$2/train.svm"
      tail -n +1739 "$wikipedia_data/train.svm" > "$2/eval.svm"
      tail -n +1739 "$wikipedia_data/train-categories.tsv" > "$2/eval-categories.tsv"
      train=$2/train.svm eval=$2/eval.svm labels=$2/eval-categories.tsv ;;
    test)
      train=$wikipedia_data/train.svm eval=$wikipedia_data/test.svm labels=$wikipedia_data/test-categories.tsv ;;
    *) return 1 ;;
  esac
}
