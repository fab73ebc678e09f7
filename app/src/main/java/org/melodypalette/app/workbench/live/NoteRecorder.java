package org.melodypalette.app.workbench.live;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * The receiver a MIDI input's transmitter is connected to: while armed it keeps every note on/off
 * with its time (the message's time stamp, or the clock's time when the device sends -1). Messages
 * arrive on the MIDI thread and the take is read on the UI thread, so every method is synchronized.
 */
public final class NoteRecorder implements Receiver {

    private final LongSupplier clockMicros;
    private final long[] downAt = new long[128];
    private final int[] downVelocity = new int[128];
    private final List<PlayedNote> take = new ArrayList<>();
    private boolean armed;

    /** @param clockMicros the input's clock, for messages without a time stamp */
    public NoteRecorder(LongSupplier clockMicros) {
        this.clockMicros = clockMicros;
    }

    /** Starts a new take (what was recorded before is dropped) and returns its start time. */
    public synchronized long arm() {
        take.clear();
        java.util.Arrays.fill(downVelocity, 0);
        armed = true;
        return clockMicros.getAsLong();
    }

    public synchronized boolean isArmed() {
        return armed;
    }

    /** Ends the take: keys still held end now. Returns the notes in the order they were played. */
    public synchronized List<PlayedNote> disarm() {
        long now = clockMicros.getAsLong();
        for (int pitch = 0; pitch < 128; pitch++) {
            if (downVelocity[pitch] > 0) {
                take.add(new PlayedNote(pitch, downVelocity[pitch], downAt[pitch], Math.max(now, downAt[pitch])));
                downVelocity[pitch] = 0;
            }
        }
        armed = false;
        List<PlayedNote> notes = new ArrayList<>(take);
        notes.sort(java.util.Comparator.comparingLong(PlayedNote::startMicros));
        return notes;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        if (!armed || !(message instanceof ShortMessage m)) {
            return;
        }
        long at = timeStamp >= 0 ? timeStamp : clockMicros.getAsLong();
        int pitch = m.getData1();
        boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
        boolean off = m.getCommand() == ShortMessage.NOTE_OFF
                || (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0);
        if (on) {
            release(pitch, at);
            downAt[pitch] = at;
            downVelocity[pitch] = m.getData2();
        } else if (off) {
            release(pitch, at);
        }
    }

    private void release(int pitch, long at) {
        if (downVelocity[pitch] > 0) {
            take.add(new PlayedNote(pitch, downVelocity[pitch], downAt[pitch], Math.max(at, downAt[pitch])));
            downVelocity[pitch] = 0;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            armed = false;
        }
    }
}
