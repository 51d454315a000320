package org.bidnn.rank;

import java.util.PriorityQueue;

/**
 * The k best targets of one query seen so far: a priority queue of at most k hits with the worst
 * at its head, so that each offer costs O(log k) and a target worse than the k-th costs one
 * comparison and no allocation.
 */
final class TopK {

    private final int k;
    private final PriorityQueue<Hit> heap;

    TopK(int k) {
        this.k = k;
        this.heap = new PriorityQueue<>(Math.min(k, 1024) + 1, Hit.BEST_FIRST.reversed());
    }

    void offer(String id, float score) {
        if (heap.size() < k) {
            heap.add(new Hit(id, score));
        } else {
            Hit worst = heap.peek();
            if (Hit.compare(score, id, worst.score(), worst.target()) < 0) {
                heap.poll();
                heap.add(new Hit(id, score));
            }
        }
    }

    /** The hits, best first, as parallel arrays (what a partition ships to the merge). */
    void drainInto(String[][] ids, float[][] scores, int query) {
        int n = heap.size();
        String[] i = new String[n];
        float[] s = new float[n];
        for (int at = n - 1; at >= 0; at--) {
            Hit h = heap.poll();
            i[at] = h.target();
            s[at] = h.score();
        }
        ids[query] = i;
        scores[query] = s;
    }
}
