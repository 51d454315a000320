#!/usr/bin/env python3
"""A plain numpy BiDNN: the baseline `bidnn run` is timed against (bench/kernel-throughput.sh).

The same network, optimiser and data as `bidnn run` with its defaults: tied central weights,
tanh on every layer, inverted dropout after the central layers, MSE over [o1 | o2] against
[x2 | x1] (mean over the outputs of a row, then over the batch, as DL4J's MSE loss), SGD with
Nesterov momentum (v = mu v - lr g; p += mu v - lr g), the rows shuffled every epoch and cut into
whole minibatches. Single precision throughout, as the Java side. It is not a reimplementation of
the original tool (Theano); it is the straightforward numpy program a user would write, to say
what "fast" means for this network on this machine.

Usage: numpy_bidnn.py SEGMENTS.svm MOD1 MOD2 HDN REP EPOCHS [--batch 128] [--embed]
Prints one line per epoch: "Epoch N took S.SSSs loss L", and with --embed the time of one
embedding pass over all rows (central layers only).
"""
import argparse
import time

import numpy as np

F = np.float32


def read_libsvm(path, width):
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            row = np.zeros(width, dtype=F)
            for item in parts[1:]:
                k, v = item.split(":")
                row[int(k) - 1] = float(v)
            rows.append(row)
    return np.stack(rows)


def glorot(rng, n_in, n_out):
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=(n_in, n_out)).astype(F)


class BiDNN:
    def __init__(self, d1, d2, hdn, rep, seed):
        r = rep // 2
        rng = np.random.default_rng(seed)
        self.d1, self.d2 = d1, d2
        # Direction 1: x1 -W1a-> a -W2-> b -W3-> c -W1o-> o1 (~x2)
        # Direction 2: x2 -W2a-> a -W3^T-> b -W2^T-> c -W2o-> o2 (~x1)
        self.p = {
            "W1a": glorot(rng, d1, hdn), "b1a": np.zeros(hdn, F),
            "W2": glorot(rng, hdn, r), "b1b": np.zeros(r, F),
            "W3": glorot(rng, r, hdn), "b1c": np.zeros(hdn, F),
            "W1o": glorot(rng, hdn, d2), "b1o": np.zeros(d2, F),
            "W2a": glorot(rng, d2, hdn), "b2a": np.zeros(hdn, F),
            "b2b": np.zeros(r, F), "b2c": np.zeros(hdn, F),
            "W2o": glorot(rng, hdn, d1), "b2o": np.zeros(d1, F),
        }
        self.v = {k: np.zeros_like(x) for k, x in self.p.items()}
        self.rng = rng

    def weights(self, direction):
        p = self.p
        if direction == 1:
            return [(p["W1a"], False, "W1a", "b1a"), (p["W2"], False, "W2", "b1b"),
                    (p["W3"], False, "W3", "b1c"), (p["W1o"], False, "W1o", "b1o")]
        return [(p["W2a"], False, "W2a", "b2a"), (p["W3"], True, "W3", "b2b"),
                (p["W2"], True, "W2", "b2c"), (p["W2o"], False, "W2o", "b2o")]

    def direction_forward(self, x, direction, drop, train):
        ins, outs, mask = [], [], None
        h = x
        for i, (w, transposed, _, b) in enumerate(self.weights(direction)):
            ins.append(h)
            h = np.tanh(h @ (w.T if transposed else w) + self.p[b])
            if i == 1 and train and drop > 0:
                mask = (self.rng.random(h.shape, dtype=F) >= drop).astype(F) / F(1 - drop)
                outs.append(h)
                h = h * mask
                continue
            outs.append(h)
        return ins, outs, mask

    def direction_backward(self, delta_out, ins, outs, mask, direction, grads):
        g = delta_out
        steps = self.weights(direction)
        for i in range(3, -1, -1):
            w, transposed, wk, bk = steps[i]
            delta = g * (1 - outs[i] * outs[i])
            gw = delta.T @ ins[i] if transposed else ins[i].T @ delta
            grads[wk] = grads[wk] + gw if wk in grads else gw
            grads[bk] = delta.sum(axis=0)
            if i > 0:
                g = delta @ (w if transposed else w.T)
                if i == 2 and mask is not None:
                    g = g * mask

    def step(self, batch, drop, lr, mu):
        x1, x2 = batch[:, :self.d1], batch[:, self.d1:]
        n = batch.shape[0]
        width = self.d1 + self.d2
        ins1, outs1, m1 = self.direction_forward(x1, 1, drop, True)
        ins2, outs2, m2 = self.direction_forward(x2, 2, drop, True)
        e1 = outs1[3] - x2
        e2 = outs2[3] - x1
        loss = (np.sum(e1 * e1) + np.sum(e2 * e2)) / (width * n)
        scale = F(2.0 / (width * n))
        grads = {}
        self.direction_backward(e1 * scale, ins1, outs1, m1, 1, grads)
        self.direction_backward(e2 * scale, ins2, outs2, m2, 2, grads)
        for k, p in self.p.items():
            v = self.v[k]
            v *= F(mu)
            v -= F(lr) * grads[k]
            p += F(mu) * v - F(lr) * grads[k]
        return loss

    def embed(self, rows):
        """The two central layers only, as an embedding needs."""
        x1, x2 = rows[:, :self.d1], rows[:, self.d1:]
        _, outs1, _ = self.direction_forward_until_central(x1, 1)
        _, outs2, _ = self.direction_forward_until_central(x2, 2)
        return outs1, outs2

    def direction_forward_until_central(self, x, direction):
        h = x
        for w, transposed, _, b in self.weights(direction)[:2]:
            h = np.tanh(h @ (w.T if transposed else w) + self.p[b])
        return None, h, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("segments")
    ap.add_argument("d1", type=int)
    ap.add_argument("d2", type=int)
    ap.add_argument("hdn", type=int)
    ap.add_argument("rep", type=int)
    ap.add_argument("epochs", type=int)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--embed", action="store_true")
    args = ap.parse_args()
    rows = read_libsvm(args.segments, args.d1 + args.d2)
    net = BiDNN(args.d1, args.d2, args.hdn, args.rep, 1234)
    order_rng = np.random.default_rng(1)
    batches = rows.shape[0] // args.batch
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = order_rng.permutation(rows.shape[0])
        total = 0.0
        for b in range(batches):
            total += net.step(rows[order[b * args.batch:(b + 1) * args.batch]], args.dropout, 0.1, 0.9)
        print(f"Epoch {epoch} took {time.perf_counter() - start:.3f}s loss {total / batches:.6f}", flush=True)
    if args.embed:
        start = time.perf_counter()
        for b in range(0, rows.shape[0], 1024):
            net.embed(rows[b:b + 1024])
        print(f"Embedding of {rows.shape[0]} rows took {time.perf_counter() - start:.3f}s", flush=True)


if __name__ == "__main__":
    main()
