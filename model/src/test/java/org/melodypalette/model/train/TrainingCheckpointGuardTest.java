package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.graphtrain.TrainingEngines;

/**
 * A checkpoint is never written with a non-finite parameter or Adam moment: the write is refused
 * with one message naming the step and what is wrong, and the good checkpoint in the folder stays
 * byte for byte.
 */
class TrainingCheckpointGuardTest {

    @TempDir
    Path dir;

    @Test
    void nonFiniteWeightsOrMomentsAreNeverWrittenOverAGoodCheckpoint() throws IOException {
        WindowDataset data = TrainingFixtures.dataset(6, 2, 4);
        Path run = dir.resolve("run");
        try (Trainer trainer = TrainingEngines.start(ModelPresets.byName("tiny-test"), data,
                new Trainer.Settings(run, 2, 2, 100, 0, 2, 5, 1))) {
            trainer.run(new TrainingListener() { });
        }
        Map<String, byte[]> good = files(run);
        TrainingCheckpoint.Contents saved = TrainingCheckpoint.read(run);
        TrainingState later = new TrainingState(3, saved.state().seed(), saved.state().datasetFingerprint(),
                saved.state().trainWindows(), 1);

        List<WeightTensor> tensors = new ArrayList<>(saved.weights().tensors());
        WeightTensor first = tensors.get(0);
        float[] values = first.values().clone();
        values[2] = Float.POSITIVE_INFINITY;
        tensors.set(0, new WeightTensor(first.name(), first.shape(), values));
        TrainingCheckpoint.Contents badWeights = new TrainingCheckpoint.Contents(saved.config(), new WeightSet(tensors),
                saved.optimizer(), later, saved.metrics());

        assertThatThrownBy(() -> TrainingCheckpoint.write(run, badWeights))
                .isInstanceOf(DivergenceGuard.Diverged.class)
                .hasMessage("training diverged at step 3 (parameter " + first.name() + " holds a non-finite value "
                        + "(Infinity) at index 2); stopped without saving it, the checkpoint of step 2 in " + run
                        + " is kept. Resume from there with a lower learning rate, or check the data and the optimizer "
                        + "state.");
        assertThat(saved.optimizer().firstUnsoundMoment()).isNull();
        assertSame(good, files(run));
        assertThat(run.resolveSibling("run.tmp")).doesNotExist();
    }

    @Test
    void finiteValuesNamesTheFirstBadValue() {
        assertThat(FiniteValues.problem(new float[] {0, 1, -2}, false)).isNull();
        assertThat(FiniteValues.problem(new float[] {0, Float.NaN}, false)).isEqualTo("holds a non-finite value (NaN) at index 1");
        assertThat(FiniteValues.problem(new float[] {0, -1e-9f}, true)).isEqualTo("holds a negative value (-1.0E-9) at index 1");
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }
}
