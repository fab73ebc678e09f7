package org.melodypalette.app.workbench.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Transmitter;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.editor.EditorViewModel;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.music.Melody;

/**
 * MIDI devices for playing in and listening out: the chosen input (a keyboard) records into the
 * editor's clip, quantised to its grid and length after a count-in, looping round the clip; the
 * chosen output receives whatever the workbench plays (clip, lane, slider loop) instead of the
 * software synthesizer, which stays the default. No device is never an error: the lists are empty.
 */
public final class LiveMidi implements AutoCloseable {

    /** Lists the devices present now. */
    public interface Devices extends Supplier<List<MidiDevice>> {
    }

    private final EditorViewModel editor;
    private final Playback playback;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<MidiDevice> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<MidiDevice> output = new ReadOnlyObjectWrapper<>(this, "output");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final IntegerProperty countInBars = new SimpleIntegerProperty(this, "countInBars", 1);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", true);
    private Devices devices = LiveMidi::systemDevices;
    private NoteRecorder recorder;
    private Transmitter inputLink;
    private long armedAt;
    private Melody recordingInto;

    public LiveMidi(EditorViewModel editor, Playback playback, StatusLine status) {
        this.editor = editor;
        this.playback = playback;
        this.status = status;
    }

    /** Where devices come from (the system's by default; tests give a loopback of their own). */
    public void useDevices(Devices source) {
        this.devices = source;
    }

    /** Devices that send MIDI (keyboards), without Java's own sequencer and synthesizer. */
    public List<MidiDevice> inputs() {
        return devices.get().stream().filter(d -> d.getMaxTransmitters() != 0).toList();
    }

    /** Devices that receive MIDI (DAWs, synths), without Java's own sequencer and synthesizer. */
    public List<MidiDevice> outputs() {
        return devices.get().stream().filter(d -> d.getMaxReceivers() != 0).toList();
    }

    public ReadOnlyObjectProperty<MidiDevice> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** The chosen output, or null for the software synthesizer. */
    public ReadOnlyObjectProperty<MidiDevice> outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Bars between pressing Record and the clip's first step (0..4). */
    public IntegerProperty countInBarsProperty() {
        return countInBars;
    }

    /** Whether playing past the clip's end wraps round to its start. */
    public BooleanProperty loopProperty() {
        return loop;
    }

    /** Opens {@code device} and listens to it (null: no input). */
    public void chooseInput(MidiDevice device) {
        if (recording.get()) {
            stopRecording();
        }
        closeInput();
        if (device == null) {
            status.info("No MIDI input");
            return;
        }
        try {
            device.open();
            NoteRecorder fresh = new NoteRecorder(() -> clockOf(device));
            Transmitter link = device.getTransmitter();
            link.setReceiver(fresh);
            recorder = fresh;
            inputLink = link;
            input.set(device);
            status.info("MIDI input: " + name(device) + " (Record plays it into the clip)");
        } catch (MidiUnavailableException | RuntimeException e) {
            status.failure("Cannot open the MIDI input " + name(device), e);
        }
    }

    /** Sends playback to {@code device} (null: the software synthesizer). */
    public void chooseOutput(MidiDevice device) {
        try {
            if (device != null && !device.isOpen()) {
                device.open();
            }
            playback.routeTo(device == null ? null : device.getReceiver());
            MidiDevice old = output.get();
            output.set(device);
            if (old != null && old != device && old != input.get()) {
                old.close();
            }
            status.info(device == null ? "Playing through the software synthesizer"
                    : "Playing to the MIDI output " + name(device));
        } catch (MidiUnavailableException | RuntimeException e) {
            status.failure("Cannot open the MIDI output " + name(device), e);
        }
    }

    /** Record / stop: arms the input (after the count-in the clip starts), or ends the take into the clip. */
    public void toggleRecording() {
        if (recording.get()) {
            stopRecording();
        } else {
            startRecording();
        }
    }

    public void startRecording() {
        if (recorder == null) {
            status.failure(inputs().isEmpty() ? "No MIDI input is connected: plug in a keyboard, then Live ▸ MIDI input"
                    : "Choose a MIDI input first: Live ▸ MIDI input");
            return;
        }
        recordingInto = editor.getMelody();
        armedAt = recorder.arm();
        recording.set(true);
        int bars = Math.max(0, Math.min(4, countInBars.get()));
        status.info("Recording into the " + recordingInto.bars() + "-bar clip at " + Math.round(recordingInto.grid().qpm())
                + " qpm" + (bars == 0 ? "" : " after a count-in of " + bars + (bars == 1 ? " bar" : " bars"))
                + (loop.get() ? ", looping" : "") + ": press Record again to stop");
    }

    public void stopRecording() {
        if (!recording.get()) {
            return;
        }
        recording.set(false);
        List<PlayedNote> take = recorder.disarm();
        Melody recorded = new TakeQuantizer(recordingInto, Math.max(0, Math.min(4, countInBars.get())), loop.get())
                .quantise(take, armedAt);
        if (recorded.isSilent()) {
            status.failure("Nothing recorded: " + (take.isEmpty() ? "no notes arrived from " + name(input.get())
                    : "the notes were played during the count-in"));
            return;
        }
        editor.replaceMelody(recorded);
        status.info("Recorded " + recorded.notes().size() + " notes into the clip (Undo brings the old one back)");
    }

    @Override
    public void close() {
        closeInput();
        MidiDevice out = output.get();
        if (out != null) {
            out.close();
        }
    }

    /** A device's name as menus show it. */
    public static String name(MidiDevice device) {
        if (device == null) {
            return "none";
        }
        MidiDevice.Info info = device.getDeviceInfo();
        return info.getName() + (info.getVendor() == null || info.getVendor().isBlank() ? "" : " (" + info.getVendor() + ")");
    }

    private void closeInput() {
        if (inputLink != null) {
            inputLink.close();
            inputLink = null;
        }
        recorder = null;
        MidiDevice old = input.get();
        input.set(null);
        if (old != null && old != output.get()) {
            old.close();
        }
    }

    private static long clockOf(MidiDevice device) {
        long position = device.getMicrosecondPosition();
        return position >= 0 ? position : System.nanoTime() / 1000;
    }

    /** The system's MIDI devices other than Java's sequencer and synthesizer; none is an empty list. */
    static List<MidiDevice> systemDevices() {
        List<MidiDevice> found = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                if (!(device instanceof Sequencer) && !(device instanceof Synthesizer)) {
                    found.add(device);
                }
            } catch (MidiUnavailableException | RuntimeException e) {
                // A device that vanished between listing and opening is simply not offered.
            }
        }
        return found;
    }
}
