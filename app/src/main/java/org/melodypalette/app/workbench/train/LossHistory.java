package org.melodypalette.app.workbench.train;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.api.TrainingProgress;

/**
 * The loss curve of a run at a bounded number of points, however long it trains: each point is the
 * mean of {@code interval} consecutive steps, and when there would be more than {@code maxPoints}
 * points, neighbours are merged in pairs and the interval doubles. A chart can then redraw the
 * whole curve on every update. Not thread-safe.
 */
final class LossHistory {

    private final int maxPoints;
    private final List<LossPoint> points = new ArrayList<>();
    private int interval = 1;
    private final double[] sums = new double[4];
    private int summed;

    LossHistory(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints " + maxPoints + " must be at least 2");
        }
        this.maxPoints = maxPoints;
    }

    void add(TrainingProgress progress) {
        sums[0] += progress.loss();
        sums[1] += progress.reconstruction();
        sums[2] += progress.kl();
        sums[3] += progress.accuracy();
        summed++;
        if (summed < interval) {
            return;
        }
        points.add(new LossPoint(progress.step(), sums[0] / summed, sums[1] / summed, sums[2] / summed,
                sums[3] / summed));
        java.util.Arrays.fill(sums, 0);
        summed = 0;
        if (points.size() > maxPoints) {
            halve();
        }
    }

    /** Steps each point averages. */
    int interval() {
        return interval;
    }

    List<LossPoint> points() {
        return List.copyOf(points);
    }

    /** Merges points pairwise (both cover {@code interval} steps, so the plain mean is right). */
    private void halve() {
        List<LossPoint> merged = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i + 1 < points.size(); i += 2) {
            LossPoint a = points.get(i);
            LossPoint b = points.get(i + 1);
            merged.add(new LossPoint(b.step(), (a.loss() + b.loss()) / 2, (a.reconstruction() + b.reconstruction()) / 2,
                    (a.kl() + b.kl()) / 2, (a.accuracy() + b.accuracy()) / 2));
        }
        if (points.size() % 2 == 1) {
            // The odd last point covers one interval: it becomes the start of the next, longer bucket.
            LossPoint last = points.get(points.size() - 1);
            sums[0] += last.loss() * interval;
            sums[1] += last.reconstruction() * interval;
            sums[2] += last.kl() * interval;
            sums[3] += last.accuracy() * interval;
            summed += interval;
        }
        points.clear();
        points.addAll(merged);
        interval *= 2;
    }
}
