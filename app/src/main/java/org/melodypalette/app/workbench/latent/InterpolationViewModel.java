package org.melodypalette.app.workbench.latent;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.melodypalette.app.workbench.model.ClipFit;
import org.melodypalette.app.workbench.model.FittedSlot;
import org.melodypalette.app.workbench.model.MadeWith;
import org.melodypalette.app.workbench.model.LoadedModel;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.LatestRequest;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.MorphPath;
import org.melodypalette.music.Melody;

/**
 * Slots A and B, the strip of interpolation steps between them, and the drag slider whose decoded
 * melody follows the pointer. Decoding runs on the model worker; the slider uses
 * {@link LatestRequest} so only the newest position is decoded after the current one.
 */
public final class InterpolationViewModel {

    /** A slider decode that the latency meter does not count. */
    private static final long UNTIMED = Long.MIN_VALUE;

    public static final int MIN_STEPS = 3;
    public static final int MAX_STEPS = 16;

    // Properties
    private final ReadOnlyObjectWrapper<Melody> slotA = new ReadOnlyObjectWrapper<>(this, "slotA");
    private final ReadOnlyObjectWrapper<Melody> slotB = new ReadOnlyObjectWrapper<>(this, "slotB");
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 7);
    private final ObjectProperty<Interpolation> mode = new SimpleObjectProperty<>(this, "mode", Interpolation.SLERP);
    private final ReadOnlyObjectWrapper<List<Melody>> strip = new ReadOnlyObjectWrapper<>(this, "strip", List.of());
    private final ReadOnlyBooleanWrapper stripBusy = new ReadOnlyBooleanWrapper(this, "stripBusy");
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0.5);
    private final ReadOnlyObjectWrapper<Melody> sliderMelody = new ReadOnlyObjectWrapper<>(this, "sliderMelody");
    private final BooleanProperty loopPlay = new SimpleBooleanProperty(this, "loopPlay", false);

    private final ModelSession session;
    private final StatusLine status;
    private final LatestRequest<Decoded> sliderDecode;
    private final LatencyMeter latency = new LatencyMeter(200);
    private final FittedSlot fittedA;
    private final FittedSlot fittedB;
    private final MadeWith stripMadeWith;

    public InterpolationViewModel(ModelSession session, TaskRunner runner, StatusLine status) {
        this.session = session;
        this.status = status;
        this.fittedA = new FittedSlot("A", slotA.getReadOnlyProperty(), session);
        this.fittedB = new FittedSlot("B", slotB.getReadOnlyProperty(), session);
        this.stripMadeWith = new MadeWith(session, "Interpolate");
        this.sliderDecode = new LatestRequest<>(runner, decoded -> {
            if (decoded.requestedNanos() != UNTIMED) {
                latency.record(System.nanoTime() - decoded.requestedNanos());
            }
            sliderMelody.set(decoded.melody());
        }, error -> status.failure("Cannot decode the slider position", error));
        position.addListener((obs, old, now) -> decodeSliderPosition(System.nanoTime()));
        mode.addListener((obs, old, now) -> decodeSliderPosition(System.nanoTime()));
    }

    public ReadOnlyObjectProperty<Melody> slotAProperty() {
        return slotA.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Melody> slotBProperty() {
        return slotB.getReadOnlyProperty();
    }

    /** Number of melodies in the strip, endpoints included. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ObjectProperty<Interpolation> modeProperty() {
        return mode;
    }

    /**
     * The last computed interpolation: the melodies decoded at the points of the loaded model's
     * {@link MorphPath} between the codes of A and B (refined, so its ends are A and B where the model
     * can give them back; spaced evenly in what is heard); step i is what the slider plays at position
     * {@code i/(n−1)}.
     */
    public ReadOnlyObjectProperty<List<Melody>> stripProperty() {
        return strip.getReadOnlyProperty();
    }

    /** Slot A as the open model reads it (its note says when it is cut or repeated to fit). */
    public FittedSlot fittedA() {
        return fittedA;
    }

    public FittedSlot fittedB() {
        return fittedB;
    }

    /** Which model made the strip; marks it stale after a model switch. */
    public MadeWith stripMadeWith() {
        return stripMadeWith;
    }

    public ReadOnlyBooleanProperty stripBusyProperty() {
        return stripBusy.getReadOnlyProperty();
    }

    /** Slider position, 0 = A and 1 = B. */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** The melody decoded at the slider position (null until first decoded). */
    public ReadOnlyObjectProperty<Melody> sliderMelodyProperty() {
        return sliderMelody.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sliderBusyProperty() {
        return sliderDecode.busyProperty();
    }

    /** Whether the slider's melody loops in playback while it changes (the view wires playback). */
    public BooleanProperty loopPlayProperty() {
        return loopPlay;
    }

    /** Slider-move-to-result latency of recent decodes (moves of the slider or the path mode only). */
    public LatencyMeter latency() {
        return latency;
    }

    // Commands

    public void setSlotA(Melody melody) {
        slotA.set(melody);
        decodeSliderPosition();
    }

    public void setSlotB(Melody melody) {
        slotB.set(melody);
        decodeSliderPosition();
    }

    /** Restores slots from a saved project without decoding anything. */
    public void restoreSlots(Melody a, Melody b) {
        slotA.set(a);
        slotB.set(b);
    }

    public void swapSlots() {
        Melody a = slotA.get();
        slotA.set(slotB.get());
        slotB.set(a);
        decodeSliderPosition();
    }

    /** Computes the strip of {@link #stepsProperty()} melodies from A to B. */
    public void interpolate() {
        if (slotA.get() == null || slotB.get() == null) {
            status.failure("Put a clip in slot A and in slot B first (buttons “→ A” and “→ B”)");
            return;
        }
        ClipFit fitA = fittedA.fit();
        ClipFit fitB = fittedB.fit();
        if (!fitA.usable() || !fitB.usable()) {
            status.failure("Cannot interpolate: " + (fitA.usable() ? fitB : fitA).note());
            return;
        }
        Melody a = fitA.melody();
        Melody b = fitB.melody();
        String fitted = ClipFit.notes(List.of(fitA, fitB));
        int n = stripSize();
        Interpolation how = mode.get();
        stripBusy.set(true);
        session.call(model -> {
            List<LatentCode> codes = model.encode(List.of(a, b));
            MorphPath path = model.morphPath(codes.get(0), codes.get(1), n, how);
            return new Strip(model.generator().decodeCodeMelodies(path.points(codes.get(0), codes.get(1), how),
                    DecodeOptions.ARGMAX), model.notGivenBack(List.of(a, b), List.of("A", "B")));
        }, result -> {
            stripBusy.set(false);
            stripMadeWith.stamp();
            status.info("Interpolated " + n + " steps (" + how.name().toLowerCase() + ")" + fitted + result.note());
            // Last, so whoever watches the strip sees the status and the stamp that go with it.
            strip.set(List.copyOf(result.melodies()));
        }, error -> {
            stripBusy.set(false);
            status.failure("Cannot interpolate", error);
        });
    }

    /** Decodes the melody at the slider position (newest request wins). */
    public void decodeSliderPosition() {
        decodeSliderPosition(UNTIMED);
    }

    /**
     * @param requested when the slider moved, for the latency meter; {@link #UNTIMED} when a slot or the
     *                  model changed (that decode waits for encoding and the morph path, not for the slider)
     */
    private void decodeSliderPosition(long requested) {
        ClipFit fitA = fittedA.fit();
        ClipFit fitB = fittedB.fit();
        if (!fitA.usable() || !fitB.usable() || !session.hasModel()) {
            return;
        }
        Melody a = fitA.melody();
        Melody b = fitB.melody();
        double at = position.get();
        int n = stripSize();
        Interpolation how = mode.get();
        sliderDecode.submit(session.bind(model -> {
            List<LatentCode> codes = model.encode(List.of(a, b));
            double t = model.morphPath(codes.get(0), codes.get(1), n, how).at(at);
            // The path's own points at the ends, so that the slider's ends are the codes of A and B themselves.
            LatentCode point = t == 0 ? codes.get(0) : t == 1 ? codes.get(1)
                    : LatentCode.between(codes.get(0), codes.get(1), t, how);
            return new Decoded(model.generator().decodeCodeMelodies(List.of(point), DecodeOptions.ARGMAX).get(0),
                    requested);
        }));
    }

    /** The strip's number of melodies, ends included, within the strip's limits. */
    private int stripSize() {
        return Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps.get()));
    }

    /** The strip's melodies and which slots their ends do not give back exactly ({@link LoadedModel#notGivenBack}). */
    private record Strip(List<Melody> melodies, String note) {
    }

    /** A decoded melody and when it was asked for (for the latency meter). */
    private record Decoded(Melody melody, long requestedNanos) {
    }
}
