package org.melodypalette.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

class DatasetBuilderTest {

    @TempDir
    Path corpus;

    private static DatasetBuildOptions twoBars(double evalFraction) {
        return new DatasetBuildOptions(2, 1, 0.5, evalFraction, 21, 108, 2);
    }

    /** Four bars of quarter notes climbing from {@code base}, so every window differs. */
    private static Melody fourBars(TimeGrid grid, int base) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            notes.add(Note.of(base + i, 4 * i, 4 * i + 4));
        }
        return new Melody(grid, 64, notes);
    }

    @Test
    void cutsWindowsFromEveryGoodFileAndReportsTheBadOnes() throws IOException {
        for (int f = 0; f < 3; f++) {
            MidiFiles.write(corpus.resolve("song" + f + ".mid"), fourBars(TimeGrid.SIXTEENTHS_4_4, 50 + 20 * f),
                    MidiExport.DEFAULT);
        }
        Files.write(corpus.resolve("broken.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0});
        MidiFiles.write(corpus.resolve("waltz.mid"), fourBars(new TimeGrid(4, 3, 4, 120), 60).slice(0, 48),
                MidiExport.DEFAULT);

        DatasetBuilder.Result result = new DatasetBuilder(twoBars(0.0)).build(List.of(corpus), (d, t) -> { });

        assertThat(result.summary().files()).isEqualTo(5);
        assertThat(result.summary().skipped())
                .isEqualTo(Map.of(DatasetBuilder.SKIP_UNREADABLE, 1, DatasetBuilder.SKIP_METRE, 1));
        assertThat(result.problems()).singleElement().asString().contains("broken.mid");
        // 4 bars slide into 3 two-bar windows per song.
        assertThat(result.dataset().train().count()).isEqualTo(9);
        assertThat(result.dataset().eval().count()).isZero();
        assertThat(result.dataset().train().window(0)).startsWith(50 - 19, 0, 0, 0, 51 - 19);
    }

    @Test
    void identicalWindowsAreKeptOnce() throws IOException {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < 5; bar++) {
            notes.add(Note.of(60, 16 * bar, 16 * bar + 8));
            notes.add(Note.of(64, 16 * bar + 8, 16 * bar + 16));
        }
        MidiFiles.write(corpus.resolve("loop.mid"), new Melody(TimeGrid.SIXTEENTHS_4_4, 80, notes), MidiExport.DEFAULT);

        DatasetBuilder.Result result = new DatasetBuilder(twoBars(0.0)).build(List.of(corpus), (d, t) -> { });

        assertThat(result.summary().windowsBeforeDedup().get("train")).isEqualTo(4);
        assertThat(result.dataset().train().count()).isEqualTo(1);
        assertThat(result.summary().dropped()).containsEntry("duplicate", 3);
    }

    @Test
    void buildIsDeterministic() throws IOException {
        for (int f = 0; f < 6; f++) {
            MidiFiles.write(corpus.resolve("s" + f + ".mid"), fourBars(TimeGrid.SIXTEENTHS_4_4, 40 + 5 * f),
                    MidiExport.DEFAULT);
        }

        WindowDataset first = new DatasetBuilder(twoBars(0.5)).build(List.of(corpus), (d, t) -> { }).dataset();
        WindowDataset second = new DatasetBuilder(twoBars(0.5)).build(List.of(corpus), (d, t) -> { }).dataset();

        assertThat(second).isEqualTo(first);
        assertThat(first.train().count() + first.eval().count()).isEqualTo(18);
    }

    @Test
    void pop909SongsUseTheIndexMetreTheMelodyTrackAndTheGridOffset() throws IOException {
        Path pop909 = SharedData.require("data/pop909");
        List<Path> songs = List.of(pop909.resolve("001"), pop909.resolve("002"), pop909.resolve("003"));

        DatasetBuilder.Result result = new DatasetBuilder(twoBars(0.0)).build(songs, (d, t) -> { });

        assertThat(result.summary().files()).isEqualTo(3);
        assertThat(result.summary().skipped()).isEmpty();
        assertThat(result.dataset().train().count()).isGreaterThan(50);
        // Without the estimated offset song 001 has no onset on the raw grid (midi module's measure).
        assertThat(result.summary().meanOnGridShare()).isGreaterThan(0.9);
    }

    @Test
    void missingInputIsNamed() {
        assertThatThrownBy(() -> new DatasetBuilder(twoBars(0.1)).build(List.of(corpus.resolve("nope")), (d, t) -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nope does not exist");
    }
}
