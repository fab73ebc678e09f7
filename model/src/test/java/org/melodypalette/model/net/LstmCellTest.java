package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LstmCellTest {

    private static final int IN = 3;
    private static final int H = 2;
    private static final int BATCH = 2;
    private static final int STEPS = 3;

    /** Three unrolled steps from a variable initial state; outputs h of every step. */
    private static List<SDVariable> unroll(SameDiff sd, INDArray kernel, INDArray bias) {
        LstmCell cell = new LstmCell(sd, sd.var("kernel", kernel), sd.var("bias", bias), IN, H);
        LstmState state = new LstmState(sd.var("c0", GraphTesting.uniform(11, BATCH, H)),
                sd.var("h0", GraphTesting.uniform(12, BATCH, H)));
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, BATCH, STEPS, IN);
        List<SDVariable> outputs = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) {
            state = cell.step(x.get(SDIndex.all(), SDIndex.point(t), SDIndex.all()), state);
            outputs.add(state.h());
        }
        return outputs;
    }

    @Test
    void matchesTfBasicLstmCellGateOrderAndForgetBias() {
        SameDiff sd = SameDiff.create();
        INDArray kernel = GraphTesting.uniform(1, IN + H, 4 * H);
        INDArray bias = GraphTesting.uniform(2, 4 * H);
        List<SDVariable> outputs = unroll(sd, kernel, bias);
        INDArray x = GraphTesting.uniform(3, BATCH, STEPS, IN);
        INDArray last = sd.output(Map.of("x", x), outputs.get(STEPS - 1).name()).get(outputs.get(STEPS - 1).name());

        for (int b = 0; b < BATCH; b++) {
            double[] c = sd.getVariable("c0").getArr().getRow(b).toDoubleVector();
            double[] h = sd.getVariable("h0").getArr().getRow(b).toDoubleVector();
            for (int t = 0; t < STEPS; t++) {
                double[][] next = ReferenceLstm.step(kernel.toDoubleMatrix(), bias.toDoubleVector(),
                        x.slice(b).getRow(t).toDoubleVector(), c, h);
                c = next[0];
                h = next[1];
            }
            assertThat(last.getRow(b).toDoubleVector()).containsExactly(h, Offset.offset(1e-12));
        }
    }

    @Test
    void gradientsOfKernelBiasAndInitialStateMatchFiniteDifferences() {
        SameDiff sd = SameDiff.create();
        List<SDVariable> outputs = unroll(sd, GraphTesting.uniform(1, IN + H, 4 * H), GraphTesting.uniform(2, 4 * H));
        GraphTesting.weightedSum(sd, sd.stack(1, outputs.toArray(SDVariable[]::new)), 4, "loss", BATCH, STEPS, H);
        Map<String, INDArray> feed = Map.of("x", GraphTesting.uniform(3, BATCH, STEPS, IN));

        FiniteDifferences.Result result = FiniteDifferences.checkEntries(sd, "loss", feed,
                List.of("kernel", "bias", "c0", "h0"), 100, 1);

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.checked()).isEqualTo((IN + H) * 4 * H + 4 * H + 2 * BATCH * H);
    }
}
