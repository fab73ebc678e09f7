package org.melodypalette.app.workbench.clip;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.music.Melody;

/**
 * A playable thumbnail of one clip with its actions: play, to editor, to slot A/B, export, and drag
 * the thumbnail out of the window as a .mid file.
 */
public final class ClipCard extends VBox {

    private final MiniRoll roll;
    private final Label title = new Label();
    private final Label length = new Label();
    private final Label note = new Label();
    private final Object playKey = new Object();
    private Melody melody;

    public ClipCard(String caption, Melody melody, ClipActions actions, double width, double height) {
        this.roll = new MiniRoll(width, height);
        getStyleClass().add("clip-card");
        setSpacing(3);
        setPadding(new Insets(4));
        setAlignment(Pos.TOP_CENTER);
        title.setText(caption);
        title.getStyleClass().add("clip-caption");
        Button play = small("▶", "Play / stop this clip", () -> actions.togglePlay(playKey, this.melody));
        Button edit = small("Edit", "Open in the editor (undoable)", () -> actions.sendToEditor(this.melody));
        Button toA = small("A", "Put in slot A", () -> actions.sendToSlotA(this.melody));
        Button toB = small("B", "Put in slot B", () -> actions.sendToSlotB(this.melody));
        Button toLane = small("+", "Add to the end of the arrangement lane", () -> actions.sendToLane(this.melody));
        toLane.getStyleClass().add("to-lane");
        Button export = small("⤓", "Export as MIDI or audio (WAV)…", () -> actions.export(this.melody, this));
        roll.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && this.melody != null) {
                actions.sendToEditor(this.melody);
            }
        });
        Tooltip.install(roll, new Tooltip("Double-click: edit · drag: drop into a DAW as .mid"));
        actions.installDragOut(roll, () -> this.melody);
        HBox buttons = new HBox(2, play, edit, toA, toB, toLane, export);
        buttons.setAlignment(Pos.CENTER);
        length.getStyleClass().add("clip-length");
        note.getStyleClass().add("fit-note");
        note.setWrapText(true);
        note.setMaxWidth(width);
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        HBox heading = new HBox(6, title, length);
        heading.setAlignment(Pos.BASELINE_CENTER);
        getChildren().addAll(heading, roll, buttons, note);
        setMelody(melody);
    }

    /**
     * Adds a button for a tool's own action on this clip (e.g. the Continue tool's "Take into clip")
     * in a row under the usual ones.
     */
    public Button addAction(String text, String tip, Runnable action) {
        Button button = small(text, tip, action);
        HBox row = new HBox(2, button);
        row.setAlignment(Pos.CENTER);
        getChildren().add(getChildren().indexOf(note), row);
        return button;
    }

    /** The key this card plays under (to show its cursor). */
    public Object playKey() {
        return playKey;
    }

    public MiniRoll roll() {
        return roll;
    }

    public Melody melody() {
        return melody;
    }

    public void setMelody(Melody melody) {
        this.melody = melody;
        roll.setMelody(melody);
        length.setText(melody == null ? "empty" : describe(melody));
    }

    /** A line under the clip saying how it is used (e.g. cut or repeated to fit the model); empty hides it. */
    public javafx.beans.property.StringProperty noteProperty() {
        return note.textProperty();
    }

    /** "2 bars · 5 notes", "1 bar · 1 note". */
    static String describe(Melody melody) {
        int bars = melody.bars();
        int notes = melody.notes().size();
        return bars + (bars == 1 ? " bar" : " bars") + " · " + notes + (notes == 1 ? " note" : " notes");
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("small-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
