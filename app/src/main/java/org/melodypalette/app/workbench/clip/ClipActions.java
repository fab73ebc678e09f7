package org.melodypalette.app.workbench.clip;

import javafx.scene.Node;
import org.melodypalette.music.Melody;

/** What can be done with any clip shown in the workbench (a strip step, a sample, a palette pick). */
public interface ClipActions {

    /** Starts playing {@code melody} under the key {@code source}, or stops it if it is playing. */
    void togglePlay(Object source, Melody melody);

    /** Replaces the editor's clip (undoable). */
    void sendToEditor(Melody melody);

    void sendToSlotA(Melody melody);

    void sendToSlotB(Melody melody);

    /** Adds the clip at the end of the arrangement lane (undoable in the lane). */
    void sendToLane(Melody melody);

    /** Asks for a file and writes the clip as a standard MIDI file, or as audio when a .wav is chosen. */
    void export(Melody melody, Node owner);

    /** Lets the clip be dragged out of the window as a .mid file (install on press-drag of {@code handle}). */
    void installDragOut(Node handle, java.util.function.Supplier<Melody> melody);
}
