package org.melodypalette.app.workbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/**
 * A MIDI device of our own for tests, in both directions: as an input, what {@link #play} is given
 * goes out through its transmitters with the given time stamp (on a clock the test sets); as an
 * output, what its receiver gets is kept in {@link #received()}. Real javax.sound.midi interfaces,
 * so the workbench opens and wires it exactly as it would a keyboard or a DAW's port.
 */
public final class LoopbackMidiDevice implements MidiDevice {

    private static final class Info extends MidiDevice.Info {
        Info(String name) {
            super(name, "Melody Palette tests", "loopback", "1");
        }
    }

    private final MidiDevice.Info info;
    private final List<LoopTransmitter> transmitters = new CopyOnWriteArrayList<>();
    private final List<MidiMessage> received = new CopyOnWriteArrayList<>();
    private volatile long clockMicros;
    private volatile boolean open;

    public LoopbackMidiDevice(String name) {
        this.info = new Info(name);
    }

    /** Sets the device clock (what {@link #getMicrosecondPosition()} answers). */
    public void setClockMicros(long micros) {
        this.clockMicros = micros;
    }

    /** Sends a note on/off (velocity 0 = off) through every transmitter, stamped {@code atMicros}. */
    public void play(int command, int pitch, int velocity, long atMicros) throws InvalidMidiDataException {
        ShortMessage message = new ShortMessage(command, 0, pitch, velocity);
        for (LoopTransmitter t : transmitters) {
            Receiver r = t.receiver;
            if (r != null) {
                r.send(message, atMicros);
            }
        }
    }

    /** The messages sent to this device as an output. */
    public List<MidiMessage> received() {
        return new ArrayList<>(received);
    }

    @Override
    public MidiDevice.Info getDeviceInfo() {
        return info;
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public long getMicrosecondPosition() {
        return clockMicros;
    }

    @Override
    public int getMaxReceivers() {
        return -1;
    }

    @Override
    public int getMaxTransmitters() {
        return -1;
    }

    @Override
    public Receiver getReceiver() {
        return new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                received.add(message);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<Receiver> getReceivers() {
        return List.of();
    }

    @Override
    public Transmitter getTransmitter() {
        LoopTransmitter t = new LoopTransmitter();
        transmitters.add(t);
        return t;
    }

    @Override
    public List<Transmitter> getTransmitters() {
        return List.copyOf(transmitters);
    }

    private final class LoopTransmitter implements Transmitter {
        private volatile Receiver receiver;

        @Override
        public void setReceiver(Receiver r) {
            receiver = r;
        }

        @Override
        public Receiver getReceiver() {
            return receiver;
        }

        @Override
        public void close() {
            transmitters.remove(this);
        }
    }
}
