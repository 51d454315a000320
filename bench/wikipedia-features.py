#!/usr/bin/env python3
"""Rescales the Wikipedia set's features for a neural network, fitted on one file, applied to others.

The published features are histograms: 128 visual words summing to 1 (values around 0.008) and
10 LDA topic proportions summing to 1. A BiDNN with tanh units learns little from inputs that
small. CCA, the published baseline, does not care: it is invariant to any linear rescaling of each
modality. This gives the network the same footing:

  zscore  each column minus its mean, divided by its standard deviation, times SCALE (default
          0.25, so that nearly all values fall inside tanh's range), both fitted on FIT only;
  l2      each modality of each row scaled to unit length (nothing fitted).

Usage: wikipedia-features.py METHOD FIT.svm IN.svm OUT.svm [IN.svm OUT.svm ...]
Input and output are LibSVM with 1-based indices, 128 image then 10 text columns, ids kept.
"""
import math
import sys

D1, D2 = 128, 10


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            tokens = line.split()
            if not tokens:
                continue
            x = [0.0] * (D1 + D2)
            for t in tokens[1:]:
                i, v = t.split(":")
                x[int(i) - 1] = float(v)
            rows.append((tokens[0], x))
    return rows


def write(path, rows):
    with open(path, "w") as f:
        for id_, x in rows:
            f.write(id_ + "".join(f" {i + 1}:{v:.7g}" for i, v in enumerate(x) if v != 0) + "\n")


def main():
    method, fit, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    scale = 0.25
    if method == "zscore":
        data = [x for _, x in read(fit)]
        n = len(data)
        mean = [sum(x[j] for x in data) / n for j in range(D1 + D2)]
        std = [math.sqrt(sum((x[j] - mean[j]) ** 2 for x in data) / n) for j in range(D1 + D2)]
        transform = lambda x: [(x[j] - mean[j]) / std[j] * scale if std[j] > 0 else 0.0 for j in range(D1 + D2)]
    elif method == "l2":
        def unit(v):
            norm = math.sqrt(sum(a * a for a in v))
            return [a / norm for a in v] if norm > 0 else v
        transform = lambda x: unit(x[:D1]) + unit(x[D1:])
    else:
        sys.exit("method must be zscore or l2")
    for src, dst in zip(pairs[0::2], pairs[1::2]):
        write(dst, [(id_, transform(x)) for id_, x in read(src)])


if __name__ == "__main__":
    main()
