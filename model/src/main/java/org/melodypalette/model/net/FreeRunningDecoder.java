package org.melodypalette.model.net;

import static org.melodypalette.model.net.RunArrays.free;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.melodypalette.model.checkpoint.MagentaVariables;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The MusicVAE decoder run step by step in plain ND4J, feeding back its own choices — what
 * evaluation needs for free-running (sampled) reconstruction accuracy, which a teacher-forced
 * training graph cannot do. Same math as {@link MusicVaeGraph}'s decoders (ARCHITECTURE.md §5–§6),
 * in float32; {@link #teacherForcedLogits} feeds given labels instead, to check it against the graph.
 * Its arrays are freed as soon as they are done with ({@link #close} frees the weights), not left
 * to the garbage collector, which does not see their native memory.
 */
public final class FreeRunningDecoder implements AutoCloseable {

    /** One LSTM layer: kernel {@code [in + H, 4H]}, bias with the forget bias folded in. */
    private record Cell(INDArray kernel, INDArray bias, int hidden) {
    }

    /** A stack of cells with its {@code initial_state} dense layer. */
    private record Stack(List<Cell> cells, INDArray initialKernel, INDArray initialBias) {
    }

    private final ModelConfig config;
    private final Stack decoder;
    private final INDArray outputKernel;
    private final INDArray outputBias;
    private final Stack conductor;

    public FreeRunningDecoder(ModelConfig config, WeightSet weights) {
        MusicVaeVariables.requireMatches(config, weights);
        this.config = config;
        String scope = MagentaVariables.noteDecoderScope(config);
        List<Cell> cells = new ArrayList<>();
        for (int k = 0; k < config.decoderSizes().size(); k++) {
            cells.add(cell(weights, MagentaVariables.decoderCell(scope, k), config.decoderSizes().get(k)));
        }
        this.decoder = stack(weights, cells, MagentaVariables.zToInitialState(scope));
        this.outputKernel = array(weights, MagentaVariables.kernel(MagentaVariables.outputProjection(scope)));
        this.outputBias = array(weights, MagentaVariables.bias(MagentaVariables.outputProjection(scope)));
        if (config.decoder() == DecoderKind.HIERARCHICAL) {
            List<Cell> conductorCells = new ArrayList<>();
            for (int k = 0; k < config.conductorSizes().size(); k++) {
                conductorCells.add(cell(weights, MagentaVariables.conductorCell(k), config.conductorSizes().get(k)));
            }
            this.conductor = stack(weights, conductorCells, MagentaVariables.CONDUCTOR_INITIAL_STATE);
        } else {
            this.conductor = null;
        }
    }

    private static Stack stack(WeightSet weights, List<Cell> cells, String initialStateScope) {
        return new Stack(cells, array(weights, MagentaVariables.kernel(initialStateScope)),
                array(weights, MagentaVariables.bias(initialStateScope)));
    }

    /** Frees the decoder's copies of the weights. */
    @Override
    public void close() {
        List<Stack> stacks = conductor == null ? List.of(decoder) : List.of(decoder, conductor);
        for (Stack stack : stacks) {
            free(stack.initialKernel(), stack.initialBias());
            for (Cell cell : stack.cells()) {
                free(cell.kernel(), cell.bias());
            }
        }
        free(outputKernel, outputBias);
    }

    /**
     * Decodes each latent point, choosing every step's label from its own previous choices:
     * argmax at temperature 0 (first index wins ties), otherwise a draw from
     * {@code softmax(logits / temperature)}.
     *
     * @param z {@code [batch, Z]}
     * @return labels {@code [batch][numSteps]}
     */
    public int[][] sample(INDArray z, double temperature, SplittableRandom random) {
        if (!(temperature >= 0)) {
            throw new IllegalArgumentException("temperature " + temperature + " must be >= 0");
        }
        return run(z, null, temperature, random, null);
    }

    /** Logits {@code [batch · numSteps, C]} when {@code labels} are fed back as the previous outputs. */
    public INDArray teacherForcedLogits(INDArray z, int[][] labels) {
        INDArray logits = Nd4j.create(DataType.FLOAT, (long) labels.length * config.numSteps(), config.numClasses());
        run(z, labels, 0, null, logits);
        return logits;
    }

    private int[][] run(INDArray zIn, int[][] teacher, double temperature, SplittableRandom random, INDArray logitsOut) {
        INDArray z = zIn.castTo(DataType.FLOAT);
        int batch = (int) z.size(0);
        int steps = config.numSteps();
        int classes = config.numClasses();
        int[][] labels = new int[batch][steps];
        INDArray previous = Nd4j.zeros(DataType.FLOAT, batch, classes);
        List<INDArray[]> conductorState = conductor == null ? null : initialStates(conductor, z);
        INDArray dummyInput = Nd4j.zeros(DataType.FLOAT, batch, 1);
        int length = config.stepsPerSegment();
        for (int s = 0; s < config.numSegments(); s++) {
            // The conductor's h, owned by its state until the next segment's step replaces it.
            INDArray latent = conductor == null ? z : step(conductor, dummyInput, conductorState);
            List<INDArray[]> state = initialStates(decoder, latent);
            for (int t = s * length; t < (s + 1) * length; t++) {
                INDArray input = Nd4j.concat(1, previous, latent);
                INDArray h = step(decoder, input, state);
                INDArray logits = h.mmul(outputKernel).addiRowVector(outputBias);
                float[][] rows = logits.toFloatMatrix();
                previous.assign(0);
                for (int b = 0; b < batch; b++) {
                    int label = teacher != null ? teacher[b][t] : choose(rows[b], temperature, random);
                    labels[b][t] = label;
                    previous.putScalar(b, label, 1f);
                    if (logitsOut != null) {
                        logitsOut.putRow((long) b * steps + t, logits.getRow(b));
                    }
                }
                free(input, logits);
            }
            freeStates(state);
        }
        if (conductorState != null) {
            freeStates(conductorState);
        }
        free(previous, dummyInput);
        if (z != zIn) {
            free(z);
        }
        return labels;
    }

    /**
     * One step of a stack; replaces {@code state}'s arrays (freeing the old ones) and returns the
     * top layer's new h, which the state owns. Every temporary is freed here: evaluation runs
     * thousands of steps, and arrays left to the garbage collector (which does not see their
     * native memory) raised the training process's resident memory at every evaluation.
     */
    private static INDArray step(Stack stack, INDArray input, List<INDArray[]> state) {
        INDArray x = input;
        for (int k = 0; k < stack.cells().size(); k++) {
            Cell cell = stack.cells().get(k);
            INDArray c = state.get(k)[0];
            INDArray h = state.get(k)[1];
            int n = cell.hidden();
            INDArray joined = Nd4j.concat(1, x, h);
            INDArray g = joined.mmul(cell.kernel()).addiRowVector(cell.bias());
            INDArray i = Transforms.sigmoid(g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n)), true);
            INDArray j = Transforms.tanh(g.get(NDArrayIndex.all(), NDArrayIndex.interval(n, 2 * n)), true);
            INDArray f = Transforms.sigmoid(g.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)), true);
            INDArray o = Transforms.sigmoid(g.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * n, 4 * n)), true);
            INDArray newC = i.muli(j).addi(c.muli(f));
            INDArray newH = Transforms.tanh(newC, true).muli(o);
            free(joined, g, j, f, o, c, h);
            state.set(k, new INDArray[] {newC, newH});
            x = newH;
        }
        return x;
    }

    /** {@code tanh(latent·K + b)} split into (c, h) per layer. */
    private static List<INDArray[]> initialStates(Stack stack, INDArray latent) {
        INDArray s = Transforms.tanh(latent.mmul(stack.initialKernel()).addiRowVector(stack.initialBias()), false);
        List<INDArray[]> states = new ArrayList<>();
        int offset = 0;
        for (Cell cell : stack.cells()) {
            int n = cell.hidden();
            states.add(new INDArray[] {
                s.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + n)).dup(),
                s.get(NDArrayIndex.all(), NDArrayIndex.interval(offset + n, offset + 2 * n)).dup()});
            offset += 2 * n;
        }
        free(s);
        return states;
    }

    private static void freeStates(List<INDArray[]> states) {
        for (INDArray[] cAndH : states) {
            free(cAndH);
        }
    }

    /** Argmax at temperature 0, else a draw from softmax(logits / temperature). */
    static int choose(float[] logits, double temperature, SplittableRandom random) {
        int best = 0;
        for (int k = 1; k < logits.length; k++) {
            if (logits[k] > logits[best]) {
                best = k;
            }
        }
        if (temperature == 0) {
            return best;
        }
        double[] weights = new double[logits.length];
        double total = 0;
        for (int k = 0; k < logits.length; k++) {
            weights[k] = Math.exp((logits[k] - logits[best]) / temperature);
            total += weights[k];
        }
        double u = random.nextDouble() * total;
        for (int k = 0; k < logits.length; k++) {
            u -= weights[k];
            if (u < 0) {
                return k;
            }
        }
        return best;
    }

    private static Cell cell(WeightSet weights, String scope, int hidden) {
        INDArray bias = array(weights, MagentaVariables.bias(scope))
                .addi(LstmCell.forgetBiasVector(hidden, DataType.FLOAT));
        return new Cell(array(weights, MagentaVariables.kernel(scope)), bias, hidden);
    }

    private static INDArray array(WeightSet weights, String name) {
        return MusicVaeGraph.toArray(weights.require(name), DataType.FLOAT);
    }
}
