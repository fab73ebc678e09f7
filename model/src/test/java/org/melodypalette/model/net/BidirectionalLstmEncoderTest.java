package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The encoder runs both directions as one stacked state over a time-reversed copy of the input:
 * it must equal TF cells run by hand, direction by direction, and its gradients finite
 * differences. Two layers, so the per-step outputs that feed layer 2 are checked too.
 */
class BidirectionalLstmEncoderTest {

    private static final int IN = 3;
    private static final int[] HIDDEN = {3, 2};
    private static final int BATCH = 2;
    private static final int STEPS = 4;

    private final SameDiff sd = SameDiff.create();
    private final List<String> variables = new ArrayList<>();
    private final SDVariable encoded = buildTwoLayerEncoder();

    private SDVariable buildTwoLayerEncoder() {
        List<BidirectionalLstmEncoder.Layer> layers = new ArrayList<>();
        for (int k = 0; k < HIDDEN.length; k++) {
            int in = k == 0 ? IN : 2 * HIDDEN[k - 1];
            layers.add(new BidirectionalLstmEncoder.Layer(cell(k, "fw", in), cell(k, "bw", in)));
        }
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, STEPS, IN);
        return BidirectionalLstmEncoder.encode(sd, x, layers, STEPS);
    }

    private LstmCell cell(int layer, String direction, int in) {
        String name = "l" + layer + direction;
        int h = HIDDEN[layer];
        long seed = 10L * layer + direction.length() + (direction.equals("fw") ? 0 : 5);
        variables.add(name + "/kernel");
        variables.add(name + "/bias");
        return new LstmCell(sd, sd.var(name + "/kernel", GraphTesting.uniform(seed, in + h, 4 * h)),
                sd.var(name + "/bias", GraphTesting.uniform(seed + 100, 4 * h)), in, h);
    }

    @Test
    void equalsTfCellsRunForwardAndBackwardByHand() {
        INDArray x = GraphTesting.uniform(3, BATCH, STEPS, IN);

        INDArray actual = sd.output(Map.of("x", x), encoded.name()).get(encoded.name());

        assertThat(actual.shape()).containsExactly(BATCH, 2L * HIDDEN[1]);
        for (int b = 0; b < BATCH; b++) {
            double[][] sequence = x.slice(b).toDoubleMatrix();
            double[][] layer0 = runBidirectional(sequence, 0).outputs();
            double[] expected = runBidirectional(layer0, 1).finalState();
            assertThat(actual.getRow(b).toDoubleVector()).containsExactly(expected, Offset.offset(1e-12));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        GraphTesting.weightedSum(sd, encoded, 9, "loss", BATCH, 2L * HIDDEN[1]);
        Map<String, INDArray> feed = Map.of("x", GraphTesting.uniform(3, BATCH, STEPS, IN));

        FiniteDifferences.Result result = FiniteDifferences.checkEntries(sd, "loss", feed, variables, 12, 2);

        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    /** ND4J's reverse: it and its backprop never free their sub-array views in 1.0.0-M2.1 (~10 MB per hier-mel_16bar_cpu step). */
    @Test
    void buildsNoReverseOp() {
        assertThat(sd.getOps().values()).extracting(op -> op.getOp().opName()).isNotEmpty()
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("reverse"));
    }

    /** ND4J's fused lstmLayer: its backprop never frees its work arrays in 1.0.0-M2.1 (~21 MB per mel_2bar_cpu step). */
    @Test
    void buildsNoFusedLstmLayerOp() {
        assertThat(sd.getOps().values()).extracting(op -> op.getOp().opName()).isNotEmpty()
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("lstm"));
    }

    private record Bidirectional(double[][] outputs, double[] finalState) {
    }

    /** Per-step concat(fw h_t, bw h_t) and concat(fw h after T−1, bw h after 0), zero initial states. */
    private Bidirectional runBidirectional(double[][] inputs, int layer) {
        int h = HIDDEN[layer];
        double[][] outputs = new double[STEPS][2 * h];
        double[] last = new double[2 * h];
        for (String direction : List.of("fw", "bw")) {
            double[][] kernel = sd.getVariable("l" + layer + direction + "/kernel").getArr().toDoubleMatrix();
            double[] bias = sd.getVariable("l" + layer + direction + "/bias").getArr().toDoubleVector();
            int offset = direction.equals("fw") ? 0 : h;
            double[] c = new double[h];
            double[] hs = new double[h];
            for (int s = 0; s < STEPS; s++) {
                int t = direction.equals("fw") ? s : STEPS - 1 - s;
                double[][] next = ReferenceLstm.step(kernel, bias, inputs[t], c, hs);
                c = next[0];
                hs = next[1];
                System.arraycopy(hs, 0, outputs[t], offset, h);
            }
            System.arraycopy(hs, 0, last, offset, h);
        }
        return new Bidirectional(outputs, last);
    }
}
