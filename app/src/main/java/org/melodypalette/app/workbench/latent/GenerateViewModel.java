package org.melodypalette.app.workbench.latent;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.music.Melody;

/**
 * Sampling from the prior (temperature, top-p), variations of a clip ("similar") and attribute
 * moves (note density, pitch height… as far as the model ships attribute vectors). Results land in
 * one list the view shows as playable clips. Each run uses a new seed, shown so a result can be
 * reproduced.
 */
public final class GenerateViewModel {

    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature",
            DecodeOptions.DEFAULT_SAMPLING_TEMPERATURE);
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP", 1.0);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 4);
    private final DoubleProperty similarity = new SimpleDoubleProperty(this, "similarity", 0.7);
    private final ReadOnlyObjectWrapper<List<Melody>> results = new ReadOnlyObjectWrapper<>(this, "results", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ModelSession session;
    private final StatusLine status;
    private long nextSeed;

    public GenerateViewModel(ModelSession session, StatusLine status, long firstSeed) {
        this.session = session;
        this.status = status;
        this.nextSeed = firstSeed;
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    public void sample() {
        DecodeOptions options = options();
        int n = Math.max(1, Math.min(16, count.get()));
        run("Sampled " + n + " melodies", model -> model.generator().sample(n, options), options);
    }

    public void variationsOf(Melody clip) {
        DecodeOptions options = options();
        int n = Math.max(1, Math.min(16, count.get()));
        double amount = Math.max(0, Math.min(1, similarity.get()));
        // Around the clip's refined code where the model has one, so amount 1 gives the clip back.
        run("Made " + n + " variations", model -> model.generator() instanceof LatentCodec codec
                ? codec.similar(model.encode(List.of(clip)).get(0), n, amount, options)
                : model.generator().similar(clip, n, amount, options), options);
    }

    /** Moves {@code clip} along {@code attribute} by {@code strength} (negative = less of it). */
    public void applyAttribute(Melody clip, String attribute, double strength) {
        DecodeOptions options = options();
        run(String.format("Applied %s %+.1f", attribute, strength),
                model -> List.of(model.generator().applyAttribute(clip, attribute, strength, options)), options);
    }

    private DecodeOptions options() {
        return new DecodeOptions(Math.max(0, Math.min(10, temperature.get())),
                Math.max(0.01, Math.min(1, topP.get())), nextSeed++);
    }

    private void run(String done, ModelSession.ModelCall<List<Melody>> call, DecodeOptions options) {
        busy.set(true);
        session.call(call, melodies -> {
            busy.set(false);
            results.set(List.copyOf(melodies));
            status.info(done + " (seed " + options.seed() + ")");
        }, error -> {
            busy.set(false);
            status.failure("Cannot generate", error);
        });
    }
}
