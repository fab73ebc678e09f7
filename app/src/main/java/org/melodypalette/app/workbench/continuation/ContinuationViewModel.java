package org.melodypalette.app.workbench.continuation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import org.melodypalette.app.workbench.editor.EditorViewModel;
import org.melodypalette.app.workbench.editor.MusicalKey;
import org.melodypalette.app.workbench.model.ContinuationSession;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.music.Melody;

/**
 * The Continue tool: K continuations of the editor's clip by 1, 2, 4 or 8 bars, sampled with the
 * continuation model (temperature, top-p, seed) on the worker thread. With snap-to-scale on, the
 * model samples only pitches of the editor's key (the sampler masks the other pitch classes); the
 * primer's own notes are left as they are. A candidate can be taken into the clip (appended: the
 * clip grows and its notes stay), and, as any clip, played, put into a slot or the lane.
 */
public final class ContinuationViewModel {

    /** The lengths offered: "continue 1/2/4/8 bars". */
    public static final List<Integer> BAR_CHOICES = List.of(1, 2, 4, 8);
    /** Most candidates drawn at once. */
    public static final int MAX_CANDIDATES = 8;

    private final IntegerProperty bars = new SimpleIntegerProperty(this, "bars", 2);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 4);
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature",
            ContinuationOptions.DEFAULT_TEMPERATURE);
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP",
            ContinuationOptions.DEFAULT_TOP_P);
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final ReadOnlyObjectWrapper<List<Continuation>> candidates =
            new ReadOnlyObjectWrapper<>(this, "candidates", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ContinuationSession session;
    private final EditorViewModel editor;
    private final StatusLine status;
    private final StringBinding keyNote;

    public ContinuationViewModel(ContinuationSession session, EditorViewModel editor, StatusLine status,
                                 long firstSeed) {
        this.session = session;
        this.editor = editor;
        this.status = status;
        this.seed.set(firstSeed);
        this.keyNote = Bindings.createStringBinding(() -> editor.snapToScaleProperty().get()
                        ? "New notes stay in " + editor.keyProperty().get() + " (snap to scale is on in the editor)"
                        : "New notes may use any pitch (snap to scale is off in the editor)",
                editor.snapToScaleProperty(), editor.keyProperty());
    }

    // Properties

    /** Bars to add: one of {@link #BAR_CHOICES}. */
    public IntegerProperty barsProperty() {
        return bars;
    }

    /** Candidates per Continue (1..{@link #MAX_CANDIDATES}). */
    public IntegerProperty countProperty() {
        return count;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public DoubleProperty topPProperty() {
        return topP;
    }

    /** The seed the next Continue uses; each Continue moves it on by one, so pressing again gives new candidates. */
    public LongProperty seedProperty() {
        return seed;
    }

    /** The candidates on screen, distinct, each starting with the clip it continues. */
    public ReadOnlyObjectProperty<List<Continuation>> candidatesProperty() {
        return candidates.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Which pitches new notes may have, in words (follows the editor's key and snap-to-scale). */
    public StringBinding keyNote() {
        return keyNote;
    }

    public ContinuationSession session() {
        return session;
    }

    // Commands

    /** Samples the candidates for the editor's clip now; the list is replaced when they arrive. */
    public void continueClip() {
        Melody primer = editor.getMelody();
        int room = EditorViewModel.MAX_BARS - primer.bars();
        if (room < 1) {
            status.failure("Cannot continue: the clip is already " + primer.bars() + " bars, the longest a clip can be");
            return;
        }
        int wanted = bars.get();
        int adding = Math.max(1, Math.min(wanted, room));
        ContinuationOptions options = options();
        seed.set(seed.get() + 1);
        busy.set(true);
        session.call(continuer -> {
            int boundary = continuer.labels(primer).length;
            List<Continuation> made = new ArrayList<>();
            for (Melody continued : continuer.continueMelody(primer, adding, options)) {
                made.add(Continuation.of(primer, continued, boundary));
            }
            return made;
        }, made -> {
            busy.set(false);
            List<Continuation> distinct = distinct(made);
            candidates.set(distinct);
            status.info(describe(distinct.size(), made.size(), adding, wanted, options));
        }, error -> {
            busy.set(false);
            status.failure("Cannot continue the clip", error);
        });
    }

    /**
     * Appends {@code candidate}'s new bars to the editor's clip (one undoable edit): the clip grows and
     * its notes stay. Refused with a message when the clip has changed since the candidate was made.
     */
    public void take(Continuation candidate) {
        Melody clip = editor.getMelody();
        if (clip.lengthSteps() != candidate.primer().lengthSteps() || !clip.notes().equals(candidate.primer().notes())) {
            status.failure("The clip has changed since these continuations were made: press Continue to continue it"
                    + " as it is now");
            return;
        }
        editor.replaceMelody(candidate.whole().withGrid(clip.grid()));
        status.info("Continuation taken into the clip: " + plural(clip.bars(), "bar") + " → "
                + plural(editor.getMelody().bars(), "bar") + " (Undo brings the shorter clip back)");
    }

    // Internals

    private ContinuationOptions options() {
        int k = Math.max(1, Math.min(MAX_CANDIDATES, count.get()));
        ContinuationOptions options = ContinuationOptions.of(k, Math.max(0, Math.min(10, temperature.get())),
                Math.max(0.01, Math.min(1, topP.get())), seed.get());
        if (!editor.snapToScaleProperty().get()) {
            return options;
        }
        MusicalKey key = editor.keyProperty().get();
        Set<Integer> inKey = new LinkedHashSet<>();
        IntStream.range(0, 12).filter(key::contains).forEach(inKey::add);
        return options.withAllowedPitchClasses(inKey);
    }

    /** The candidates without repeats (a small model at a low temperature may write the same bars twice). */
    private static List<Continuation> distinct(List<Continuation> made) {
        Set<Melody> seen = new LinkedHashSet<>();
        List<Continuation> kept = new ArrayList<>();
        for (Continuation c : made) {
            if (seen.add(c.whole())) {
                kept.add(c);
            }
        }
        return List.copyOf(kept);
    }

    private String describe(int distinct, int drawn, int adding, int wanted, ContinuationOptions options) {
        StringBuilder text = new StringBuilder(plural(distinct, "continuation")).append(" of the clip by ")
                .append(plural(adding, "bar"));
        if (adding < wanted) {
            text.append(" (not ").append(wanted).append(": a clip is at most ").append(EditorViewModel.MAX_BARS)
                    .append(" bars)");
        }
        if (distinct < drawn) {
            text.append("; ").append(drawn - distinct).append(" of ").append(drawn)
                    .append(" drawn repeated another and ").append(drawn - distinct == 1 ? "was" : "were")
                    .append(" left out");
        }
        if (!options.allowedPitchClasses().isEmpty()) {
            text.append(", in ").append(editor.keyProperty().get());
        }
        return text.append(String.format(Locale.ROOT, " (temperature %.2f, top-p %.2f, seed %d)",
                options.temperature(), options.topP(), options.seed())).toString();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
