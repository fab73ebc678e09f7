package org.melodypalette.app.workbench.editor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The piano-roll editor's state and commands. The document is an immutable {@link Melody}; every
 * command computes a new one with {@link MelodyEdits} and records the old value for undo. Mouse
 * gestures (draw, move, resize, erase, velocity) update the melody live while the pointer moves and
 * become one undo step when the gesture ends.
 */
public final class EditorViewModel {

    /** Bar counts the editor offers: Magenta's 2-bar and 16-bar melody models. */
    public static final List<Integer> BAR_CHOICES = List.of(2, 16);
    /** Bars visible at once for a 16-bar clip ("4/8 views over a 16-bar model"). */
    public static final List<Integer> VIEW_CHOICES = List.of(2, 4, 8, 16);
    /** The longest clip, in bars. */
    public static final int MAX_BARS = 64;

    private static final int UNDO_LIMIT = 500;
    private static final int DEFAULT_DRAW_LENGTH = 2;

    // Properties
    private final ReadOnlyObjectWrapper<Melody> melody = new ReadOnlyObjectWrapper<>(this, "melody");
    private final ReadOnlyObjectWrapper<Set<Note>> selection = new ReadOnlyObjectWrapper<>(this, "selection", Set.of());
    private final ReadOnlyIntegerWrapper bars = new ReadOnlyIntegerWrapper(this, "bars");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.DRAW);
    private final ObjectProperty<MusicalKey> key = new SimpleObjectProperty<>(this, "key", MusicalKey.C_MAJOR);
    private final BooleanProperty snapToScale = new SimpleBooleanProperty(this, "snapToScale", false);
    private final IntegerProperty viewBars = new SimpleIntegerProperty(this, "viewBars", 2);
    private final IntegerProperty viewStartBar = new SimpleIntegerProperty(this, "viewStartBar", 0);

    private final UndoHistory<Melody> history = new UndoHistory<>(UNDO_LIMIT);
    private Melody gestureBase;
    private Set<Note> gestureSelection = Set.of();
    private Note gestureNote;
    private int drawLength = DEFAULT_DRAW_LENGTH;

    public EditorViewModel() {
        this(Melody.silent(TimeGrid.SIXTEENTHS_4_4, 2 * TimeGrid.SIXTEENTHS_4_4.stepsPerBar()));
    }

    public EditorViewModel(Melody initial) {
        setMelodyQuietly(initial);
        melody.addListener((obs, old, now) -> bars.set(Math.max(1, now.bars())));
        bars.set(Math.max(1, initial.bars()));
        viewBars.set(Math.min(initial.bars() <= 2 ? 2 : 4, Math.max(1, initial.bars())));
    }

    // Properties

    public ReadOnlyObjectProperty<Melody> melodyProperty() {
        return melody.getReadOnlyProperty();
    }

    public Melody getMelody() {
        return melody.get();
    }

    public ReadOnlyObjectProperty<Set<Note>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Set<Note> getSelection() {
        return selection.get();
    }

    public ReadOnlyIntegerProperty barsProperty() {
        return bars.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public ObjectProperty<MusicalKey> keyProperty() {
        return key;
    }

    public BooleanProperty snapToScaleProperty() {
        return snapToScale;
    }

    /** How many bars the roll shows at once (at most the clip's bars). */
    public IntegerProperty viewBarsProperty() {
        return viewBars;
    }

    /** The first visible bar when the view is narrower than the clip. */
    public IntegerProperty viewStartBarProperty() {
        return viewStartBar;
    }

    // Commands: whole-document

    /** Replaces the clip (a model result, an import, "send to editor"); undoable. */
    public void replaceMelody(Melody replacement) {
        commit(new EditResult(replacement, Set.of()));
        clampView();
    }

    /** Restores a saved clip at startup: not an edit, clears the history. */
    public void load(Melody saved) {
        history.clear();
        setMelodyQuietly(saved);
        clampView();
        refreshUndoFlags();
    }

    /** Changes the clip length to {@code newBars} bars (notes past the end are cut); undoable. */
    public void setBars(int newBars) {
        if (newBars < 1 || newBars > MAX_BARS) {
            throw new IllegalArgumentException("bars " + newBars + " is outside 1.." + MAX_BARS);
        }
        Melody current = melody.get();
        if (newBars == current.bars()) {
            return;
        }
        commit(new EditResult(MelodyEdits.withLength(current, newBars * current.grid().stepsPerBar()), Set.of()));
        viewBars.set(newBars <= 2 ? newBars : Math.min(viewBars.get() < 4 ? 4 : viewBars.get(), newBars));
        clampView();
    }

    public void undo() {
        if (history.canUndo()) {
            setMelodyQuietly(history.undo(melody.get()));
            afterHistoryMove();
        }
    }

    public void redo() {
        if (history.canRedo()) {
            setMelodyQuietly(history.redo(melody.get()));
            afterHistoryMove();
        }
    }

    // Commands: selection

    public void selectAll() {
        selection.set(Set.copyOf(melody.get().notes()));
    }

    public void clearSelection() {
        selection.set(Set.of());
    }

    /** Selects {@code note}; with {@code additive} toggles it in the current selection. */
    public void select(Note note, boolean additive) {
        if (!additive) {
            selection.set(Set.of(note));
            return;
        }
        HashSet<Note> next = new HashSet<>(selection.get());
        if (!next.remove(note)) {
            next.add(note);
        }
        selection.set(Set.copyOf(next));
    }

    /** Box selection over steps {@code [fromStep, toStep)} and pitches {@code [lowPitch, highPitch]}. */
    public void selectBox(int fromStep, int toStep, int lowPitch, int highPitch, boolean additive) {
        Set<Note> found = MelodyEdits.notesIn(melody.get(), fromStep, toStep, lowPitch, highPitch);
        if (additive) {
            HashSet<Note> next = new HashSet<>(selection.get());
            next.addAll(found);
            found = next;
        }
        selection.set(Set.copyOf(found));
    }

    // Commands: one-shot edits on the selection

    public void deleteSelection() {
        if (!selection.get().isEmpty()) {
            commit(new EditResult(MelodyEdits.remove(melody.get(), selection.get()), Set.of()));
        }
    }

    /**
     * Places a copy of the selection right after it; notes whose copy would start past the clip's
     * end are left out. Returns how many notes were copied (0 when nothing is selected or no copy fits).
     */
    public int duplicateSelection() {
        if (selection.get().isEmpty()) {
            return 0;
        }
        Melody before = melody.get();
        EditResult result = MelodyEdits.duplicate(before, selection.get());
        int copied = (int) result.melody().notes().stream().filter(n -> !before.notes().contains(n)).count();
        if (copied == 0) {
            return 0;
        }
        commit(result);
        return copied;
    }

    /**
     * Sets the clip's tempo (the tempo of its time grid); undoable like any edit, so undoing an
     * import also brings back the tempo the clip had before it.
     */
    public void setTempo(double qpm) {
        Melody current = melody.get();
        if (current.grid().qpm() != qpm) {
            commit(new EditResult(current.withGrid(current.grid().withTempo(qpm)), selection.get()));
        }
    }

    /** Moves the selection by {@code steps} grid steps (arrow keys). */
    public void nudgeSelection(int steps) {
        if (!selection.get().isEmpty()) {
            commit(MelodyEdits.move(melody.get(), selection.get(), steps, 0));
        }
    }

    public void transposeSelection(int semitones) {
        if (!selection.get().isEmpty()) {
            commit(MelodyEdits.move(melody.get(), selection.get(), 0, semitones));
        }
    }

    /** Moves the selected notes (all notes if none is selected) into the current key. */
    public void snapSelectionToKey() {
        Set<Note> targets = selection.get().isEmpty() ? Set.copyOf(melody.get().notes()) : selection.get();
        commit(MelodyEdits.snapToKey(melody.get(), targets, key.get()));
    }

    // Commands: gestures (press → drags → release = one undo step)

    /** Starts drawing a note at {@code step} (already snapped to the grid) and {@code pitch}. */
    public void beginDraw(int step, int pitch) {
        beginGesture();
        int snapped = snapToScale.get() ? key.get().nearest(pitch) : pitch;
        gestureNote = Note.of(clampPitch(snapped), step, step + drawLength);
        gestureApply(() -> MelodyEdits.place(gestureBase, List.of(gestureNote)));
    }

    /** While drawing: the note now ends at {@code endStep} (the step under the pointer, inclusive). */
    public void dragDraw(int endStepInclusive) {
        if (gestureNote == null) {
            return;
        }
        int end = Math.max(gestureNote.startStep() + 1, endStepInclusive + 1);
        Note drawn = gestureNote.withSpan(gestureNote.startStep(), end);
        drawLength = drawn.lengthSteps();
        gestureApply(() -> MelodyEdits.place(gestureBase, List.of(drawn)));
    }

    /** Starts moving the selection (selecting {@code grabbed} first if it is not selected). */
    public void beginMove(Note grabbed, boolean additive) {
        if (!selection.get().contains(grabbed)) {
            select(grabbed, additive);
        }
        beginGesture();
    }

    /** While moving: total offset from where the move began. */
    public void dragMove(int steps, int semitones) {
        if (gestureBase == null) {
            return;
        }
        int snappedSemitones = semitones;
        if (snapToScale.get() && gestureSelection.size() == 1) {
            Note only = gestureSelection.iterator().next();
            snappedSemitones = key.get().nearest(only.pitch() + semitones) - only.pitch();
        }
        int dp = snappedSemitones;
        gestureApply(() -> MelodyEdits.move(gestureBase, gestureSelection, steps, dp));
    }

    public void beginResize(Note grabbed) {
        select(grabbed, false);
        beginGesture();
        gestureNote = grabbed;
    }

    public void dragResize(int endStepInclusive) {
        if (gestureNote == null) {
            return;
        }
        Note grabbed = gestureNote;
        gestureApply(() -> MelodyEdits.resize(gestureBase, grabbed, endStepInclusive + 1));
        drawLength = Math.max(1, Math.min(endStepInclusive + 1, melody.get().lengthSteps()) - grabbed.startStep());
    }

    public void beginErase() {
        beginGesture();
    }

    /** Erases the note under the pointer, if any (call on press and on every drag). */
    public void eraseAt(int step, int pitch) {
        Note hit = MelodyEdits.noteAt(melody.get(), step, pitch);
        if (hit != null) {
            Melody next = MelodyEdits.remove(melody.get(), List.of(hit));
            melody.set(next);
            selection.set(Set.of());
        }
    }

    public void beginVelocity(Note note) {
        if (!selection.get().contains(note)) {
            select(note, false);
        }
        beginGesture();
    }

    /** Sets the velocity of the selection (the lane's bar being dragged). */
    public void dragVelocity(int velocity) {
        if (gestureBase == null) {
            return;
        }
        gestureApply(() -> MelodyEdits.setVelocity(gestureBase, gestureSelection, velocity));
    }

    /** Ends the current gesture: one undo step if anything changed. */
    public void endGesture() {
        if (gestureBase != null && !gestureBase.equals(melody.get())) {
            history.pushEdit(gestureBase);
            refreshUndoFlags();
        }
        gestureBase = null;
        gestureNote = null;
        gestureSelection = Set.of();
    }

    // Internals

    private void beginGesture() {
        gestureBase = melody.get();
        gestureSelection = selection.get();
        gestureNote = null;
    }

    private void gestureApply(Supplier<EditResult> edit) {
        EditResult result = edit.get();
        melody.set(result.melody());
        selection.set(result.selection());
    }

    private void commit(EditResult result) {
        Melody before = melody.get();
        if (!before.equals(result.melody())) {
            history.pushEdit(before);
            melody.set(result.melody());
        }
        selection.set(result.selection());
        refreshUndoFlags();
    }

    private void setMelodyQuietly(Melody value) {
        melody.set(value);
        selection.set(Set.of());
    }

    private void afterHistoryMove() {
        clampView();
        refreshUndoFlags();
    }

    private void refreshUndoFlags() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    private void clampView() {
        int clipBars = Math.max(1, melody.get().bars());
        if (viewBars.get() > clipBars || clipBars <= 2) {
            viewBars.set(clipBars);
        }
        if (viewStartBar.get() + viewBars.get() > clipBars) {
            viewStartBar.set(Math.max(0, clipBars - viewBars.get()));
        }
    }

    private static int clampPitch(int pitch) {
        return MelodyEdits.clamp(pitch, MelodyEdits.LOWEST_PITCH, MelodyEdits.HIGHEST_PITCH);
    }
}
