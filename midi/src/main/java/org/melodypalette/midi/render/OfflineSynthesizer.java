package org.melodypalette.midi.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sound.midi.Instrument;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Gervill (the JDK's software synthesizer) opened as a stream instead of on a sound card: reading
 * the stream runs the synthesizer as fast as the CPU allows, so no audio device is needed and the
 * output is never late. Messages sent with a timestamp (microseconds from the start of the stream)
 * sound at exactly that sample.
 *
 * <p>The only way in is {@code com.sun.media.sound.AudioSynthesizer#openStream}, an interface
 * java.desktop does not export: the public API renders MIDI to audio only with the default
 * soundbank and a fixed 4 s tail ({@code AudioSystem.getAudioInputStream} on a .mid file), and a
 * {@link Synthesizer} otherwise plays only in real time to a sound device. It is called by
 * reflection, so compiling needs no flag; running needs {@value #EXPORT_OPTION}, which the
 * {@code palette} launcher and the test JVMs set. Without it rendering fails with one message
 * saying so.
 */
final class OfflineSynthesizer implements AutoCloseable {

    static final String EXPORT_OPTION = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

    private static final String INTERNAL_PACKAGE = "com.sun.media.sound";
    private static final String AUDIO_SYNTHESIZER = INTERNAL_PACKAGE + ".AudioSynthesizer";
    /** Gervill's open-time property that (when false) skips loading or generating its own soundbank. */
    private static final String LOAD_DEFAULT_SOUNDBANK = "load default soundbank";

    private final Synthesizer synthesizer;
    private final AudioInputStream stream;
    private final Receiver receiver;

    private OfflineSynthesizer(Synthesizer synthesizer, AudioInputStream stream, Receiver receiver) {
        this.synthesizer = synthesizer;
        this.stream = stream;
        this.receiver = receiver;
    }

    /** Whether this JVM lets us reach Gervill's offline stream (see the class comment). */
    static boolean available() {
        return Synthesizer.class.getModule().isExported(INTERNAL_PACKAGE, OfflineSynthesizer.class.getModule());
    }

    /** Fails with one message naming the missing JVM option when {@link #available()} is false. */
    static void requireAvailable() throws AudioRenderException {
        if (!available()) {
            throw new AudioRenderException("rendering audio needs the JVM option " + EXPORT_OPTION
                    + " (the palette launcher sets it)");
        }
    }

    /**
     * Opens a synthesizer that renders into {@code format}.
     *
     * @param soundbank instruments to play with, or null for Gervill's default soundbank
     * @param programs  the General MIDI programs the song plays: only the soundbank's instruments
     *                  of these programs (in any bank, drum kits included) are loaded, since a
     *                  General MIDI soundfont's samples take hundreds of megabytes once loaded;
     *                  when it has none of them, all are loaded and the synthesizer picks as before
     */
    static OfflineSynthesizer open(AudioFormat format, Soundbank soundbank, Set<Integer> programs)
            throws AudioRenderException {
        requireAvailable();
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new AudioRenderException("no software synthesizer in this Java runtime: " + e.getMessage(), e);
        }
        try {
            Class<?> audioSynthesizer = Class.forName(AUDIO_SYNTHESIZER);
            if (!audioSynthesizer.isInstance(synthesizer)) {
                throw new AudioRenderException("the default synthesizer " + synthesizer.getDeviceInfo().getName()
                        + " cannot render offline; Gervill (the JDK's own) is needed");
            }
            Method openStream = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
            Map<String, Object> properties = Map.of(LOAD_DEFAULT_SOUNDBANK, soundbank == null);
            AudioInputStream stream = (AudioInputStream) openStream.invoke(synthesizer, format, properties);
            if (soundbank != null && !loadInstruments(synthesizer, soundbank, programs)) {
                synthesizer.close();
                throw new AudioRenderException("the synthesizer refused the soundfont " + soundbank.getName());
            }
            return new OfflineSynthesizer(synthesizer, stream, synthesizer.getReceiver());
        } catch (InvocationTargetException e) {
            synthesizer.close();
            throw new AudioRenderException("the synthesizer cannot open: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | MidiUnavailableException | RuntimeException e) {
            synthesizer.close();
            throw new AudioRenderException("the synthesizer cannot open: " + e, e);
        }
    }

    private static boolean loadInstruments(Synthesizer synthesizer, Soundbank soundbank, Set<Integer> programs) {
        List<Instrument> used = Arrays.stream(soundbank.getInstruments())
                .filter(instrument -> programs.contains(instrument.getPatch().getProgram())).toList();
        if (used.isEmpty()) {
            return synthesizer.loadAllInstruments(soundbank);
        }
        boolean loaded = true;
        for (Instrument instrument : used) {
            loaded &= synthesizer.loadInstrument(instrument);
        }
        return loaded;
    }

    /** Takes MIDI messages; a timestamp is microseconds from the start of the stream. */
    Receiver receiver() {
        return receiver;
    }

    /** The instruments loaded from the soundbank (what a render holds in memory). */
    Instrument[] loadedInstruments() {
        return synthesizer.getLoadedInstruments();
    }

    /** The synthesizer's output: endless (silence once every note has ended). */
    AudioInputStream stream() {
        return stream;
    }

    @Override
    public void close() {
        synthesizer.close();
    }
}
