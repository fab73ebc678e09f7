package org.melodypalette.app.workbench.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.melodypalette.app.workbench.model.ClipFit;
import org.melodypalette.app.workbench.model.LoadedModel;
import org.melodypalette.app.workbench.model.MadeWith;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.LatestRequest;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.music.Melody;

/**
 * The 2-D palette (as Beat Blender does for drums): four corner melodies, a grid of bilinear
 * blends of their latent codes, and a pointer whose position (u, v) is decoded as you drag it.
 * Corner 0 is top-left (u=0, v=0), 1 top-right, 2 bottom-left, 3 bottom-right.
 */
public final class PaletteViewModel {

    public static final int CORNERS = 4;
    /** The corners' names, in corner order (for the view and for messages). */
    public static final List<String> CORNER_NAMES = List.of("Top-left", "Top-right", "Bottom-left", "Bottom-right");

    private final ReadOnlyObjectWrapper<List<Melody>> corners =
            new ReadOnlyObjectWrapper<>(this, "corners", Arrays.asList(new Melody[CORNERS]));
    private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize", 5);
    private final ReadOnlyObjectWrapper<List<Melody>> grid = new ReadOnlyObjectWrapper<>(this, "grid", List.of());
    private final ReadOnlyBooleanWrapper gridBusy = new ReadOnlyBooleanWrapper(this, "gridBusy");
    private final ReadOnlyObjectWrapper<double[]> point = new ReadOnlyObjectWrapper<>(this, "point", new double[] {0.5, 0.5});
    private final ReadOnlyObjectWrapper<Melody> pointMelody = new ReadOnlyObjectWrapper<>(this, "pointMelody");
    private final ModelSession session;
    private final StatusLine status;
    private final LatestRequest<Melody> pointDecode;
    private final MadeWith gridMadeWith;
    private long sampleSeed = 1;
    private final ReadOnlyObjectWrapper<PalettePath> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final IntegerProperty pathLoops = new SimpleIntegerProperty(this, "pathLoops", 8);
    private final IntegerProperty pathBarsPerLoop = new SimpleIntegerProperty(this, "pathBarsPerLoop", 2);
    private final IntegerProperty pathSmoothing = new SimpleIntegerProperty(this, "pathSmoothing", 1);

    public PaletteViewModel(ModelSession session, TaskRunner runner, StatusLine status) {
        this.session = session;
        this.status = status;
        this.gridMadeWith = new MadeWith(session, "Blend");
        this.pointDecode = new LatestRequest<>(runner, pointMelody::set,
                error -> status.failure("Cannot decode the palette point", error));
    }

    /** The four corners in order top-left, top-right, bottom-left, bottom-right; entries may be null. */
    public ReadOnlyObjectProperty<List<Melody>> cornersProperty() {
        return corners.getReadOnlyProperty();
    }

    /** Blends per side of the grid (the grid holds gridSize² melodies, row by row). */
    public IntegerProperty gridSizeProperty() {
        return gridSize;
    }

    public ReadOnlyObjectProperty<List<Melody>> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** Which model blended the grid; marks it stale after a model switch. */
    public MadeWith gridMadeWith() {
        return gridMadeWith;
    }

    public ReadOnlyBooleanProperty gridBusyProperty() {
        return gridBusy.getReadOnlyProperty();
    }

    /** The pointer position {u, v} in [0, 1]². */
    public ReadOnlyObjectProperty<double[]> pointProperty() {
        return point.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Melody> pointMelodyProperty() {
        return pointMelody.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pointBusyProperty() {
        return pointDecode.busyProperty();
    }

    /** The path drawn across the palette, or null. */
    public ReadOnlyObjectProperty<PalettePath> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** How many loops a path is sampled into (each one decoded point). */
    public IntegerProperty pathLoopsProperty() {
        return pathLoops;
    }

    /** Each loop's length in bars: the decoded melody cut or repeated to it. */
    public IntegerProperty pathBarsPerLoopProperty() {
        return pathBarsPerLoop;
    }

    /** Chaikin passes over the drawn path before sampling (0 = as drawn). */
    public IntegerProperty pathSmoothingProperty() {
        return pathSmoothing;
    }

    public void setPath(PalettePath drawn) {
        path.set(drawn);
    }

    /**
     * Samples the path at {@link #pathLoopsProperty()} evenly spaced points, decodes each blend of the
     * corners' codes on the model thread, and hands the loops (each cut or repeated to
     * {@link #pathBarsPerLoopProperty()} bars) to {@code fill}, in order from the path's start. The status
     * names the corners whose codes do not give them back, as the grid's does.
     */
    public void pathToLane(java.util.function.Consumer<List<Melody>> fill) {
        PalettePath drawn = path.get();
        if (drawn == null) {
            status.failure("Draw a path on the palette first: turn on “Draw path” and drag across the square");
            return;
        }
        List<ClipFit> fits = usableCorners("Cannot decode the path: ");
        if (fits == null) {
            return;
        }
        List<Melody> c = fits.stream().map(ClipFit::melody).toList();
        int loops = Math.max(1, Math.min(64, pathLoops.get()));
        int bars = Math.max(1, Math.min(16, pathBarsPerLoop.get()));
        List<PalettePath.Point> points = drawn.smoothed(Math.max(0, Math.min(4, pathSmoothing.get()))).sample(loops);
        gridBusy.set(true);
        session.call(model -> {
            List<LatentCode> codes = PalettePath.cornerCodes(c, model::encode);
            List<Melody> decoded = model.generator().decodeCodeMelodies(PalettePath.codesAt(codes, points),
                    DecodeOptions.ARGMAX);
            return new Blend(decoded, cornersNotGivenBack(model, c));
        }, blend -> {
            gridBusy.set(false);
            fill.accept(blend.melodies().stream().map(m -> PalettePath.fitToBars(m, bars)).toList());
            status.info("The lane holds the path: " + loops + " loops of " + ClipFit.bars(bars) + " from ("
                    + describe(points.get(0)) + ") to (" + describe(points.get(points.size() - 1)) + ")"
                    + ClipFit.notes(fits) + blend.note());
        }, error -> {
            gridBusy.set(false);
            status.failure("Cannot decode the path", error);
        });
    }

    private static String describe(PalettePath.Point p) {
        return String.format(java.util.Locale.ROOT, "%.2f, %.2f", p.u(), p.v());
    }

    public boolean isComplete() {
        return corners.get().stream().allMatch(Objects::nonNull);
    }

    // Commands

    public void setCorner(int index, Melody melody) {
        if (index < 0 || index >= CORNERS) {
            throw new IllegalArgumentException("corner " + index + " is outside 0..3");
        }
        List<Melody> next = new ArrayList<>(corners.get());
        next.set(index, melody);
        corners.set(java.util.Collections.unmodifiableList(next));
        grid.set(List.of());
        gridMadeWith.clear();
    }

    /** Fills the empty corners with samples from the model, then blends the grid. */
    public void fillEmptyCornersWithSamples() {
        List<Melody> current = corners.get();
        long missing = current.stream().filter(Objects::isNull).count();
        if (missing == 0) {
            blend();
            return;
        }
        DecodeOptions options = DecodeOptions.sampling(0.5, sampleSeed++);
        gridBusy.set(true);
        session.call(model -> model.generator().sample((int) missing, options), samples -> {
            gridBusy.set(false);
            List<Melody> next = new ArrayList<>(corners.get());
            int used = 0;
            for (int i = 0; i < CORNERS && used < samples.size(); i++) {
                if (next.get(i) == null) {
                    next.set(i, samples.get(used++));
                }
            }
            corners.set(java.util.Collections.unmodifiableList(next));
            blend();
        }, error -> {
            gridBusy.set(false);
            status.failure("Cannot sample corners", error);
        });
    }

    /** Decodes the grid of blends between the four corners. */
    public void blend() {
        List<ClipFit> fits = usableCorners("Cannot blend: ");
        if (fits == null) {
            return;
        }
        List<Melody> c = fits.stream().map(ClipFit::melody).toList();
        String fitted = ClipFit.notes(fits);
        int n = Math.max(2, Math.min(9, gridSize.get()));
        gridBusy.set(true);
        session.call(model -> {
            List<LatentCode> codes = PalettePath.cornerCodes(c, model::encode);
            List<PalettePath.Point> at = new ArrayList<>();
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    at.add(new PalettePath.Point(col / (double) (n - 1), row / (double) (n - 1)));
                }
            }
            return new Blend(model.generator().decodeCodeMelodies(PalettePath.codesAt(codes, at), DecodeOptions.ARGMAX),
                    cornersNotGivenBack(model, c));
        }, blend -> {
            gridBusy.set(false);
            grid.set(List.copyOf(blend.melodies()));
            gridMadeWith.stamp();
            status.info("Blended a " + n + "×" + n + " palette" + fitted + blend.note());
        }, error -> {
            gridBusy.set(false);
            status.failure("Cannot blend the palette", error);
        });
    }

    /** Moves the pointer to (u, v) and decodes the blend there (newest position wins). */
    public void pick(double u, double v) {
        double cu = Math.max(0, Math.min(1, u));
        double cv = Math.max(0, Math.min(1, v));
        point.set(new double[] {cu, cv});
        if (!isComplete() || !session.hasModel()) {
            return;
        }
        List<ClipFit> fits = fitCorners();
        if (ClipFit.firstRefusal(fits) != null) {
            return;
        }
        List<Melody> c = fits.stream().map(ClipFit::melody).toList();
        pointDecode.submit(session.bind(model -> {
            List<LatentCode> codes = PalettePath.cornerCodes(c, model::encode);
            return model.generator().decodeCodeMelodies(
                    PalettePath.codesAt(codes, List.of(new PalettePath.Point(cu, cv))), DecodeOptions.ARGMAX).get(0);
        }));
    }

    /** The four corners shaped to the open model's length. */
    /**
     * The four corners as the model reads them, or null after saying on the status line why they cannot
     * be used (a corner missing, or one the model cannot read: {@code refusal} + its note).
     */
    private List<ClipFit> usableCorners(String refusal) {
        if (!isComplete()) {
            status.failure("The palette needs four corners: send clips to them or press “Fill with samples”");
            return null;
        }
        List<ClipFit> fits = fitCorners();
        ClipFit refused = ClipFit.firstRefusal(fits);
        if (refused != null) {
            status.failure(refusal + refused.note());
            return null;
        }
        return fits;
    }

    private List<ClipFit> fitCorners() {
        List<ClipFit> fits = new ArrayList<>();
        for (int i = 0; i < CORNERS; i++) {
            fits.add(ClipFit.of(CORNER_NAMES.get(i), corners.get().get(i), session.infoProperty().get()));
        }
        return fits;
    }

    /** For the status line: which of the corners their codes do not give back ({@link LoadedModel#notGivenBack}). */
    private static String cornersNotGivenBack(LoadedModel model, List<Melody> corners) {
        return model.notGivenBack(corners, CORNER_NAMES.stream().map(name -> name + " corner").toList());
    }

    /** Decoded blends of the corners (the grid's or a path's) and which corners their codes do not give back. */
    private record Blend(List<Melody> melodies, String note) {
    }
}
