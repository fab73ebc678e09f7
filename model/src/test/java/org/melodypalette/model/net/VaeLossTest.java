package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VaeLossTest {

    private static final int BATCH = 2;
    private static final int STEPS = 3;
    private static final int CLASSES = 4;

    @Test
    void reconstructionIsCrossEntropySummedOverSteps() {
        SameDiff sd = SameDiff.create();
        INDArray logits = GraphTesting.uniform(1, BATCH * STEPS, CLASSES);
        INDArray target = GraphTesting.uniform(2, BATCH, STEPS, CLASSES).gt(0).castTo(DataType.DOUBLE);
        SDVariable r = VaeLoss.reconstruction(sd, sd.constant(logits), sd.constant(target), STEPS, CLASSES);

        double[] actual = r.eval().toDoubleVector();

        for (int b = 0; b < BATCH; b++) {
            double expected = 0;
            for (int t = 0; t < STEPS; t++) {
                double[] row = logits.getRow(b * STEPS + t).toDoubleVector();
                double logSum = Math.log(java.util.Arrays.stream(row).map(Math::exp).sum());
                for (int c = 0; c < CLASSES; c++) {
                    expected -= target.getDouble(b, t, c) * (row[c] - logSum);
                }
            }
            assertThat(actual[b]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void klIsTheClosedFormDivergenceFromTheStandardNormal() {
        SameDiff sd = SameDiff.create();
        INDArray mu = Nd4j.createFromArray(new double[][] {{0.5, -1.0}});
        INDArray sigma = Nd4j.createFromArray(new double[][] {{2.0, 0.25}});

        double kl = VaeLoss.kl(sd, sd.constant(mu), sd.constant(sigma)).eval().getDouble(0);

        double expected = 0.5 * (0.25 + 4 - 1) - Math.log(2.0) + 0.5 * (1.0 + 0.0625 - 1) - Math.log(0.25);
        assertThat(kl).isCloseTo(expected, within(1e-12));
    }

    /** Posterior over 3 latent dims from a dense layer, with free nats below or above its KL. */
    private static FiniteDifferences.Result klCostGradient(double freeNats) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 2);
        SDVariable mu = x.mmul(sd.var("mu", GraphTesting.uniform(1, 2, 3)));
        SDVariable sigma = sd.nn.softplus(x.mmul(sd.var("sigma", GraphTesting.uniform(2, 2, 3))));
        VaeLoss.klCost(sd, VaeLoss.kl(sd, mu, sigma), freeNats).mean().rename("loss");
        sd.setLossVariables("loss");
        return FiniteDifferences.checkEntries(sd, "loss", Map.of("x", GraphTesting.uniform(3, BATCH, 2)),
                List.of("mu", "sigma"), 6, 1);
    }

    @Test
    void klCostGradientsMatchFiniteDifferencesAboveTheFreeBits() {
        FiniteDifferences.Result result = klCostGradient(0.0);

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.maxGradient()).isGreaterThan(1e-3);
    }

    @Test
    void klBelowTheFreeBitsCostsNothingAndHasNoGradient() {
        FiniteDifferences.Result result = klCostGradient(1000.0);

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.maxGradient()).isZero();
    }
}
