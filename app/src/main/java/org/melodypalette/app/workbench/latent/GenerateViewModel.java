package org.melodypalette.app.workbench.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.melodypalette.app.workbench.model.AttributeNames;
import org.melodypalette.app.workbench.model.ClipFit;
import org.melodypalette.app.workbench.model.MadeWith;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.music.Melody;

/**
 * Sampling from the prior (temperature, top-p), variations of a clip ("similar") and attribute
 * moves (note density, pitch height… as far as the model ships attribute vectors). Results land in
 * one list the view shows as playable clips, each with a caption. Sample and Variations replace the
 * list; an attribute move adds its result in front and keeps the rest, so applying one never
 * throws away samples the user has not kept yet. Each run uses a new seed, shown so a result can
 * be reproduced.
 */
public final class GenerateViewModel {

    /** Most results kept on screen (attribute moves push the oldest out). */
    public static final int MAX_RESULTS = 16;

    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature",
            DecodeOptions.DEFAULT_SAMPLING_TEMPERATURE);
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP", 1.0);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 4);
    private final DoubleProperty similarity = new SimpleDoubleProperty(this, "similarity", 0.7);
    private final ReadOnlyObjectWrapper<List<Melody>> results = new ReadOnlyObjectWrapper<>(this, "results", List.of());
    private final ReadOnlyObjectWrapper<List<String>> captions = new ReadOnlyObjectWrapper<>(this, "captions", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ModelSession session;
    private final StatusLine status;
    private final MadeWith resultsMadeWith;
    private long nextSeed;

    public GenerateViewModel(ModelSession session, StatusLine status, long firstSeed) {
        this.session = session;
        this.status = status;
        this.nextSeed = firstSeed;
        this.resultsMadeWith = new MadeWith(session, "Sample or Variations");
    }

    /** Which model made the results; marks them stale after a model switch. */
    public MadeWith resultsMadeWith() {
        return resultsMadeWith;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public DoubleProperty topPProperty() {
        return topP;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    /** How close variations stay to the clip: 1 = the clip's own code, 0 = a fresh sample. */
    public DoubleProperty similarityProperty() {
        return similarity;
    }

    public ReadOnlyObjectProperty<List<Melody>> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** One caption per result ("#1", "Note density +1.0"), set before {@link #resultsProperty()}. */
    public ReadOnlyObjectProperty<List<String>> captionsProperty() {
        return captions.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    public void sample() {
        DecodeOptions options = options();
        int n = Math.max(1, Math.min(MAX_RESULTS, count.get()));
        run("Sampled " + n + " melodies", model -> new Results(model.generator().sample(n, options), ""), options);
    }

    public void variationsOf(Melody clip) {
        ClipFit fit = fitClip(clip);
        if (!fit.usable()) {
            status.failure("Cannot make variations: " + fit.note());
            return;
        }
        DecodeOptions options = options();
        int n = Math.max(1, Math.min(MAX_RESULTS, count.get()));
        double amount = Math.max(0, Math.min(1, similarity.get()));
        // Around the clip's refined code where the model has one, so the variations centre on the clip itself.
        // z varies and the centre's bar offsets stay: for a hierarchical model z alone decodes to a melody
        // about as far from the clip as another tune (its offsets carry what z cannot say), so dropping them
        // would give variations of that other melody; kept, similarity 1 plays the clip itself. When the
        // refined code does not give the clip back, the variations centre on what it plays: the status says so.
        Melody fitted = fit.melody();
        run("Made " + n + " variations of the clip" + ClipFit.notes(List.of(fit)), model -> {
            if (!(model.generator() instanceof LatentCodec codec)) {
                return new Results(model.generator().similar(fitted, n, amount, options), "");
            }
            List<Melody> around = codec.similar(model.encode(List.of(fitted)).get(0), n, amount, options);
            return new Results(around, model.notGivenBack(List.of(fitted), List.of("The clip")));
        }, options);
    }

    /** Moves {@code clip} along {@code attribute} by {@code strength} (negative = less of it). */
    public void applyAttribute(Melody clip, String attribute, double strength) {
        String what = String.format(java.util.Locale.ROOT, "%s %+.1f", AttributeNames.label(attribute), strength);
        ClipFit fit = fitClip(clip);
        if (!fit.usable()) {
            status.failure("Cannot apply " + what + ": " + fit.note());
            return;
        }
        DecodeOptions options = options();
        busy.set(true);
        session.call(model -> model.generator().applyAttribute(fit.melody(), attribute, strength, options), moved -> {
            busy.set(false);
            List<Melody> melodies = new ArrayList<>(results.get());
            List<String> names = new ArrayList<>(captions.get());
            melodies.add(0, moved);
            names.add(0, what);
            int keep = Math.min(MAX_RESULTS, melodies.size());
            captions.set(List.copyOf(names.subList(0, keep)));
            results.set(List.copyOf(melodies.subList(0, keep)));
            resultsMadeWith.stamp();
            status.info("The editor's clip with " + what + " is the first result; the others stay"
                    + ClipFit.notes(List.of(fit)) + " (seed " + options.seed() + ")");
        }, error -> {
            busy.set(false);
            status.failure("Cannot apply " + what, error);
        });
    }

    private ClipFit fitClip(Melody clip) {
        return ClipFit.of("The clip", clip, session.infoProperty().get());
    }

    private DecodeOptions options() {
        return new DecodeOptions(Math.max(0, Math.min(10, temperature.get())),
                Math.max(0.01, Math.min(1, topP.get())), nextSeed++);
    }

    private void run(String done, ModelSession.ModelCall<Results> call, DecodeOptions options) {
        busy.set(true);
        session.call(call, made -> {
            busy.set(false);
            List<Melody> melodies = made.melodies();
            captions.set(IntStream.rangeClosed(1, melodies.size()).mapToObj(i -> "#" + i).toList());
            results.set(List.copyOf(melodies));
            resultsMadeWith.stamp();
            status.info(done + " (seed " + options.seed() + ")" + made.note());
        }, error -> {
            busy.set(false);
            status.failure("Cannot generate", error);
        });
    }

    /**
     * A run's melodies and, for variations, whether the clip's code does not give the clip back
     * ({@link org.melodypalette.app.workbench.model.LoadedModel#notGivenBack}; empty otherwise).
     */
    private record Results(List<Melody> melodies, String note) {
    }
}
