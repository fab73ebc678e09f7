package org.melodypalette.model.infer;

import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.cpu.Backend;
import org.melodypalette.model.cpu.Rows;

/**
 * What the networks call: matmuls and LSTM steps on packed weights, each call split by column
 * groups over a {@link Team} (each thread always gets the same groups, so its share of the weights
 * stays in its core's cache across steps); or, for work that splits into independent whole tasks
 * (the two directions of an encoder layer, the rows of a step's output), {@link #split} runs each
 * task on one thread with the {@code ...Alone} calls. One kernel per model, one caller at a time,
 * inside {@link #begin()}/{@link #end()}.
 */
final class Kernel implements AutoCloseable {

    /** Chunks per thread: enough to rebalance when a thread is descheduled, few enough to stay cheap. */
    private static final int CHUNKS_PER_THREAD = 4;

    private final GroupKernel arithmetic;
    private final Team team;
    private float[] inputs = new float[0];

    private Kernel(GroupKernel arithmetic, int threads) {
        this.arithmetic = arithmetic;
        this.team = new Team(threads);
    }

    /** The kernel {@code options} ask for, on {@link ComputeOptions#resolvedInferenceThreads()} threads. */
    static Kernel create(ComputeOptions options) {
        int threads = options.resolvedInferenceThreads();
        return new Kernel(Backend.create(options.kernel(), () -> new VectorKernel(threads),
                () -> new ScalarKernel(threads)), threads);
    }

    int lanes() {
        return arithmetic.lanes();
    }

    String description() {
        return (arithmetic instanceof ScalarKernel ? "scalar" : "vector") + " (" + lanes() + " lanes, "
                + team.threads() + (team.threads() == 1 ? " thread)" : " threads)");
    }

    void begin() {
        team.begin();
    }

    void end() {
        team.end();
    }

    /** {@code out[b, 0:w.cols] = init[b] + x[b, 0:w.rows] · W} for {@code b < batch}. */
    void gemm(PackedMatrix w, Rows init, Rows x, Rows out, int batch) {
        int groups = w.groups();
        int chunks = chunks(groups);
        team.run(chunks, (chunk, slot) -> arithmetic.gemm(w, init, x, out, batch,
                groups * chunk / chunks, groups * (chunk + 1) / chunks, slot));
    }

    /**
     * One TF BasicLSTMCell step for a layer whose packed kernel has {@code xRows} input rows then
     * {@code Hp} recurrent rows: {@code g = init[b] + x[b]·W[0:xRows] + hPrev[b]·W[xRows:]}, then the
     * cell update; {@code c} in place, h into {@code hOut}, which must not overlap {@code hPrev}.
     * {@code x} may be null when {@code xRows} is 0.
     */
    void lstm(PackedMatrix w, int xRows, Rows init, Rows x, Rows hPrev, Rows c, Rows hOut, int batch) {
        Rows in = Inputs.concat(inputs, x, xRows, hPrev, w.rows - xRows, batch);
        inputs = in.data();
        int groups = w.groups();
        int chunks = chunks(groups);
        team.run(chunks, (chunk, slot) -> arithmetic.lstm(w, init, in, c, hOut, batch,
                groups * chunk / chunks, groups * (chunk + 1) / chunks, slot));
    }

    /** Threads of the team: how many independent tasks {@link #split} can run at once. */
    int threads() {
        return team.threads();
    }

    /**
     * Runs {@code tasks} independent tasks on the team, each whole on one thread ({@code work.chunk(task, slot)}):
     * for work with no barrier inside, such as the two directions of a bidirectional layer. A thread
     * that finishes first takes the tasks not yet started.
     */
    void split(int tasks, Team.Work work) {
        team.run(tasks, work);
    }

    /**
     * {@link #lstm} on the calling thread alone, all column groups, inside a {@link #split} task
     * ({@code slot} is the task's): {@code in} holds {@code [x | hPrev]} side by side already.
     */
    void lstmAlone(PackedMatrix w, Rows init, Rows in, Rows c, Rows hOut, int batch, int slot) {
        arithmetic.lstm(w, init, in, c, hOut, batch, 0, w.groups(), slot);
    }

    /** {@link #gemm} on the calling thread alone, all column groups, inside a {@link #split} task. */
    void gemmAlone(PackedMatrix w, Rows init, Rows x, Rows out, int batch, int slot) {
        arithmetic.gemm(w, init, x, out, batch, 0, w.groups(), slot);
    }

    void tanh(Rows rows, int cols, int batch) {
        arithmetic.tanh(rows, cols, batch);
    }

    private int chunks(int groups) {
        return Math.min(groups, team.threads() * CHUNKS_PER_THREAD);
    }

    @Override
    public void close() {
        team.close();
    }
}
