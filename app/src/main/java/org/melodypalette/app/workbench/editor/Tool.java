package org.melodypalette.app.workbench.editor;

/** What a click on the piano roll does. */
public enum Tool {
    /** Click a note to select it, drag to move, drag its right edge to resize, drag on empty space to box-select. */
    SELECT,
    /** Click-drag on empty space draws a note whose length follows the drag; on a note it acts like SELECT. */
    DRAW,
    /** Click or drag over notes to delete them. */
    ERASE
}
