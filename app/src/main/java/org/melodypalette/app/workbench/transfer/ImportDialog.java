package org.melodypalette.app.workbench.transfer;

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
import org.melodypalette.app.input.Plural;
import org.melodypalette.app.input.ReadingReport;
import org.melodypalette.app.workbench.clip.MiniRoll;
import org.melodypalette.app.workbench.task.LatestRequest;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.music.Melody;

/**
 * Asks which track and which bars of a MIDI file to import, with a preview of the result and of
 * what reading it reduces. It opens on the suggested track from its first bar with a note, and
 * choosing another track moves to that track's first bar with a note. Quantising for the preview
 * runs on the task runner. The result is an {@link MidiTransfer.ImportChoice}; the extraction
 * itself is {@link MidiTransfer#extract}.
 */
final class ImportDialog extends Dialog<MidiTransfer.ImportChoice> {

    private final MiniRoll preview = new MiniRoll(420, 90);
    private final Label previewText = new Label();

    ImportDialog(Window owner, MidiSong song, MidiTransfer transfer, int suggestedTrack, int firstBar, int bars) {
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
                return t == null ? "" : t.label() + " — " + Plural.count(t.notes().size(), "note")
                        + (t.isDrums() ? " (drums)" : "");
            }

            @Override
            public MidiTrack fromString(String text) {
                return null;
            }
        });
        track.getSelectionModel().select(tracks.stream().filter(t -> t.index() == suggestedTrack).findFirst()
                .orElse(tracks.isEmpty() ? null : tracks.get(0)));
        Spinner<Integer> startBar = new Spinner<>(1, 9999, firstBar);
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
        previewText.setId("importPreviewText");
        previewText.setWrapText(true);
        previewText.setMaxWidth(420);

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

        LatestRequest<MidiTransfer.Imported> previews = new LatestRequest<>(transfer.runner(), this::showPreview,
                e -> {
                    preview.setMelody(null);
                    previewText.setText(StatusLine.describe(e));
                });
        Runnable refresh = () -> {
            MidiTrack t = track.getValue();
            if (t == null || startBar.getValue() == null || length.getValue() == null) {
                return;
            }
            MidiTransfer.ImportChoice choice = new MidiTransfer.ImportChoice(t.index(), startBar.getValue() - 1,
                    length.getValue(), estimate.isSelected());
            previews.submit(() -> transfer.extract(song, choice));
        };
        track.valueProperty().addListener((o, before, chosen) -> {
            if (chosen == null) {
                return;
            }
            transfer.runner().run(() -> transfer.firstNoteBar(song, chosen.index(), estimate.isSelected()),
                    bar -> {
                        if (bar.equals(startBar.getValue())) {
                            refresh.run();
                        } else {
                            startBar.getValueFactory().setValue(bar);
                        }
                    },
                    e -> previewText.setText(StatusLine.describe(e)));
        });
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

    /** The clip, its size, tempo and metre, then each reduction on its own line (or why it is empty). */
    private void showPreview(MidiTransfer.Imported imported) {
        Melody melody = imported.melody();
        ReadingReport report = imported.report();
        preview.setMelody(melody);
        if (report.isEmpty()) {
            previewText.setText("No notes here: " + report.emptyProblem());
            return;
        }
        StringBuilder text = new StringBuilder(Plural.count(report.notes(), "note") + ", "
                + Plural.count(melody.bars(), "bar") + " at " + Math.round(melody.grid().qpm()) + " qpm, "
                + melody.grid().beatsPerBar() + "/" + melody.grid().beatUnit());
        report.reductions().forEach(line -> text.append('\n').append(line));
        previewText.setText(text.toString());
    }
}
