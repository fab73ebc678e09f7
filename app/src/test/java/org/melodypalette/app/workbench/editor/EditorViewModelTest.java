package org.melodypalette.app.workbench.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class EditorViewModelTest {

    private final EditorViewModel editor = new EditorViewModel();

    private void draw(int step, int pitch, int lastStep) {
        editor.beginDraw(step, pitch);
        editor.dragDraw(lastStep);
        editor.endGesture();
    }

    @Test
    void drawingSetsLengthFromTheDragAndIsOneUndoStep() {
        draw(4, 60, 7);

        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 4, 8));
        assertThat(editor.canUndoProperty().get()).isTrue();
        editor.undo();
        assertThat(editor.getMelody().notes()).isEmpty();
        editor.redo();
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 4, 8));
    }

    @Test
    void aNewNoteCutsTheNoteItOverlapsBecauseTheEditorIsMonophonic() {
        draw(0, 60, 7);
        draw(4, 64, 5);

        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 0, 4), Note.of(64, 4, 6));
    }

    @Test
    void snapToScaleDrawsInTheKey() {
        editor.keyProperty().set(new MusicalKey(0, Scale.MAJOR));
        editor.snapToScaleProperty().set(true);

        draw(0, 61, 0);

        assertThat(editor.getMelody().notes().get(0).pitch()).isEqualTo(60);
    }

    @Test
    void moveDuplicateTransposeAndDeleteWorkOnTheSelection() {
        draw(0, 60, 1);
        draw(2, 62, 3);
        editor.selectAll();

        editor.duplicateSelection();
        assertThat(editor.getMelody().notes()).extracting(Note::startStep).containsExactly(0, 2, 4, 6);
        assertThat(editor.getSelection()).containsExactlyInAnyOrder(Note.of(60, 4, 6), Note.of(62, 6, 8));

        editor.transposeSelection(12);
        assertThat(editor.getSelection()).extracting(Note::pitch).containsExactlyInAnyOrder(72, 74);

        editor.nudgeSelection(1);
        assertThat(editor.getSelection()).extracting(Note::startStep).containsExactlyInAnyOrder(5, 7);

        editor.deleteSelection();
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 0, 2), Note.of(62, 2, 4));

        for (int i = 0; i < 4; i++) {
            editor.undo();
        }
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 0, 2), Note.of(62, 2, 4));
        editor.undo();
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 0, 2));
    }

    @Test
    void dragMoveKeepsNotesInsideTheClip() {
        draw(28, 60, 31);
        editor.beginMove(editor.getMelody().notes().get(0), false);
        editor.dragMove(10, 2);
        editor.endGesture();

        assertThat(editor.getMelody().notes()).containsExactly(Note.of(62, 28, 32));
    }

    @Test
    void resizeAndVelocityAreUndoable() {
        draw(0, 60, 1);
        Note note = editor.getMelody().notes().get(0);
        editor.beginResize(note);
        editor.dragResize(9);
        editor.endGesture();
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 0, 10));

        editor.beginVelocity(editor.getMelody().notes().get(0));
        editor.dragVelocity(40);
        editor.endGesture();
        assertThat(editor.getMelody().notes()).containsExactly(new Note(60, 40, 0, 10));

        editor.undo();
        editor.undo();
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 0, 2));
    }

    @Test
    void eraseDragRemovesEveryNoteItCrossesInOneUndoStep() {
        draw(0, 60, 1);
        draw(4, 60, 5);
        editor.beginErase();
        editor.eraseAt(0, 60);
        editor.eraseAt(5, 60);
        editor.endGesture();

        assertThat(editor.getMelody().notes()).isEmpty();
        editor.undo();
        assertThat(editor.getMelody().notes()).hasSize(2);
    }

    @Test
    void switchingTo16BarsAndBackCutsNotesAndIsUndoable() {
        editor.setBars(16);
        assertThat(editor.getMelody().lengthSteps()).isEqualTo(256);
        assertThat(editor.viewBarsProperty().get()).isEqualTo(4);
        draw(200, 60, 203);

        editor.setBars(2);
        assertThat(editor.getMelody().notes()).isEmpty();
        assertThat(editor.barsProperty().get()).isEqualTo(2);
        editor.undo();
        assertThat(editor.getMelody().notes()).containsExactly(Note.of(60, 200, 204));
    }

    @Test
    void boxSelectionPicksNotesInsideTheRectangle() {
        editor.load(Melody.of(TimeGrid.SIXTEENTHS_4_4, 32,
                List.of(Note.of(60, 0, 2), Note.of(72, 4, 6), Note.of(62, 8, 10))));

        editor.selectBox(0, 9, 55, 65, false);

        assertThat(editor.getSelection()).containsExactlyInAnyOrder(Note.of(60, 0, 2), Note.of(62, 8, 10));
        assertThat(editor.canUndoProperty().get()).isFalse();
    }
}
