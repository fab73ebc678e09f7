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

/** A window dataset for the {@code tiny-test} preset: 2 bars × 4 steps. */
final class TinyDataset {

    private TinyDataset() {
    }

    /** Writes 20 train and 4 eval windows from seeded random melodies to {@code file}. */
    static Path write(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        TimeGrid grid = new TimeGrid(1, 4, 4, 120);
        List<int[]> train = new ArrayList<>();
        List<int[]> eval = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            List<Note> notes = new ArrayList<>();
            for (int step = random.nextInt(2); step < 8; ) {
                int end = Math.min(8, step + 1 + random.nextInt(2));
                notes.add(Note.of(60 + random.nextInt(12), step, end));
                step = end + random.nextInt(2);
            }
            (i < 20 ? train : eval).add(tokenizer.encode(Melody.of(grid, 8, notes), 8));
        }
        WindowDatasetFile.write(file, new WindowDataset(new DatasetInfo(2, 4, List.of("generated"), Map.of(), Map.of()),
                LabelWindows.of(8, train), LabelWindows.of(8, eval)));
        return file;
    }
}
