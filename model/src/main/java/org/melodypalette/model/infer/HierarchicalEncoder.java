package org.melodypalette.model.infer;

import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.BidirectionalSpec;
import org.melodypalette.model.layers.ModelLayers;

/**
 * Magenta's two-level {@code HierarchicalLstmEncoder} (docs/ARCHITECTURE.md §4): level 0 encodes each
 * of the {@code numSegments} chunks independently (all chunks of all sequences as one batch),
 * level 1 runs a bidirectional LSTM over the chunks' {@code [h_fw | h_bw]} vectors.
 */
final class HierarchicalEncoder implements Encoder {

    private final BidirectionalLstm level0;
    private final BidirectionalLstm level1;
    private final int segments;
    private final int segmentSteps;
    private final int lanes;
    private int capacity;
    private float[] out0;
    private float[] chunks;
    private float[] out1;

    HierarchicalEncoder(ModelConfig config, ModelLayers specs, WeightSet weights, int lanes) {
        this.segments = config.numSegments();
        this.segmentSteps = config.numSteps() / segments;
        this.lanes = lanes;
        BidirectionalSpec first = specs.encoder().get(0);
        BidirectionalSpec second = specs.encoder().get(1);
        this.level0 = BidirectionalLstm.oneHot(LstmWeights.of(weights, first.forward()),
                LstmWeights.of(weights, first.backward()), config.numClasses(), lanes);
        this.level1 = BidirectionalLstm.dense(LstmWeights.of(weights, second.forward()),
                LstmWeights.of(weights, second.backward()), FlatEncoder.pairRows(first.hidden(), lanes), lanes);
    }

    @Override
    public void encode(Kernel kernel, int[] labels, int batch, Rows out) {
        ensureCapacity(batch);
        // labels[n·numSteps + s·segmentSteps + t] is labels[(n·segments + s)·segmentSteps + t]:
        // the same array read as batch·segments chunks of segmentSteps steps.
        int chunkCount = batch * segments;
        level0.runOneHot(kernel, labels, segmentSteps, chunkCount, out0);
        int width0 = level0.outputWidth();
        level0.finalStates(out0, segmentSteps, chunkCount, chunks, 0, width0);
        // chunks[(n·segments + s)·width0]: step s of sequence n.
        level1.runDense(kernel, chunks, width0, segments * width0, segments, batch, out1);
        level1.finalStates(out1, segments, batch, out.data(), out.offset(), out.stride());
    }

    @Override
    public int outputWidth() {
        return level1.outputWidth();
    }

    @Override
    public int[] outputRowMap() {
        return FlatEncoder.pairRows(level1.hidden(), lanes);
    }

    private void ensureCapacity(int batch) {
        if (batch > capacity) {
            capacity = batch;
            out0 = new float[segmentSteps * batch * segments * level0.outputWidth()];
            chunks = new float[batch * segments * level0.outputWidth()];
            out1 = new float[segments * batch * level1.outputWidth()];
        }
    }
}
