package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.backprop.ContinuationBackprop;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationPresets;
import org.melodypalette.model.infer.ContinuationModel;

/**
 * The continuation model's sampling on the inference kernel: the kernel agrees with the training
 * step's forward pass, candidates keep the primer, and temperature, top-p and the pitch-class mask do
 * what they say.
 */
class ContinuationSamplingTest {

    private static final ContinuationConfig CONFIG = ContinuationPresets.byName("continue_tiny").withLayers(List.of(16, 12));
    private static final WeightSet WEIGHTS = ContinuationTrainer.initialWeights(CONFIG, 9);
    private static final int[] PRIMER = {40, 0, 1, 0, 42, 0, 0, 1};
    /** C major. */
    private static final Set<Integer> SCALE = Set.of(0, 2, 4, 5, 7, 9, 11);

    private static ContinuationModel model() {
        return ContinuationModel.load(CONFIG, WEIGHTS, ComputeOptions.fromSystemProperties());
    }

    @Test
    void theKernelsTeacherForcedLossEqualsTheTrainingStepsForwardPass() {
        int[] labels = {40, 0, 1, 0, 42, 0, 0, 1, 44, 0, 1, 0};
        double kernelLoss;
        try (ContinuationModel model = model()) {
            float[] logits = model.teacherForcedLogits(labels);
            int classes = CONFIG.numClasses();
            double sum = 0;
            for (int t = 0; t < labels.length; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    max = Math.max(max, logits[t * classes + c]);
                }
                double z = 0;
                for (int c = 0; c < classes; c++) {
                    z += Math.exp(logits[t * classes + c] - max);
                }
                sum -= logits[t * classes + labels[t]] - max - Math.log(z);
            }
            kernelLoss = sum / labels.length;
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (WeightTensor t : WEIGHTS.tensors()) {
            weights.put(t.name(), t.values());
        }
        try (ContinuationBackprop step = ContinuationBackprop.create(CONFIG, weights, 1, labels.length, 1,
                ComputeOptions.Kernel.SCALAR)) {
            assertThat(kernelLoss).isCloseTo(step.evaluate(weights, new int[][] {labels}).loss(), within(1e-5));
        }
    }

    @Test
    void candidatesStartWithThePrimerAndDiffer() {
        try (ContinuationModel model = model()) {
            List<int[]> candidates = model.continueLabels(PRIMER, 16, ContinuationOptions.of(5, 1.0, 1.0, 3));
            Set<String> distinct = new HashSet<>();
            for (int[] c : candidates) {
                assertThat(c).hasSize(PRIMER.length + 16);
                assertThat(Arrays.copyOf(c, PRIMER.length)).containsExactly(PRIMER);
                distinct.add(Arrays.toString(c));
            }
            assertThat(distinct).hasSize(5);
        }
    }

    @Test
    void aCandidatesDrawsDependOnlyOnTheSeedAndItsIndex() {
        try (ContinuationModel model = model()) {
            List<int[]> three = model.continueLabels(PRIMER, 16, ContinuationOptions.of(3, 1.0, 0.95, 7));
            List<int[]> one = model.continueLabels(PRIMER, 16, ContinuationOptions.of(1, 1.0, 0.95, 7));
            List<int[]> otherSeed = model.continueLabels(PRIMER, 16, ContinuationOptions.of(1, 1.0, 0.95, 8));
            assertThat(one.get(0)).containsExactly(three.get(0));
            assertThat(otherSeed.get(0)).isNotEqualTo(one.get(0));
        }
    }

    @Test
    void aTinyTopPOrTemperatureZeroIsArgmax() {
        try (ContinuationModel model = model()) {
            int[] argmax = model.continueLabels(PRIMER, 16, ContinuationOptions.of(1, 0, 1.0, 1)).get(0);
            for (long seed = 0; seed < 4; seed++) {
                assertThat(model.continueLabels(PRIMER, 16, ContinuationOptions.of(2, 1.5, 1e-9, seed)))
                        .allSatisfy(c -> assertThat(c).containsExactly(argmax));
            }
            assertThat(model.continueLabels(PRIMER, 16, ContinuationOptions.of(1, 1.5, 1.0, 0)).get(0))
                    .isNotEqualTo(argmax);
        }
    }

    @Test
    void maskedPitchClassesNeverAppear() {
        try (ContinuationModel model = model()) {
            ContinuationOptions free = ContinuationOptions.of(50, 3.0, 1.0, 5);
            assertThat(newPitchClasses(model.continueLabels(PRIMER, 32, free))).hasSize(12);
            Set<Integer> constrained = newPitchClasses(model.continueLabels(PRIMER, 32,
                    free.withAllowedPitchClasses(SCALE)));
            assertThat(constrained).isNotEmpty().isSubsetOf(SCALE);
            // The primer's own pitches are kept even outside the scale (label 42 is pitch 61, C#).
            assertThat(model.continueLabels(PRIMER, 4, free.withAllowedPitchClasses(SCALE)).get(0)[4]).isEqualTo(42);
        }
    }

    /** Pitch classes of the note-ons after the primer. */
    private static Set<Integer> newPitchClasses(List<int[]> candidates) {
        Set<Integer> classes = new HashSet<>();
        for (int[] c : candidates) {
            for (int t = PRIMER.length; t < c.length; t++) {
                if (c[t] >= 2) {
                    classes.add(Math.floorMod(c[t] - 2 + CONFIG.minPitch(), 12));
                }
            }
        }
        return classes;
    }
}
