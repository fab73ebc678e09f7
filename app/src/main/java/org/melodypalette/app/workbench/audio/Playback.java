package org.melodypalette.app.workbench.audio;

import org.melodypalette.files.BoundedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiChannel;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays melodies through javax.sound.midi, from exactly the bytes an export would write (so what
 * you hear is what you drag into a DAW, trailing rests included). The sequencer is opened unconnected
 * ({@code getSequencer(false)}) and wired to the default synthesizer only if one opens: on a machine
 * without a sound device playback still runs (the cursor moves) but is silent, and nothing fails.
 */
public final class Playback implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Playback.class);

    private final Sequencer sequencer;
    private final Synthesizer synthesizer;
    private final String unavailableReason;
    private Melody current;
    /** The sequencer's link to a chosen MIDI output instead of the synthesizer, or null. */
    private javax.sound.midi.Transmitter outputLink;
    private javax.sound.midi.Receiver output;

    private Playback(Sequencer sequencer, Synthesizer synthesizer, String unavailableReason) {
        this.sequencer = sequencer;
        this.synthesizer = synthesizer;
        this.unavailableReason = unavailableReason;
    }

    /** Opens the best playback this machine allows; never throws. */
    public static Playback open() {
        Sequencer sequencer;
        try {
            sequencer = MidiSystem.getSequencer(false);
            sequencer.open();
        } catch (MidiUnavailableException | RuntimeException e) {
            LOG.info("no MIDI sequencer: {}", e.toString());
            return new Playback(null, null, "no MIDI sequencer on this machine");
        }
        Synthesizer synthesizer = null;
        String reason = null;
        try {
            synthesizer = MidiSystem.getSynthesizer();
            synthesizer.open();
            sequencer.getTransmitter().setReceiver(synthesizer.getReceiver());
        } catch (MidiUnavailableException | RuntimeException e) {
            LOG.info("no sound output, playback is silent: {}", e.toString());
            if (synthesizer != null) {
                synthesizer.close();
            }
            synthesizer = null;
            reason = "no sound device: playback is silent";
        }
        return new Playback(sequencer, synthesizer, reason);
    }

    /** A playback that never makes sound and never moves (tests, or when asked for silence). */
    public static Playback disabled() {
        return new Playback(null, null, "playback disabled");
    }

    /** Why playback is silent, or null when it makes sound. */
    public String silentReason() {
        return unavailableReason;
    }

    public boolean isPlaying() {
        return sequencer != null && sequencer.isRunning();
    }

    /** Starts {@code melody} from the beginning. */
    public void play(Melody melody, double qpm, boolean loop) {
        if (sequencer == null) {
            return;
        }
        load(melody, qpm, loop, 0);
        sequencer.start();
    }

    /**
     * Swaps the playing melody without restarting: the position carries over (modulo the new
     * length), so a melody that changes under a dragged slider keeps the groove.
     */
    public void replace(Melody melody, double qpm, boolean loop) {
        if (sequencer == null || !sequencer.isRunning()) {
            return;
        }
        long position = sequencer.getTickPosition();
        sequencer.stop();
        silenceAll();
        load(melody, qpm, loop, position % Math.max(1, lengthTicks(melody)));
        sequencer.start();
    }

    public void stop() {
        if (sequencer == null) {
            return;
        }
        sequencer.stop();
        silenceAll();
    }

    /** Position of the playing melody in steps, or -1 when stopped. */
    public double positionSteps() {
        if (sequencer == null || !sequencer.isRunning() || current == null) {
            return -1;
        }
        return sequencer.getTickPosition() / ticksPerStep(current);
    }

    /**
     * Sends what plays to {@code receiver} (a MIDI output device: a DAW, a hardware synth) instead
     * of the synthesizer; null goes back to the synthesizer. Without a sequencer nothing plays anyway.
     */
    public void routeTo(javax.sound.midi.Receiver receiver) throws javax.sound.midi.MidiUnavailableException {
        if (sequencer == null) {
            return;
        }
        if (outputLink != null) {
            outputLink.close();
            outputLink = null;
        }
        output = receiver;
        List<javax.sound.midi.Transmitter> links = sequencer.getTransmitters();
        javax.sound.midi.Receiver synthReceiver = synthesizer == null ? null : synthesizer.getReceiver();
        for (javax.sound.midi.Transmitter link : links) {
            // The synthesizer's link is muted while another output is chosen.
            link.setReceiver(receiver == null ? synthReceiver : null);
        }
        if (receiver != null) {
            outputLink = sequencer.getTransmitter();
            outputLink.setReceiver(receiver);
        }
    }

    /** Replaces the synthesizer's instruments with those of an SF2/DLS file. */
    public void loadSoundfont(Path file) throws IOException {
        Soundbank bank;
        try {
            BoundedFiles.regularSize(file);
            bank = MidiSystem.getSoundbank(file.toFile());
        } catch (InvalidMidiDataException | IOException e) {
            throw new IOException("cannot load soundfont " + file + ": " + e.getMessage(), e);
        }
        if (synthesizer == null) {
            return;
        }
        if (!synthesizer.isSoundbankSupported(bank)) {
            throw new IOException("soundfont " + file + " is not supported by the synthesizer");
        }
        Soundbank defaults = synthesizer.getDefaultSoundbank();
        if (defaults != null) {
            synthesizer.unloadAllInstruments(defaults);
        }
        synthesizer.loadAllInstruments(bank);
    }

    private void load(Melody melody, double qpm, boolean loop, long startTick) {
        Melody timed = melody.withGrid(melody.grid().withTempo(qpm));
        try {
            byte[] bytes = MidiFiles.toBytes(timed, MidiExport.DEFAULT);
            sequencer.setSequence(MidiSystem.getSequence(new ByteArrayInputStream(bytes)));
        } catch (InvalidMidiDataException | IOException e) {
            throw new IllegalStateException("the sequencer refused a generated sequence", e);
        }
        current = timed;
        long end = lengthTicks(timed);
        sequencer.setLoopStartPoint(0);
        sequencer.setLoopEndPoint(end);
        sequencer.setLoopCount(loop ? Sequencer.LOOP_CONTINUOUSLY : 0);
        sequencer.setTempoInBPM((float) qpm);
        sequencer.setTickPosition(startTick);
    }

    private static double ticksPerStep(Melody melody) {
        return MidiFiles.TICKS_PER_QUARTER / (double) melody.grid().stepsPerQuarter();
    }

    private static long lengthTicks(Melody melody) {
        return Math.round(melody.lengthSteps() * ticksPerStep(melody));
    }

    private void silenceAll() {
        if (output != null) {
            for (int channel = 0; channel < 16; channel++) {
                try {
                    output.send(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.CONTROL_CHANGE, channel,
                            123, 0), -1);
                } catch (InvalidMidiDataException | RuntimeException e) {
                    LOG.info("cannot silence the MIDI output: {}", e.toString());
                }
            }
        }
        if (synthesizer == null) {
            return;
        }
        for (MidiChannel channel : synthesizer.getChannels()) {
            if (channel != null) {
                channel.allNotesOff();
            }
        }
    }

    @Override
    public void close() {
        if (sequencer != null) {
            sequencer.close();
        }
        if (synthesizer != null) {
            synthesizer.close();
        }
    }
}
