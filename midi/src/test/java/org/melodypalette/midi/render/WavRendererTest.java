package org.melodypalette.midi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/** Renders real melodies through Gervill and reads the WAV files back with javax.sound.sampled. */
class WavRendererTest {

    private static final float RATE = 44_100f;

    @TempDir
    Path dir;

    /** Two 4/4 bars of 16ths: one half note from step 4 to 12, then rests to the end. */
    private static Melody halfNoteThenRests(double qpm) {
        return Melody.of(TimeGrid.SIXTEENTHS_4_4.withTempo(qpm), 32, List.of(Note.of(60, 4, 12)));
    }

    @Test
    void aMelodyBecomesA16BitStereoWavAsLongAsItsBarsPlusTheTail() throws Exception {
        Path wav = dir.resolve("melody.wav");

        RenderedAudio rendered = new WavRenderer(RenderSettings.DEFAULT.withTail(1.0)).render(halfNoteThenRests(120), wav);

        // 2 bars of 4 quarters at 120 qpm = 4 s, plus the 1 s tail
        Samples samples = Samples.read(wav);
        assertThat(samples.format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(samples.format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(samples.format.getChannels()).isEqualTo(2);
        assertThat(samples.format.getSampleRate()).isEqualTo(RATE);
        assertThat(samples.seconds()).isCloseTo(5.0, within(1.0 / RATE));
        assertThat(rendered.frames()).isEqualTo(samples.frames());
        assertThat(rendered.seconds()).isCloseTo(5.0, within(1e-4));
    }

    @Test
    void soundStartsAtTheNoteAndStopsInTheRest() throws Exception {
        Path wav = dir.resolve("timing.wav");

        new WavRenderer(RenderSettings.DEFAULT).render(halfNoteThenRests(120), wav);

        // at 120 qpm a 16th lasts 0.125 s: the note sounds from 0.5 s to 1.5 s
        Samples samples = Samples.read(wav);
        assertThat(samples.rms(0.0, 0.45)).as("before the note").isLessThan(0.001);
        assertThat(samples.rms(0.55, 1.45)).as("while the note sounds").isGreaterThan(0.01);
        assertThat(samples.rms(3.0, 4.0)).as("in the rest of bar 2").isLessThan(0.001);
    }

    @Test
    void halfTheTempoTakesTwiceAsLong() throws Exception {
        Path wav = dir.resolve("slow.wav");

        new WavRenderer(RenderSettings.DEFAULT.withTail(0)).render(halfNoteThenRests(60), wav);

        Samples samples = Samples.read(wav);
        assertThat(samples.seconds()).isCloseTo(8.0, within(1.0 / RATE));
        assertThat(samples.rms(0.0, 0.95)).isLessThan(0.001);
        assertThat(samples.rms(1.1, 2.9)).isGreaterThan(0.01);
    }

    @Test
    void aMidiFileRendersAtItsOwnTempoWithAnotherProgram() throws Exception {
        Path mid = dir.resolve("song.mid");
        MidiFiles.write(mid, Melody.of(TimeGrid.SIXTEENTHS_4_4.withTempo(96), 16, List.of(Note.of(67, 0, 8))),
                MidiExport.DEFAULT.withProgram(40));
        Path wav = dir.resolve("song.wav");

        new WavRenderer(RenderSettings.DEFAULT.withProgram(73).withTail(0.5)).render(MidiFiles.read(mid), wav);

        // one bar of 4 quarters at 96 qpm = 2.5 s
        Samples samples = Samples.read(wav);
        assertThat(samples.seconds()).isCloseTo(3.0, within(1.0 / RATE));
        assertThat(samples.rms(0.1, 1.1)).isGreaterThan(0.01);
    }

    @Test
    void aBrokenSoundfontIsOneMessageNamingTheFile() throws IOException {
        Path broken = dir.resolve("broken.sf2");
        Files.writeString(broken, "RIFF but not really a soundfont");

        assertThatThrownBy(() -> new WavRenderer(RenderSettings.DEFAULT.withSoundfont(broken)))
                .isInstanceOf(AudioRenderException.class)
                .hasMessageStartingWith(broken + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingSoundfontSaysSo() {
        Path missing = dir.resolve("nowhere.sf2");

        assertThatThrownBy(() -> new WavRenderer(RenderSettings.DEFAULT.withSoundfont(missing)))
                .isInstanceOf(AudioRenderException.class)
                .hasMessage(missing + ": no such soundfont file");
    }

    @Test
    void settingsRejectAnImpossibleProgramAndTail() {
        assertThatThrownBy(() -> RenderSettings.DEFAULT.withProgram(128)).hasMessage("program 128 is outside 0..127");
        assertThatThrownBy(() -> RenderSettings.DEFAULT.withTail(-1)).hasMessageContaining("tail -1.0 s");
    }

    /** The 16-bit stereo samples of a WAV file, as floats in [-1, 1]. */
    private record Samples(AudioFormat format, short[] interleaved) {

        static Samples read(Path wav) throws IOException, UnsupportedAudioFileException {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                byte[] bytes = in.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
                }
                assertThat(in.getFormat().isBigEndian()).isFalse();
                return new Samples(in.getFormat(), samples);
            }
        }

        long frames() {
            return interleaved.length / format.getChannels();
        }

        double seconds() {
            return frames() / (double) format.getFrameRate();
        }

        /** Root mean square over both channels between two times, full scale = 1. */
        double rms(double fromSeconds, double toSeconds) {
            int channels = format.getChannels();
            int from = (int) (fromSeconds * format.getFrameRate()) * channels;
            int to = (int) (toSeconds * format.getFrameRate()) * channels;
            double sum = 0;
            for (int i = from; i < to; i++) {
                double s = interleaved[i] / 32768.0;
                sum += s * s;
            }
            return Math.sqrt(sum / (to - from));
        }
    }
}
