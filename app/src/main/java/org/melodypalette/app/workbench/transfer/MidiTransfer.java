package org.melodypalette.app.workbench.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.melodypalette.app.input.MelodyReader;
import org.melodypalette.app.input.MelodyReading;
import org.melodypalette.app.input.OutOfRange;
import org.melodypalette.app.input.Plural;
import org.melodypalette.app.input.ReadRequest;
import org.melodypalette.app.input.ReadingReport;
import org.melodypalette.app.workbench.project.SaveLocations;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Pitches;
import org.melodypalette.music.TimeGrid;

/**
 * MIDI file import and export for the workbench, through the midi module: export writes a type-1
 * file with the clip's tempo and time signature; import reads the chosen bars of a track with
 * {@link MelodyReader} (as the CLI does), off the UI thread, and reports what it reduced.
 */
public final class MidiTransfer {

    /** The track name exported clips carry (what a DAW shows). */
    public static final String TRACK_NAME = "Melody Palette";

    /**
     * Which part of a file to import.
     *
     * @param trackIndex       index in {@link MidiSong#tracks()}
     * @param startBar         first bar, from 0
     * @param bars             how many bars (the clip is padded with silence if the file is shorter)
     * @param estimateOffset   estimate the grid offset instead of starting the grid at tick 0
     */
    public record ImportChoice(int trackIndex, int startBar, int bars, boolean estimateOffset) {

        public ImportChoice {
            if (trackIndex < 0 || startBar < 0 || bars < 1) {
                throw new IllegalArgumentException("track " + trackIndex + ", start bar " + startBar + " and "
                        + bars + " bars must be a track ≥ 0, a bar ≥ 0 and at least 1 bar");
            }
        }
    }

    /**
     * How many of the file's bars fill a clip of {@code clipSteps} 16ths: the models count 4/4 bars,
     * so a 2-bar clip is 4 bars of a 2/4 file (POP909 declares 2/4 in many songs); at least 1.
     */
    static int barsFilling(MidiSong song, int clipSteps) {
        int stepsPerBar = TimeGrid.of(QuantizeOptions.DEFAULT.stepsPerQuarter(), song.firstMetre(), 120).stepsPerBar();
        return Math.max(1, clipSteps / stepsPerBar);
    }

    /**
     * An imported clip, a one-line description of where it came from, and the report of what
     * reading it changed.
     */
    public record Imported(Melody melody, String description, ReadingReport report) {

        /** {@code " — chords → top line: 11 notes dropped; …"}, or "" when nothing was reduced. */
        String reductions() {
            List<String> lines = report.reductions();
            return lines.isEmpty() ? "" : " — " + String.join("; ", lines);
        }
    }

    /** Shows the import dialog; returns the choice or null when cancelled (replaceable in tests). */
    interface ChoiceAsker {
        /**
         * @param suggestedTrack the most melody-like track
         * @param startBar       the bar to start from, from 1: the suggested track's first bar with a note
         * @param bars           how many of the file's bars fill the clip
         */
        ImportChoice ask(Window owner, MidiSong song, MidiTransfer transfer, int suggestedTrack, int startBar, int bars);
    }

    /** A file read and what the dialog suggests for it. */
    private record Opened(MidiSong song, int suggestedTrack, int startBar, int bars) {
    }

    private final StatusLine status;
    private final TaskRunner runner;
    private ChoiceAsker asker = (owner, song, transfer, suggested, startBar, bars) ->
            new ImportDialog(owner, song, transfer, suggested, startBar, bars).showAndWait().orElse(null);

    MidiTransfer(StatusLine status, TaskRunner runner) {
        this.status = status;
        this.runner = runner;
    }

    void setChoiceAsker(ChoiceAsker replacement) {
        this.asker = replacement;
    }

    /** Where reading and quantising run (the dialog's preview uses it too). */
    TaskRunner runner() {
        return runner;
    }

    void write(Path file, Melody melody) throws IOException {
        SaveLocations.requireFolderFor(file);
        MidiFiles.write(file, melody, MidiExport.DEFAULT.withTrackName(TRACK_NAME));
    }

    /**
     * The chosen bars of the chosen track as a melody of exactly {@code choice.bars()} bars, chords
     * reduced to their top line and notes outside the piano's range folded in by octaves, both reported.
     */
    public Imported extract(MidiSong song, ImportChoice choice) throws MidiFormatException {
        ReadRequest request = new ReadRequest(choice.startBar() + 1, choice.bars(), null, Pitches.PIANO_LOW,
                Pitches.PIANO_HIGH, OutOfRange.FOLD);
        MelodyReading reading = MelodyReader.read(song, TrackSelector.byIndex(choice.trackIndex()),
                quantizeOptions(choice.estimateOffset()), request);
        ReadingReport report = reading.report();
        MidiTrack track = song.tracks().get(choice.trackIndex());
        String name = track.name().isBlank() ? "track " + track.index() : track.name();
        return new Imported(reading.melody(), Path.of(song.source()).getFileName() + ": " + name + ", "
                + report.barRange() + " (" + Plural.count(report.notes(), "note") + ")", report);
    }

    /** Longest clip a dropped file becomes, in bars (as a project's clip). */
    static final int MAX_DROPPED_BARS = 64;

    /**
     * The whole of {@code file}'s most melody-like track from its first bar, at most
     * {@link #MAX_DROPPED_BARS} bars, without asking (what a drop onto the lane adds).
     */
    Imported readWhole(Path file) throws IOException {
        MidiSong song = MidiFiles.read(file);
        int suggested = TrackSelector.auto().select(song).index();
        var metre = song.firstMetre();
        long ticksPerBar = (long) song.ticksPerQuarter() * metre.beatsPerBar() * 4 / metre.beatUnit();
        int bars = (int) Math.max(1, Math.min(MAX_DROPPED_BARS, (song.endTick() + ticksPerBar - 1) / ticksPerBar));
        return extract(song, new ImportChoice(suggested, 0, bars, false));
    }

    /** The bar (from 1) where the track's first note is: where the dialog starts by default. */
    int firstNoteBar(MidiSong song, int trackIndex, boolean estimateOffset) throws MidiFormatException {
        return MelodyReader.firstNoteBar(song, TrackSelector.byIndex(trackIndex), quantizeOptions(estimateOffset));
    }

    private static QuantizeOptions quantizeOptions(boolean estimateOffset) {
        return estimateOffset ? QuantizeOptions.DEFAULT.withEstimatedOffset() : QuantizeOptions.DEFAULT;
    }

    /**
     * Reads {@code file} on the task runner, asks for track and bars (suggesting the melody-like
     * track from its first bar with a note, and as many of the file's bars as fill a clip of
     * {@code clipSteps}), cuts the clip on the task runner and hands it over; failures, and bars
     * without a note, go to the status line.
     */
    void importInteractively(Path file, int clipSteps, Window owner, Consumer<Imported> onImported) {
        Consumer<Exception> failed = e -> status.failure("Cannot import " + file.getFileName(), e);
        runner.run(() -> open(file, clipSteps), opened -> {
            ImportChoice choice;
            try {
                choice = asker.ask(owner, opened.song(), this, opened.suggestedTrack(), opened.startBar(), opened.bars());
            } catch (RuntimeException e) {
                failed.accept(e);
                return;
            }
            if (choice != null) {
                runner.run(() -> extract(opened.song(), choice), imported -> {
                    if (imported.report().isEmpty()) {
                        status.failure("Nothing imported from " + file.getFileName() + ": "
                                + imported.report().emptyProblem());
                    } else {
                        onImported.accept(imported);
                    }
                }, failed);
            }
        }, failed);
    }

    private Opened open(Path file, int clipSteps) throws IOException {
        MidiSong song = MidiFiles.read(file);
        int suggested = TrackSelector.auto().select(song).index();
        return new Opened(song, suggested, firstNoteBar(song, suggested, false), barsFilling(song, clipSteps));
    }
}
