package org.melodypalette.app.workbench;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Window;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.transfer.ClipTransfer;
import org.melodypalette.music.Melody;

/**
 * What a clip card's buttons do, wired to the workbench: play, the editor, slots A and B and the lane
 * here; export and drag-out through {@link ClipTransfer}, the way to the outside world.
 */
final class ClipHandOff implements ClipActions {

    private final Workbench workbench;
    private final ClipTransfer transfer;

    ClipHandOff(Workbench workbench, Supplier<Window> window) {
        this.workbench = workbench;
        this.transfer = new ClipTransfer(workbench.editor(), workbench.transport(), workbench.lane(),
                workbench.audioExport(), workbench.status(), workbench.runner(), window);
    }

    /** MIDI and WAV import, export and drag-out. */
    ClipTransfer transfer() {
        return transfer;
    }

    @Override
    public void togglePlay(Object source, Melody melody) {
        if (melody != null) {
            workbench.transport().toggle(source, transfer.atPlayingTempo(melody));
        }
    }

    @Override
    public void sendToEditor(Melody melody) {
        if (melody != null) {
            workbench.editor().replaceMelody(transfer.atPlayingTempo(melody));
            workbench.status().info("Clip sent to the editor (Undo brings the old one back)");
        }
    }

    @Override
    public void sendToSlotA(Melody melody) {
        if (melody != null) {
            workbench.interpolation().setSlotA(melody);
            workbench.status().info("Slot A set");
        }
    }

    @Override
    public void sendToSlotB(Melody melody) {
        if (melody != null) {
            workbench.interpolation().setSlotB(melody);
            workbench.status().info("Slot B set");
        }
    }

    @Override
    public void sendToLane(Melody melody) {
        if (melody != null) {
            workbench.lane().append(transfer.atPlayingTempo(melody));
        }
    }

    /** Asks for a file and writes the clip as MIDI, or renders it as audio when a .wav name is chosen. */
    @Override
    public void export(Melody melody, Node owner) {
        transfer.export(melody);
    }

    @Override
    public void installDragOut(Node handle, Supplier<Melody> melody) {
        transfer.installDragOut(handle, melody);
    }
}
