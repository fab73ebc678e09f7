package org.melodypalette.app.workbench;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.editor.EditorViewModel;
import org.melodypalette.app.workbench.lane.LaneViewModel;
import org.melodypalette.app.workbench.latent.InterpolationViewModel;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.transfer.ClipTransfer;
import org.melodypalette.music.Melody;

/**
 * What a clip card's buttons do: play on the transport, replace the editor's melody, fill slot A or B,
 * append to the lane, each said on the status line; export and drag-out through {@link ClipTransfer},
 * the way to the outside world. A clip from a model carries no tempo: it goes on at the playing one.
 */
final class ClipHandOff implements ClipActions {

    private final ClipTransfer transfer;
    private final TransportViewModel transport;
    private final EditorViewModel editor;
    private final InterpolationViewModel interpolation;
    private final LaneViewModel lane;
    private final StatusLine status;

    ClipHandOff(ClipTransfer transfer, TransportViewModel transport, EditorViewModel editor,
                InterpolationViewModel interpolation, LaneViewModel lane, StatusLine status) {
        this.transfer = transfer;
        this.transport = transport;
        this.editor = editor;
        this.interpolation = interpolation;
        this.lane = lane;
        this.status = status;
    }

    @Override
    public void togglePlay(Object source, Melody melody) {
        if (melody != null) {
            transport.toggle(source, transfer.atPlayingTempo(melody));
        }
    }

    @Override
    public void sendToEditor(Melody melody) {
        if (melody != null) {
            editor.replaceMelody(transfer.atPlayingTempo(melody));
            status.info("Clip sent to the editor (Undo brings the old one back)");
        }
    }

    @Override
    public void sendToSlotA(Melody melody) {
        if (melody != null) {
            interpolation.setSlotA(melody);
            status.info("Slot A set");
        }
    }

    @Override
    public void sendToSlotB(Melody melody) {
        if (melody != null) {
            interpolation.setSlotB(melody);
            status.info("Slot B set");
        }
    }

    @Override
    public void sendToLane(Melody melody) {
        if (melody != null) {
            lane.append(transfer.atPlayingTempo(melody));
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
