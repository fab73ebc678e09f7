package org.melodypalette.model.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;

/** Small melody-like window datasets for training tests. */
public final class TrainingFixtures {

    private TrainingFixtures() {
    }

    /**
     * {@code count} windows of 2 bars × {@code stepsPerBar}, repeating every 4 steps: a note held
     * two steps, a note-off, a rest. Window i starts from class 30 + 3(i + offset) and steps by
     * −1, 0 or +1 semitone every 4 steps.
     */
    public static LabelWindows melodies(int count, int stepsPerBar, int offset) {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] row = new int[2 * stepsPerBar];
            int pitch = 30 + 3 * (i + offset);
            for (int t = 0; t < row.length; t++) {
                row[t] = switch (t % 4) {
                    case 0 -> pitch + (t / 4) * (i % 3 - 1);
                    case 2 -> 1;
                    default -> 0;
                };
            }
            rows.add(row);
        }
        return LabelWindows.of(2 * stepsPerBar, rows);
    }

    public static WindowDataset dataset(int trainCount, int evalCount, int stepsPerBar) {
        DatasetInfo info = new DatasetInfo(2, stepsPerBar, List.of("fixture"), Map.of(), Map.of());
        return new WindowDataset(info, melodies(trainCount, stepsPerBar, 0), melodies(evalCount, stepsPerBar, 1));
    }

    public static Path datasetFile(Path dir, int trainCount, int evalCount, int stepsPerBar) throws IOException {
        Path file = dir.resolve("windows.mpwin");
        WindowDatasetFile.write(file, dataset(trainCount, evalCount, stepsPerBar));
        return file;
    }
}
