package org.melodypalette.app.workbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class ClipFitTest {

    private static final ModelInfo TWO_BARS = new ModelInfo("m2", "test", 32, 16, 4, 21, 108, List.of());
    private static final ModelInfo SIXTEEN_BARS = new ModelInfo("m16", "test", 256, 16, 4, 21, 108, List.of());

    private static Melody clip(int steps, Note... notes) {
        return new Melody(TimeGrid.SIXTEENTHS_4_4, steps, List.of(notes));
    }

    @Test
    void aClipOfTheModelsLengthGoesAsItIs() {
        Melody two = clip(32, Note.of(60, 0, 4));
        assertThat(ClipFit.of("A", two, TWO_BARS)).isEqualTo(new ClipFit(two, null));
    }

    @Test
    void aShorterClipIsRepeatedAndTheLastCopyCutAtTheEnd() {
        ModelInfo fiveBars = new ModelInfo("m5", "test", 80, 16, 4, 21, 108, List.of());
        ClipFit fit = ClipFit.of("A", clip(48, Note.of(60, 0, 4), Note.of(64, 40, 48)), fiveBars);
        assertThat(fit.melody().lengthSteps()).isEqualTo(80);
        assertThat(fit.melody().notes()).containsExactly(Note.of(60, 0, 4), Note.of(64, 40, 48), Note.of(60, 48, 52));
        assertThat(fit.note()).isEqualTo("A (3 bars) repeated 1.7× to fill the 5-bar model");

        ClipFit eight = ClipFit.of("A", clip(32, Note.of(60, 0, 4)), SIXTEEN_BARS);
        assertThat(eight.melody().notes()).hasSize(8);
        assertThat(eight.note()).isEqualTo("A (2 bars) repeated 8× to fill the 16-bar model");
    }

    @Test
    void aLongerClipKeepsItsFirstBarsAndSaysWhich() {
        ClipFit fit = ClipFit.of("B", clip(256, Note.of(60, 0, 4), Note.of(62, 40, 44)), TWO_BARS);
        assertThat(fit.melody().notes()).containsExactly(Note.of(60, 0, 4));
        assertThat(fit.note()).isEqualTo("B uses bars 1–2 of 16 (the model reads 2 bars)");
    }

    @Test
    void silenceIsRefused() {
        assertThat(ClipFit.of("A", clip(32), SIXTEEN_BARS).usable()).isFalse();
        ClipFit lateNotes = ClipFit.of("B", clip(256, Note.of(60, 200, 204)), TWO_BARS);
        assertThat(lateNotes.usable()).isFalse();
        assertThat(lateNotes.note()).startsWith("B has no notes in bars 1–2");
    }

    @Test
    void aModelIsDescribedFromItsCardOrItsConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"name\": \"mel_2bar_cpu\", \"numSteps\": 32, \"stepsPerBar\": 16}");
        assertThat(ModelDescription.ofFolder(dir).text()).isEqualTo("2-bar melodies · mel_2bar_cpu");
        Files.writeString(dir.resolve("MODEL_CARD.md"), "# x\n\nTrained on: pop and Irish tunes\n");
        assertThat(ModelDescription.ofFolder(dir).text()).isEqualTo("2-bar melodies · trained on pop and Irish tunes");
        Files.writeString(dir.resolve("config.json"), "{\"type\": \"MusicVAE\"}");
        assertThat(ModelDescription.ofFolder(dir)).isNull();
    }
}
