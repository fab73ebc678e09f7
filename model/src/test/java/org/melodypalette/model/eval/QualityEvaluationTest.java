package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.model.service.Evaluation;
import org.melodypalette.model.api.EvaluationFeature;
import org.melodypalette.model.api.EvaluationInterpolation;
import org.melodypalette.model.api.EvaluationOptions;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.api.EvaluationResults;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.model.train.TrainingFixtures;
import org.melodypalette.testing.SharedData;

/** Interpolation and realism figures of magenta.js's random-weight mel_2bar_small on fixture windows. */
class QualityEvaluationTest {

    private static Path checkpoint;
    private static LatentCodec codec;
    private static List<int[]> windows;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws IOException {
        checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        codec = MelodyGenerators.open(checkpoint);
        LabelWindows fixture = TrainingFixtures.melodies(12, 16, 0);
        windows = new ArrayList<>();
        for (int i = 0; i < fixture.count(); i++) {
            windows.add(EvalLabels.canonical(fixture.window(i)));
        }
    }

    @AfterAll
    static void close() {
        if (codec != null) {
            codec.close();
        }
    }

    @Test
    void interpolationCurvesStartAndEndWhereTheirDefinitionsSay() {
        EvaluationInterpolation report = InterpolationEvaluator.evaluate(codec, windows, 6, 11, Interpolation.SLERP, 3L);

        assertThat(report.pairs()).isEqualTo(6);
        assertThat(report.latent().hammingToA()).hasSize(11);
        assertThat(report.data().hammingToA()).hasSize(11);
        // the data path starts at A and ends at B exactly; the latent one at their reconstructions
        assertThat(report.data().hammingToA().get(0)).isZero();
        assertThat(report.data().hammingToA().get(10)).isCloseTo(report.distanceAB(), within(1e-12));
        assertThat(report.distanceAB()).isPositive();
        assertThat(report.latent().hammingToA()).allSatisfy(h -> assertThat(h).isBetween(0.0, 1.0));
        // every fixture window has 8 notes, and the data path's ends are A and B themselves
        List<Double> dataInKey = report.data().inKeyByPoint();
        assertThat(report.endpointsInKey()).isCloseTo((dataInKey.get(0) + dataInKey.get(10)) / 2, within(1e-12));
        assertThat(report.endpointsInKey()).isBetween(0.0, 1.0).isLessThan(1.0);
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOtherPairs() {
        EvaluationInterpolation first = InterpolationEvaluator.evaluate(codec, windows, 4, 5, Interpolation.LERP, 1L);
        EvaluationInterpolation again = InterpolationEvaluator.evaluate(codec, windows, 4, 5, Interpolation.LERP, 1L);
        EvaluationInterpolation other = InterpolationEvaluator.evaluate(codec, windows, 4, 5, Interpolation.LERP, 2L);

        assertThat(again).isEqualTo(first);
        assertThat(other.data().hammingToA()).isNotEqualTo(first.data().hammingToA());
    }

    @Test
    void realismComparesSamplesDataAndTheDataHalves() {
        EvaluationRealism report = RealismEvaluator.evaluate(codec, windows, 20, 1.0, 5L);

        assertThat(report.samples()).isEqualTo(20);
        assertThat(report.dataWindows()).isEqualTo(12);
        assertThat(report.silentData()).isZero();
        EvaluationFeature density = report.noteDensity();
        // every fixture window has 8 notes in 2 bars
        assertThat(density.data().get(4)).isEqualTo(1.0);
        assertThat(density.dataMean()).isEqualTo(4.0);
        assertThat(density.ceilingOverlap()).isEqualTo(1.0);
        assertThat(density.ceilingJsDivergence()).isZero();
        assertThat(density.overlap()).isCloseTo(density.samples().get(4), within(1e-12));
        assertThat(report.pitchClass().samplesMean()).isNull();
        assertThat(report.barOnsets().data().get(4)).isEqualTo(1.0);
        for (EvaluationFeature f : List.of(density, report.barOnsets(), report.pitchRange(), report.pitchClass(),
                report.keyPitchClass(), report.interval())) {
            assertThat(f.samples().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(f.data().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(f.overlap()).isBetween(0.0, 1.0);
            assertThat(f.jsDivergence()).isBetween(0.0, 1.0);
        }
        assertThat(RealismEvaluator.evaluate(codec, windows, 20, 1.0, 5L)).isEqualTo(report);
    }

    @Test
    void theFirstSamplesAreTheSameWhateverTheCount() {
        List<int[]> many = RealismEvaluator.sample(codec, 6, 1.0, 9L, 4);
        List<int[]> few = RealismEvaluator.sample(codec, 3, 1.0, 9L, 4);

        assertThat(many).hasSize(6);
        assertThat(many.get(4)).isNotEqualTo(many.get(0));
        for (int i = 0; i < few.size(); i++) {
            assertThat(few.get(i)).containsExactly(many.get(i));
        }
    }

    @Test
    void theWholeEvaluationRunsFromFilesAndPlots() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 2, 6, 16);
        EvaluationOptions options = EvaluationOptions.defaults().withInterpolation(3, 11, Interpolation.SLERP)
                .withSamples(10, 1.0).withSeed(4L);

        EvaluationResults results = Evaluation.evaluate(checkpoint, data, options);

        assertThat(results.reconstruction().windows()).isEqualTo(6);
        assertThat(results.reconstruction().split()).isEqualTo(EvaluationSplit.EVAL);
        assertThat(results.interpolation().pairs()).isEqualTo(3);
        assertThat(results.sampleRealism().dataWindows()).isEqualTo(6);

        Path png = dir.resolve("plot.png");
        Evaluation.writePlot(results, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(EvaluationChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(EvaluationChart.HEIGHT);
        assertThat(countPixels(image, EvaluationChart.MODEL.getRGB())).isGreaterThan(100);
        assertThat(countPixels(image, EvaluationChart.DATA.getRGB())).isGreaterThan(100);
    }

    @Test
    void skippedPartsAreNull() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 2, 3, 16);
        EvaluationOptions options = EvaluationOptions.defaults().withInterpolation(0, 11, Interpolation.SLERP)
                .withSamples(0, 1.0);

        EvaluationResults results = Evaluation.evaluate(checkpoint, data, options);

        assertThat(results.interpolation()).isNull();
        assertThat(results.sampleRealism()).isNull();
        assertThat(results.reconstruction().windows()).isEqualTo(3);
    }

    @Test
    void tooFewWindowsWithNotesAreRefused() {
        List<int[]> oneMelody = List.of(windows.get(0), new int[32]);

        assertThatThrownBy(() -> InterpolationEvaluator.evaluate(codec, oneMelody, 2, 11, Interpolation.SLERP, 0L))
                .hasMessageContaining("at least 2 windows with notes, the data has 1");
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
