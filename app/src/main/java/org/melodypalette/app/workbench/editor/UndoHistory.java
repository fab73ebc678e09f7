package org.melodypalette.app.workbench.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo/redo over immutable document values: every edit pushes the value it replaced, so undo is a
 * stack pop and nothing is ever patched in place. Bounded so a long session cannot eat memory.
 */
public final class UndoHistory<T> {

    private final int limit;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();

    public UndoHistory(int limit) {
        this.limit = limit;
    }

    /** Records that {@code before} was replaced by a new value; clears redo. */
    public void pushEdit(T before) {
        undo.push(before);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The value to restore; {@code current} becomes redoable. */
    public T undo(T current) {
        T previous = undo.pop();
        redo.push(current);
        return previous;
    }

    public T redo(T current) {
        T next = redo.pop();
        undo.push(current);
        return next;
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
