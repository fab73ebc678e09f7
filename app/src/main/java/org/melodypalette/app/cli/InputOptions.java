package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.app.input.MelodyReader;
import org.melodypalette.app.input.MelodyReading;
import org.melodypalette.app.input.OutOfRange;
import org.melodypalette.app.input.ReadRequest;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Option;

/**
 * {@code --track}, {@code --from-bar}, {@code --bars}, {@code --out-of-range}: which track and bars of each
 * input file a command reads and what happens to notes outside the model's range. Every reduction is announced
 * on stderr as {@code FILE: what happened} (stdout stays the command's output); a file whose bars
 * hold no note is refused, naming the file.
 */
final class InputOptions {

    @Option(names = "--track", paramLabel = "NAME|INDEX", description = "Melody track (default: the most melody-like).")
    String track;

    @Option(names = "--from-bar", paramLabel = "N",
            description = "First bar of each file to read, from 1 (default: the first bar with a note).")
    Integer fromBar;

    @Option(names = "--bars", paramLabel = "N",
            description = "Bars of each file to read (default: as many as the model, or tokenize's --steps, takes).")
    Integer bars;

    @Option(names = "--out-of-range", paramLabel = "fold|refuse", defaultValue = "fold",
            description = "Notes outside the model's pitch range: fold moves them by octaves into it (and says how "
                    + "many), refuse stops at the first (default ${DEFAULT-VALUE}).")
    OutOfRange outOfRange = OutOfRange.FOLD;

    /** Each file's melody as {@code model} takes it: its length, its pitch range. */
    List<MelodyReading> read(List<Path> files, ModelInfo model) throws IOException {
        return read(files, model.numSteps(), model.minPitch(), model.maxPitch());
    }

    /** The melodies of {@link #read(List, String, ModelInfo)}. */
    List<Melody> melodies(List<Path> files, ModelInfo model) throws IOException {
        return read(files, model).stream().map(MelodyReading::melody).toList();
    }

    /**
     * Each file's melody, in input order: the chosen bars of the track ({@code null}: the most
     * melody-like), as many steps as the reader takes ({@code null}: to the end of the track),
     * pitches in {@code minPitch..maxPitch}.
     */
    List<MelodyReading> read(List<Path> files, Integer steps, int minPitch, int maxPitch)
            throws IOException {
        TrackSelector selector = track == null ? TrackSelector.auto() : TrackSelector.parse(track);
        ReadRequest request = new ReadRequest(fromBar, bars, steps, minPitch, maxPitch, outOfRange);
        List<MelodyReading> readings = new ArrayList<>();
        for (Path file : files) {
            MelodyReading reading = MelodyReader.read(MidiFiles.read(file), selector, QuantizeOptions.DEFAULT, request);
            if (reading.report().isEmpty()) {
                throw new MidiFormatException(file.toString(), reading.report().emptyProblem()
                        + "; --from-bar chooses another bar");
            }
            reading.report().announcements().forEach(line -> System.err.println(file + ": " + line));
            readings.add(reading);
        }
        return readings;
    }
}
