package org.melodypalette.model.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentMath;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parity with magenta.js 1.23.1 on every shared checkpoint (docs/ARCHITECTURE.md §10): z within 1e-4 of
 * the golden mu; logits within 1e-4 at every step with the golden labels fed back; free-running
 * argmax labels equal; interpolation z and outputs equal. Runs for both kernels.
 */
class MagentaParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final Logger LOG = LoggerFactory.getLogger(MagentaParityTest.class);
    private static final Map<String, InferenceModel> MODELS = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String model : MagentaGoldens.MODELS) {
            cases.add(Arguments.of(model, "vector"));
            cases.add(Arguments.of(model, "scalar"));
        }
        return cases.stream();
    }

    private static InferenceModel model(String name, String kernel) {
        return MODELS.computeIfAbsent(name + "/" + kernel, key -> {
            try {
                LoadedCheckpoint checkpoint = CheckpointFolder.load(MagentaGoldens.checkpoint(name));
                return kernel.equals("scalar")
                        ? InferenceModel.scalar(checkpoint.config(), checkpoint.weights())
                        : InferenceModel.of(checkpoint);
            } catch (CheckpointException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void encodeMatchesGoldenMu(String name, String kernel) {
        List<MagentaGoldens.Encoded> golden = MagentaGoldens.encoded(name);
        int[][] labels = golden.stream().map(MagentaGoldens.Encoded::inputLabels).toArray(int[][]::new);

        float[][] z = model(name, kernel).encode(labels);

        double worst = 0;
        for (int n = 0; n < golden.size(); n++) {
            worst = Math.max(worst, maxAbsDiff(z[n], golden.get(n).z()));
        }
        LOG.info("{} [{}] encode: max |dz| = {}", name, kernel, worst);
        assertThat(worst).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void teacherForcedLogitsMatchGoldenAtEveryStep(String name, String kernel) {
        for (String kind : List.of("decode", "decode_fixed_z")) {
            List<MagentaGoldens.Decoded> golden = MagentaGoldens.decoded(name, kind);
            float[][] z = golden.stream().map(MagentaGoldens.Decoded::z).toArray(float[][]::new);
            int[][] labels = golden.stream().map(MagentaGoldens.Decoded::outputLabels).toArray(int[][]::new);

            float[][][] logits = model(name, kernel).teacherForcedLogits(z, labels);

            double worst = 0;
            for (int n = 0; n < golden.size(); n++) {
                for (int t = 0; t < labels[n].length; t++) {
                    worst = Math.max(worst, maxAbsDiff(logits[n][t], golden.get(n).logits()[t]));
                }
            }
            LOG.info("{} [{}] {}: max |dlogit| = {}", name, kernel, kind, worst);
            assertThat(worst).as(kind).isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void freeRunningArgmaxLabelsEqualGolden(String name, String kernel) {
        for (String kind : List.of("decode", "decode_fixed_z")) {
            List<MagentaGoldens.Decoded> golden = MagentaGoldens.decoded(name, kind);
            float[][] z = golden.stream().map(MagentaGoldens.Decoded::z).toArray(float[][]::new);

            int[][] labels = model(name, kernel).decode(z, DecodeOptions.ARGMAX);

            for (int n = 0; n < golden.size(); n++) {
                assertThat(labels[n]).as(kind + " " + golden.get(n).name()).containsExactly(golden.get(n).outputLabels());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void interpolationMatchesGoldenZAndOutputs(String name, String kernel) {
        InferenceModel model = model(name, kernel);
        List<MagentaGoldens.Encoded> encoded = MagentaGoldens.encoded(name);
        MagentaGoldens.Interpolated golden = MagentaGoldens.interpolated(name);
        float[][] ends = model.encode(new int[][] {encoded.get(0).inputLabels(), encoded.get(1).inputLabels()});
        float[] r = LatentMath.linspace(golden.z().length);
        float[][] z = new float[r.length][];
        double worst = 0;
        for (int i = 0; i < r.length; i++) {
            z[i] = LatentMath.lerpFloat32(new LatentVector(ends[0]), new LatentVector(ends[1]), r[i]).toArray();
            worst = Math.max(worst, maxAbsDiff(z[i], golden.z()[i]));
        }
        LOG.info("{} [{}] interpolate: max |dz| = {}", name, kernel, worst);
        assertThat(worst).isLessThan(TOLERANCE);

        int[][] labels = model.decode(z, DecodeOptions.ARGMAX);

        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        for (int i = 0; i < r.length; i++) {
            Melody melody = tokenizer.decode(labels[i], TimeGrid.SIXTEENTHS_4_4);
            int[][] notes = melody.notes().stream()
                    .map(n -> new int[] {n.pitch(), n.startStep(), n.endStep()}).toArray(int[][]::new);
            assertThat(notes).as("output " + i).isDeepEqualTo(golden.outputs().get(i));
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
        }
        return worst;
    }

}
