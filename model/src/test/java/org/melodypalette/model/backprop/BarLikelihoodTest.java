package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.melodypalette.model.backprop.DecoderLikelihoodTest.BATCH;
import static org.melodypalette.model.backprop.DecoderLikelihoodTest.arrays;
import static org.melodypalette.model.backprop.DecoderLikelihoodTest.flat;
import static org.melodypalette.model.backprop.DecoderLikelihoodTest.randomCodes;
import static org.melodypalette.model.backprop.DecoderLikelihoodTest.randomLabels;
import static org.melodypalette.model.backprop.DecoderLikelihoodTest.randomOffsets;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.checkpoint.RandomWeights;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;

/**
 * The bars one at a time are the whole melodies of {@link DecoderLikelihood} (whose figures are the
 * inference kernel's and the central differences'): the same embeddings give each melody's NLL and
 * mistakes as sums over its bars and the same gradient on each bar's embedding, whichever subset of
 * bars is passed and in whichever order.
 */
class BarLikelihoodTest {

    private final ModelConfig config = ModelPresets.byName("tiny-test-hier");
    private final Map<String, float[]> weights = arrays(RandomWeights.of(config, 31));
    private final float[][] z = randomCodes(config, new SplittableRandom(12));
    private final float[] offsets = randomOffsets(config, new SplittableRandom(13));
    private final int[][] labels = randomLabels(config, new SplittableRandom(14));
    private final BarLikelihood bars = BarLikelihood.create(config, weights);
    private final int segments = config.numSegments();
    private final int length = config.numSteps() / segments;
    private final int size = bars.embeddingSize();

    @Test
    void barsSumToTheMelodiesAndShareTheirGradients() {
        DecoderLikelihood.Result whole = DecoderLikelihood.create(config, weights, BATCH)
                .evaluate(flat(z), offsets, labels);
        int[] all = new int[BATCH * segments];
        Arrays.setAll(all, r -> r);

        BarLikelihood.Result byBar = evaluate(all);

        for (int b = 0; b < BATCH; b++) {
            double nll = 0;
            int mistakes = 0;
            for (int s = 0; s < segments; s++) {
                nll += byBar.nll()[b * segments + s];
                mistakes += byBar.mistakes()[b * segments + s];
            }
            assertThat(nll).isCloseTo(whole.nll()[b], within(1e-4 * whole.nll()[b]));
            assertThat(mistakes).isEqualTo(whole.mistakes()[b]);
        }
        for (int i = 0; i < whole.dBars().length; i++) {
            assertThat(byBar.dEmbeddings()[i]).as("dE[%d]", i).isCloseTo(whole.dBars()[i], within(1e-5f));
        }
    }

    @Test
    void aBarsFiguresDoNotDependOnTheOtherRows() {
        int[] all = new int[BATCH * segments];
        Arrays.setAll(all, r -> r);
        BarLikelihood.Result full = evaluate(all);
        // Three bars, and 40 (more than one pass holds) in a shuffled order with repeats.
        int[] some = {5, 0, 3};
        checkSameRows(full, some);
        int[] many = new int[40];
        Arrays.setAll(many, k -> k * 5 % all.length);
        checkSameRows(full, many);
    }

    private void checkSameRows(BarLikelihood.Result full, int[] some) {

        BarLikelihood.Result subset = evaluate(some);

        for (int k = 0; k < some.length; k++) {
            int r = some[k];
            assertThat(subset.nll()[k]).isCloseTo(full.nll()[r], within(1e-9 + 1e-6 * full.nll()[r]));
            assertThat(subset.mistakes()[k]).isEqualTo(full.mistakes()[r]);
            for (int d = 0; d < size; d++) {
                assertThat(subset.dEmbeddings()[k * size + d]).isCloseTo(full.dEmbeddings()[r * size + d],
                        within(1e-6f));
            }
        }
    }

    @Test
    void refusesAFlatDecoderAndInputsOfTheWrongSize() {
        ModelConfig flatConfig = ModelPresets.byName("tiny-test");
        assertThatThrownBy(() -> BarLikelihood.create(flatConfig, arrays(RandomWeights.of(flatConfig, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flat decoder");
        assertThatThrownBy(() -> bars.evaluate(new float[size], new int[] {-1}, new int[][] {new int[length + 1]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bar 0 has " + (length + 1));
        assertThatThrownBy(() -> bars.evaluate(new float[size], new int[] {config.numClasses()},
                new int[][] {new int[length]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bar 0 follows label");
    }

    /** The bars {@code rows} (row b·S + s = melody b's bar s) with the conductor's embeddings of z plus the offsets. */
    private BarLikelihood.Result evaluate(int[] rows) {
        float[] embeddings = new float[rows.length * size];
        int[] before = new int[rows.length];
        int[][] barLabels = new int[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            int b = rows[k] / segments;
            int s = rows[k] % segments;
            float[] conductor = bars.embeddings(z[b]);
            for (int d = 0; d < size; d++) {
                embeddings[k * size + d] = conductor[s * size + d] + offsets[rows[k] * size + d];
            }
            before[k] = s == 0 ? -1 : labels[b][s * length - 1];
            barLabels[k] = Arrays.copyOfRange(labels[b], s * length, (s + 1) * length);
        }
        return bars.evaluate(embeddings, before, barLabels);
    }
}
