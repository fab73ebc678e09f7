package org.melodypalette.app.workbench;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.melodypalette.app.workbench.clip.MiniRoll;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.music.Melody;

/**
 * Asks which track and which bars of a MIDI file to import, with a preview of the result.
 * The result is an {@link ImportChoice}; the extraction itself is {@link MidiTransfer#extract}.
 */
final class ImportDialog extends Dialog<MidiTransfer.ImportChoice> {

    private final MidiSong song;
    private final MiniRoll preview = new MiniRoll(420, 90);
    private final Label previewText = new Label();

    ImportDialog(Window owner, MidiSong song, MidiTransfer transfer, int suggestedTrack, int bars) {
        this.song = song;
        initOwner(owner);
        setTitle("Import MIDI");
        setHeaderText("Import from " + java.nio.file.Path.of(song.source()).getFileName());
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        List<MidiTrack> tracks = song.tracks().stream().filter(MidiTrack::hasNotes).toList();
        ComboBox<MidiTrack> track = new ComboBox<>();
        track.setId("importTrack");
        track.getItems().setAll(tracks);
        track.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MidiTrack t) {
                return t == null ? "" : t.label() + " — " + t.notes().size() + " notes"
                        + (t.isDrums() ? " (drums)" : "");
            }

            @Override
            public MidiTrack fromString(String text) {
                return null;
            }
        });
        track.getSelectionModel().select(tracks.stream().filter(t -> t.index() == suggestedTrack).findFirst()
                .orElse(tracks.isEmpty() ? null : tracks.get(0)));
        Spinner<Integer> startBar = new Spinner<>(1, 9999, 1);
        startBar.setId("importStartBar");
        startBar.setEditable(true);
        org.melodypalette.app.workbench.clip.LenientNumbers.applyInteger(startBar);
        ComboBox<Integer> length = new ComboBox<>();
        length.setId("importBars");
        length.getItems().setAll(1, 2, 4, 8, 16);
        if (!length.getItems().contains(bars)) {
            length.getItems().add(bars);
            length.getItems().sort(null);
        }
        length.setValue(bars);
        CheckBox estimate = new CheckBox("Estimate the grid offset (for files not aligned to bar 1)");

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(8));
        form.addRow(0, new Label("Track"), track);
        form.addRow(1, new Label("From bar"), startBar);
        form.addRow(2, new Label("Bars"), length);
        form.add(estimate, 1, 3);
        form.add(preview, 0, 4, 2, 1);
        form.add(previewText, 0, 5, 2, 1);
        getDialogPane().setContent(form);

        Runnable refresh = () -> {
            MidiTrack t = track.getValue();
            if (t == null || startBar.getValue() == null || length.getValue() == null) {
                return;
            }
            showPreview(transfer, new MidiTransfer.ImportChoice(t.index(), startBar.getValue() - 1, length.getValue(),
                    estimate.isSelected()));
        };
        track.valueProperty().addListener(o -> refresh.run());
        startBar.valueProperty().addListener(o -> refresh.run());
        length.valueProperty().addListener(o -> refresh.run());
        estimate.selectedProperty().addListener(o -> refresh.run());
        refresh.run();
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(track.valueProperty().isNull());

        setResultConverter(button -> button == ButtonType.OK && track.getValue() != null
                ? new MidiTransfer.ImportChoice(track.getValue().index(), startBar.getValue() - 1, length.getValue(),
                        estimate.isSelected())
                : null);
    }

    private void showPreview(MidiTransfer transfer, MidiTransfer.ImportChoice choice) {
        try {
            Melody melody = transfer.extract(song, choice).melody();
            preview.setMelody(melody);
            previewText.setText(melody.notes().size() + " notes, " + melody.bars() + " bars at "
                    + Math.round(melody.grid().qpm()) + " qpm, " + melody.grid().beatsPerBar() + "/"
                    + melody.grid().beatUnit());
        } catch (Exception e) {
            preview.setMelody(null);
            previewText.setText(org.melodypalette.app.workbench.task.StatusLine.describe(e));
        }
    }
}
