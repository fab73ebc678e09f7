package org.melodypalette.app.workbench.lane;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.editor.UndoHistory;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.music.Melody;

/**
 * The arrangement lane: its clips (an {@link Arrangement}) with undo/redo, a selection of
 * consecutive clips, looped playback of the whole lane or the selection, and the playhead in bars.
 */
public final class LaneViewModel {

    /** The transport source key of lane playback. */
    public static final String LANE_SOURCE = "lane";

    /** A run of consecutive clips, {@code from} to {@code to} inclusive. */
    public record Selection(int from, int to) {

        public Selection {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("selection " + from + ".." + to + " is not a run of clips");
            }
        }

        public boolean contains(int index) {
            return index >= from && index <= to;
        }
    }

    private final ReadOnlyObjectWrapper<Arrangement> arrangement =
            new ReadOnlyObjectWrapper<>(this, "arrangement", Arrangement.EMPTY);
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyDoubleWrapper playheadBar = new ReadOnlyDoubleWrapper(this, "playheadBar", -1);
    private final UndoHistory<Arrangement> history = new UndoHistory<>(200);
    private final TransportViewModel transport;
    private final StatusLine status;
    /** The bar the playing melody starts at (0 for the whole lane, the selection's first bar otherwise). */
    private int playingFromBar;

    public LaneViewModel(TransportViewModel transport, StatusLine status) {
        this.transport = transport;
        this.status = status;
        transport.cursorStepProperty().addListener((obs, old, now) -> updatePlayhead(now.doubleValue()));
        arrangement.addListener((obs, old, now) -> refreshPlayback());
    }

    public ReadOnlyObjectProperty<Arrangement> arrangementProperty() {
        return arrangement.getReadOnlyProperty();
    }

    public Arrangement getArrangement() {
        return arrangement.get();
    }

    /** The selected clips, or null. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Where lane playback is, in bars from the lane's start; -1 when the lane is not playing. */
    public ReadOnlyDoubleProperty playheadBarProperty() {
        return playheadBar.getReadOnlyProperty();
    }

    // Edits (each one undo step)

    /** Adds {@code clip} at the end; a clip in another metre is refused with a message. */
    public boolean append(Melody clip) {
        return insert(arrangement.get().size(), clip);
    }

    /** Adds {@code clip} before clip {@code index} ({@code size()} = at the end). */
    public boolean insert(int index, Melody clip) {
        if (clip == null) {
            return false;
        }
        Arrangement now = arrangement.get();
        String refusal = now.refusal(clip);
        if (refusal != null) {
            status.failure("Cannot add the clip to the lane: " + refusal);
            return false;
        }
        int at = Math.max(0, Math.min(index, now.size()));
        edit(now.insert(at, clip), new Selection(at, at));
        status.info("Added a " + Arrangement.barsOf(clip) + "-bar clip to the lane at bar " + (now.startBar(at) + 1)
                + " (Undo in the lane takes it out)");
        return true;
    }

    /** Replaces every clip with {@code clips} in one undo step (a path drawn on the palette). */
    public boolean replaceAll(java.util.List<Melody> clips) {
        Arrangement next;
        try {
            next = new Arrangement(clips);
        } catch (IllegalArgumentException e) {
            status.failure("Cannot fill the lane: " + e.getMessage());
            return false;
        }
        edit(next, null);
        return true;
    }

    /** Moves clip {@code from} to index {@code to}. */
    public void move(int from, int to) {
        Arrangement now = arrangement.get();
        int target = Math.max(0, Math.min(to, now.size() - 1));
        if (from == target || from < 0 || from >= now.size()) {
            return;
        }
        edit(now.move(from, target), new Selection(target, target));
    }

    /** Repeats the selection (or the last clip) once, right after itself. */
    public void repeatSelection() {
        Arrangement now = arrangement.get();
        Selection s = selection.get();
        if (now.isEmpty()) {
            status.failure("The lane is empty: add a clip first (+ on any clip, or drop one here)");
            return;
        }
        Selection run = s == null ? new Selection(now.size() - 1, now.size() - 1) : s;
        Arrangement next = now;
        int length = run.to() - run.from() + 1;
        for (int i = 0; i < length; i++) {
            Melody copy = now.clips().get(run.from() + i);
            String refusal = next.refusal(copy);
            if (refusal != null) {
                status.failure("Cannot repeat: " + refusal);
                return;
            }
            next = next.insert(run.to() + 1 + i, copy);
        }
        edit(next, new Selection(run.to() + 1, run.to() + length));
    }

    /** Removes the selected clips. */
    public void removeSelection() {
        Selection s = selection.get();
        if (s == null) {
            status.failure("Nothing is selected in the lane: click a clip first");
            return;
        }
        Arrangement next = arrangement.get();
        for (int i = s.to(); i >= s.from(); i--) {
            next = next.remove(i);
        }
        edit(next, null);
    }

    public void undo() {
        if (history.canUndo()) {
            restoreStep(history.undo(arrangement.get()));
        }
    }

    public void redo() {
        if (history.canRedo()) {
            restoreStep(history.redo(arrangement.get()));
        }
    }

    /** Replaces the lane without an undo step (opening a project). */
    public void load(Arrangement restored) {
        history.clear();
        selection.set(null);
        arrangement.set(restored == null ? Arrangement.EMPTY : restored);
        updateUndoFlags();
    }

    // Selection

    /** Selects clip {@code index}; with {@code extend} the run from the current selection to it. */
    public void select(int index, boolean extend) {
        if (index < 0 || index >= arrangement.get().size()) {
            selection.set(null);
            return;
        }
        Selection s = selection.get();
        if (extend && s != null) {
            selection.set(new Selection(Math.min(s.from(), index), Math.max(s.to(), index)));
        } else {
            selection.set(new Selection(index, index));
        }
    }

    public void clearSelection() {
        selection.set(null);
    }

    // Playback and export

    /** The whole lane as one melody at the transport's tempo, or null when empty. */
    public Melody whole() {
        Arrangement now = arrangement.get();
        return now.isEmpty() ? null : now.render(transport.tempoProperty().get());
    }

    /** The selected clips as one melody, or the whole lane without a selection; null when empty. */
    public Melody selected() {
        Arrangement now = arrangement.get();
        Selection s = selection.get();
        return now.isEmpty() || s == null ? whole() : now.render(s.from(), s.to() + 1, transport.tempoProperty().get());
    }

    /** Plays (or stops) the whole lane, looping as the transport's Loop says. */
    public void togglePlayAll() {
        togglePlay(whole(), 0);
    }

    /** Plays (or stops) the selection; the whole lane without one. */
    public void togglePlaySelection() {
        Selection s = selection.get();
        togglePlay(selected(), s == null ? 0 : arrangement.get().startBar(s.from()));
    }

    public boolean isPlaying() {
        return transport.playingProperty().get() && LANE_SOURCE.equals(transport.sourceProperty().get());
    }

    private void togglePlay(Melody melody, int fromBar) {
        if (melody == null) {
            status.failure("The lane is empty: add a clip first (+ on any clip, or drop one here)");
            return;
        }
        if (isPlaying()) {
            transport.stop();
            return;
        }
        playingFromBar = fromBar;
        transport.play(LANE_SOURCE, melody);
    }

    private void refreshPlayback() {
        if (isPlaying()) {
            Melody now = whole();
            if (now == null) {
                transport.stop();
            } else {
                playingFromBar = 0;
                transport.update(LANE_SOURCE, now);
            }
        }
    }

    private void updatePlayhead(double cursorStep) {
        Arrangement now = arrangement.get();
        if (cursorStep < 0 || now.isEmpty() || !LANE_SOURCE.equals(transport.sourceProperty().get())) {
            playheadBar.set(-1);
            return;
        }
        playheadBar.set(playingFromBar + cursorStep / now.clips().get(0).grid().stepsPerBar());
    }

    private void edit(Arrangement next, Selection select) {
        history.pushEdit(arrangement.get());
        selection.set(null);
        arrangement.set(next);
        selection.set(select);
        updateUndoFlags();
    }

    private void restoreStep(Arrangement restored) {
        selection.set(null);
        arrangement.set(restored);
        updateUndoFlags();
    }

    private void updateUndoFlags() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }
}
