package org.melodypalette.app.workbench.audio;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.music.Melody;

/**
 * Play / stop, loop, tempo and the playback cursor. One thing plays at a time; {@code source}
 * names it ("editor", "slider", a strip cell…) so views know which cursor to draw and what to
 * refresh when its melody changes.
 */
public final class TransportViewModel {

    public static final double MIN_TEMPO = 30;
    public static final double MAX_TEMPO = 300;

    private final Playback playback;
    private final StatusLine status;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Object> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyDoubleWrapper cursorStep = new ReadOnlyDoubleWrapper(this, "cursorStep", -1);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", true);
    private final DoubleProperty tempo = new SimpleDoubleProperty(this, "tempo", 120);
    private final ReadOnlyObjectWrapper<Path> soundfont = new ReadOnlyObjectWrapper<>(this, "soundfont");
    private Melody playingMelody;
    private boolean silenceReported;
    /** The "Playing (silent…)" line this model posted, so stopping can replace it if it is still shown. */
    private String silenceMessage;

    public TransportViewModel(Playback playback, StatusLine status) {
        this.playback = playback;
        this.status = status;
        tempo.addListener((obs, old, now) -> restartWithCurrentSettings());
        loop.addListener((obs, old, now) -> restartWithCurrentSettings());
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** What is playing (any key the caller chose), or null. */
    public ReadOnlyObjectProperty<Object> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Playback position in steps, -1 when stopped. Updated by {@link #tick()}. */
    public ReadOnlyDoubleProperty cursorStepProperty() {
        return cursorStep.getReadOnlyProperty();
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    /** Quarter notes per minute. */
    public DoubleProperty tempoProperty() {
        return tempo;
    }

    // Commands

    public void play(Object what, Melody melody) {
        if (melody == null) {
            return;
        }
        playback.play(melody, clampedTempo(), loop.get());
        playingMelody = melody;
        source.set(what);
        playing.set(true);
        if (playback.silentReason() != null && !silenceReported) {
            silenceReported = true;
            silenceMessage = "Playing (" + playback.silentReason() + ")";
            status.info(silenceMessage);
        }
    }

    /** Space bar: stop if {@code what} is playing, otherwise play it. */
    public void toggle(Object what, Melody melody) {
        if (playing.get() && what.equals(source.get())) {
            stop();
        } else {
            play(what, melody);
        }
    }

    public void stop() {
        playback.stop();
        playing.set(false);
        source.set(null);
        playingMelody = null;
        cursorStep.set(-1);
        if (silenceMessage != null && silenceMessage.equals(status.getMessage())) {
            status.info("Stopped");
        }
    }

    /** If {@code what} is playing, swap in its new melody without losing the beat. */
    public void update(Object what, Melody melody) {
        if (playing.get() && what.equals(source.get()) && melody != null && !melody.equals(playingMelody)) {
            playingMelody = melody;
            playback.replace(melody, clampedTempo(), loop.get());
        }
    }

    /** Called every frame: refreshes the cursor and notices a one-shot playback that ended. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        double position = playback.positionSteps();
        if (position < 0 && !playback.isPlaying()) {
            stop();
            return;
        }
        cursorStep.set(position);
    }

    /** The soundfont loaded with {@link #loadSoundfont}, or null for the synthesizer's default sounds. */
    public ReadOnlyObjectProperty<Path> soundfontProperty() {
        return soundfont.getReadOnlyProperty();
    }

    public void loadSoundfont(Path file) {
        try {
            playback.loadSoundfont(file);
            soundfont.set(file);
            status.info(playback.silentReason() == null ? "Soundfont " + file.getFileName() + " loaded"
                    : "Soundfont " + file.getFileName() + " read, but " + playback.silentReason());
        } catch (IOException e) {
            status.failure("Cannot load the soundfont", e);
        }
    }

    private void restartWithCurrentSettings() {
        if (playing.get() && playingMelody != null) {
            playback.replace(playingMelody, clampedTempo(), loop.get());
        }
    }

    private double clampedTempo() {
        return Math.max(MIN_TEMPO, Math.min(MAX_TEMPO, tempo.get()));
    }
}
