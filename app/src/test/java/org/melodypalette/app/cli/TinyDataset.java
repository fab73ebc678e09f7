package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;

/** Window datasets of 2 bars: 4 steps a bar for the {@code tiny-test} preset, 16 for {@code continue_tiny}. */
public final class TinyDataset {

    private TinyDataset() {
    }

    /** Writes 20 train and 4 eval windows from seeded random melodies to {@code file}. */
    static Path write(Path file, long seed) throws IOException {
        return write(file, seed, new TimeGrid(1, 4, 4, 120));
    }

    /** The same on 16th notes in 4/4 (2 bars × 16 steps): for {@code continue_tiny}. */
    public static Path writeSixteenths(Path file, long seed) throws IOException {
        return write(file, seed, TimeGrid.SIXTEENTHS_4_4);
    }

    private static Path write(Path file, long seed, TimeGrid grid) throws IOException {
        Random random = new Random(seed);
        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        int steps = 2 * grid.stepsPerBar();
        List<int[]> train = new ArrayList<>();
        List<int[]> eval = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            List<Note> notes = new ArrayList<>();
            for (int step = random.nextInt(2); step < steps; ) {
                int end = Math.min(steps, step + 1 + random.nextInt(2));
                notes.add(Note.of(60 + random.nextInt(12), step, end));
                step = end + random.nextInt(2);
            }
            (i < 20 ? train : eval).add(tokenizer.encode(Melody.of(grid, steps, notes), steps));
        }
        WindowDatasetFile.write(file, new WindowDataset(new DatasetInfo(2, grid.stepsPerBar(), List.of("generated"),
                Map.of(), Map.of()), LabelWindows.of(steps, train), LabelWindows.of(steps, eval)));
        return file;
    }
}
