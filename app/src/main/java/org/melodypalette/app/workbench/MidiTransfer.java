package org.melodypalette.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.melodypalette.app.workbench.editor.MelodyEdits;
import org.melodypalette.app.workbench.project.SaveLocations;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.midi.ExtractedMelody;
import org.melodypalette.midi.MelodyExtraction;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;

/**
 * MIDI file import and export for the workbench, through the midi module: export writes a type-1
 * file with the clip's tempo and time signature; import quantises a chosen track as the midi layer
 * does and cuts the chosen bars.
 */
final class MidiTransfer {

    /** The track name exported clips carry (what a DAW shows). */
    static final String TRACK_NAME = "Melody Palette";

    /**
     * Which part of a file to import.
     *
     * @param trackIndex       index in {@link MidiSong#tracks()}
     * @param startBar         first bar, from 0
     * @param bars             how many bars (the clip is padded with silence if the file is shorter)
     * @param estimateOffset   estimate the grid offset instead of starting the grid at tick 0
     */
    record ImportChoice(int trackIndex, int startBar, int bars, boolean estimateOffset) {

        ImportChoice {
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

    /** An imported clip and a one-line description of where it came from. */
    record Imported(Melody melody, String description) {
    }

    /** Shows the import dialog; returns the choice or null when cancelled (replaceable in tests). */
    interface ChoiceAsker {
        ImportChoice ask(Window owner, MidiSong song, MidiTransfer transfer, int suggestedTrack, int bars);
    }

    private final StatusLine status;
    private ChoiceAsker asker = (owner, song, transfer, suggested, bars) ->
            new ImportDialog(owner, song, transfer, suggested, bars).showAndWait().orElse(null);

    MidiTransfer(StatusLine status) {
        this.status = status;
    }

    void setChoiceAsker(ChoiceAsker replacement) {
        this.asker = replacement;
    }

    void write(Path file, Melody melody) throws IOException {
        SaveLocations.requireFolderFor(file);
        MidiFiles.write(file, melody, MidiExport.DEFAULT.withTrackName(TRACK_NAME));
    }

    /** The chosen bars of the chosen track as a melody of exactly {@code choice.bars()} bars. */
    Imported extract(MidiSong song, ImportChoice choice) throws MidiFormatException {
        QuantizeOptions options = choice.estimateOffset() ? QuantizeOptions.DEFAULT.withEstimatedOffset()
                : QuantizeOptions.DEFAULT;
        ExtractedMelody extracted = MelodyExtraction.extract(song, TrackSelector.byIndex(choice.trackIndex()), options);
        Melody whole = extracted.melody();
        int stepsPerBar = whole.grid().stepsPerBar();
        int from = choice.startBar() * stepsPerBar;
        if (from >= whole.lengthSteps()) {
            throw new MidiFormatException(song.source(), "it has only " + whole.bars() + " bars; bar "
                    + (choice.startBar() + 1) + " does not exist");
        }
        int to = Math.min(whole.lengthSteps(), from + choice.bars() * stepsPerBar);
        Melody clip = MelodyEdits.withLength(whole.slice(from, to), choice.bars() * stepsPerBar);
        String name = extracted.trackName().isBlank() ? "track " + extracted.trackIndex() : extracted.trackName();
        return new Imported(clip, Path.of(song.source()).getFileName() + ": " + name + ", bars "
                + (choice.startBar() + 1) + "–" + (choice.startBar() + choice.bars()) + " ("
                + clip.notes().size() + " notes)");
    }

    /**
     * Reads {@code file}, asks for track and bars (suggesting as many of the file's bars as fill a
     * clip of {@code clipSteps}), and hands the clip over; failures go to the status line.
     */
    void importInteractively(Path file, int clipSteps, Window owner, Consumer<Imported> onImported) {
        try {
            MidiSong song = MidiFiles.read(file);
            int suggested = TrackSelector.auto().select(song).index();
            ImportChoice choice = asker.ask(owner, song, this, suggested, barsFilling(song, clipSteps));
            if (choice != null) {
                onImported.accept(extract(song, choice));
            }
        } catch (IOException | RuntimeException e) {
            status.failure("Cannot import " + file.getFileName(), e);
        }
    }
}
