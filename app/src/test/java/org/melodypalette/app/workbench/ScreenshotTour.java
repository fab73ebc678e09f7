package org.melodypalette.app.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.melodypalette.app.workbench.model.ContinuationSession;
import org.melodypalette.app.workbench.theme.Theme;
import org.melodypalette.app.workbench.train.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the running workbench to PNG files for the README: editor, interpolation strip, palette
 * and the data-vs-latent view; the Generate tab after a sample and an attribute move; the Continue tab
 * with candidates for the editor's clip (when {@code checkpoints/continue_4bar} is there); the Model tab; the
 * interpolation tab right after switching to the 16-bar model (slots fitted, strip marked); with
 * {@code -Dpalette.screenshots.first=true} instead the first
 * window of a first start (first-window.png, and first-window-light.png in the light theme); with {@code -Dpalette.screenshots.train=MIDI_DIR} also the training
 * window after a short run on that folder ({@code -Dpalette.screenshots.trainConfig=FILE} trains
 * that config instead of the default preset, {@code -Dpalette.screenshots.trainSteps=N} for N
 * steps, default 150). Runs only when {@code -Dpalette.screenshots=DIR} is set (see
 * {@code app/scripts/screenshots.sh}), then quits the app. A tool, not part of the app: it lives with
 * the tests, and the script runs its {@link #main} from {@code app/target/test-classes}.
 */
public final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final int MAX_WAIT_TICKS = 300;
    /** A training run may take minutes on a busy machine: wait up to ten. */
    private static final int MAX_TRAINING_TICKS = 6_000;

    private final Workbench workbench;
    private final WorkbenchView view;
    private final Scene scene;
    private final Path folder;
    private final Deque<Runnable> steps = new ArrayDeque<>();

    private ScreenshotTour(Workbench workbench, WorkbenchView view, Scene scene, Path folder) {
        this.workbench = workbench;
        this.view = view;
        this.scene = scene;
        this.folder = folder;
    }

    /** Starts the workbench as {@link WorkbenchMain} does ({@code [--checkpoint DIR] [--project FILE]}), then the tour. */
    public static void main(String[] args) {
        WorkbenchApp.launch(WorkbenchMain.options(args), ScreenshotTour::startIfRequested);
    }

    static void startIfRequested(Workbench workbench, WorkbenchView view, javafx.stage.Stage stage) {
        String target = System.getProperty("palette.screenshots");
        if (target != null && !target.isBlank()) {
            new ScreenshotTour(workbench, view, stage.getScene(), Path.of(target)).run();
        }
    }

    /** Shows the tab with {@code id} (by id, so adding a tab does not change what a screenshot shows). */
    private void selectTab(String id) {
        view.tabs().getSelectionModel().select(view.tabs().getTabs().stream()
                .filter(tab -> id.equals(tab.getId())).findFirst().orElseThrow());
    }

    private void run() {
        waitFor(() -> workbench.session().hasModel() || !workbench.session().loadingProperty().get());
        if (Boolean.getBoolean("palette.screenshots.first")) {
            firstWindow();
            return;
        }
        then(() -> {
            selectTab("tabInterpolate");
            workbench.editor().selectBox(4, 12, 0, 127, false);
        });
        pause();
        then(() -> save("editor.png"));
        then(() -> {
            workbench.editor().clearSelection();
            workbench.interpolation().interpolate();
            workbench.interpolation().positionProperty().set(0.35);
        });
        waitFor(() -> !workbench.interpolation().stripProperty().get().isEmpty()
                && workbench.interpolation().sliderMelodyProperty().get() != null);
        pause();
        then(() -> save("interpolation.png"));
        then(() -> {
            selectTab("tabPalette");
            workbench.palette().fillEmptyCornersWithSamples();
        });
        waitFor(() -> !workbench.palette().gridProperty().get().isEmpty());
        then(() -> workbench.palette().pick(0.3, 0.6));
        waitFor(() -> workbench.palette().pointMelodyProperty().get() != null);
        pause();
        then(() -> save("palette.png"));
        // A path from the top-left corner to the bottom-right one, decoded into the lane.
        then(() -> {
            workbench.palette().setPath(org.melodypalette.app.workbench.latent.PalettePath.parse(
                    "0,0 0.35,0.1 0.6,0.3 0.75,0.65 1,1"));
            workbench.palette().pathToLane(workbench.lane()::replaceAll);
        });
        waitFor(() -> workbench.lane().getArrangement().size() == workbench.palette().pathLoopsProperty().get());
        then(() -> {
            workbench.lane().select(2, false);
            workbench.lane().togglePlayAll();
        });
        pause();
        then(() -> save("palette-path.png"));
        then(() -> selectTab("tabInterpolate"));
        pause();
        then(() -> save("lane.png"));
        then(() -> workbench.transport().stop());
        then(() -> selectTab("tabCompare"));
        pause();
        then(() -> save("data-vs-latent.png"));
        then(() -> {
            selectTab("tabGenerate");
            workbench.generate().sample();
        });
        waitFor(() -> !workbench.generate().busyProperty().get() && !workbench.generate().resultsProperty().get().isEmpty());
        then(() -> workbench.session().infoProperty().get().attributes().stream().findFirst().ifPresent(
                attribute -> workbench.generate().applyAttribute(workbench.editor().getMelody(), attribute, 1.0)));
        waitFor(() -> !workbench.generate().busyProperty().get());
        pause();
        then(() -> save("generate.png"));
        if (Files.isDirectory(ContinuationSession.bundled(workbench.home()))) {
            waitFor(() -> workbench.continuation().session().hasModel());
            then(() -> {
                selectTab("tabContinue");
                workbench.continuation().continueClip();
            });
            waitFor(() -> !workbench.continuation().busyProperty().get()
                    && !workbench.continuation().candidatesProperty().get().isEmpty());
            pause();
            then(() -> save("continue.png"));
        }
        then(() -> selectTab("tabModel"));
        pause();
        then(() -> save("model-tab.png"));
        Path longModel = workbench.home().resolve("checkpoints").resolve("mel_16bar");
        if (Files.isDirectory(longModel)) {
            then(() -> {
                selectTab("tabInterpolate");
                workbench.openModel(longModel);
            });
            waitFor(() -> !workbench.session().loadingProperty().get() && workbench.session().infoProperty().get() != null
                    && workbench.session().infoProperty().get().bars() == 16);
            pause();
            then(() -> save("model-switch.png"));
        }
        String trainOn = System.getProperty("palette.screenshots.train");
        if (trainOn != null && !trainOn.isBlank()) {
            train(Path.of(trainOn));
        }
        then(Platform::exit);
        next();
    }

    /** The window as a first start shows it (demo project, strip computed), in the dark and the light theme. */
    private void firstWindow() {
        waitFor(() -> !workbench.interpolation().stripProperty().get().isEmpty()
                && workbench.interpolation().sliderMelodyProperty().get() != null);
        pause();
        then(() -> save("first-window.png"));
        then(Theme.LIGHT::apply);
        pause();
        then(() -> save("first-window-light.png"));
        then(Theme.DARK::apply);
        then(Platform::exit);
        next();
    }

    private void train(Path midiFolder) {
        TrainingViewModel training = workbench.training();
        then(() -> {
            view.openTraining();
            training.midiFolderProperty().set(midiFolder);
            String config = System.getProperty("palette.screenshots.trainConfig");
            if (config != null && !config.isBlank()) {
                training.configFileProperty().set(Path.of(config));
            }
            training.stepsProperty().set(Integer.getInteger("palette.screenshots.trainSteps", 150));
            training.setSchedule(100, 25, 256);
            training.start();
        });
        waitFor(() -> !training.phaseProperty().get().running(), MAX_TRAINING_TICKS);
        pause();
        then(() -> save("training.png", view.trainingWindow().stage().getScene()));
    }

    private void then(Runnable step) {
        steps.add(() -> {
            step.run();
            next();
        });
    }

    private void pause() {
        steps.add(() -> later(this::next, 400));
    }

    private void waitFor(BooleanSupplier condition) {
        waitFor(condition, MAX_WAIT_TICKS);
    }

    private void waitFor(BooleanSupplier condition, int maxTicks) {
        steps.add(new Runnable() {
            private int ticks;

            @Override
            public void run() {
                if (condition.getAsBoolean() || ++ticks > maxTicks) {
                    next();
                } else {
                    later(this, 100);
                }
            }
        });
    }

    private void next() {
        Runnable step = steps.poll();
        if (step != null) {
            Platform.runLater(step);
        }
    }

    private static void later(Runnable action, long millis) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }

    private void save(String name) {
        save(name, scene);
    }

    private void save(String name, Scene shown) {
        try {
            Files.createDirectories(folder);
            WritableImage image = shown.snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", folder.resolve(name).toFile());
            LOG.info("saved {}", folder.resolve(name));
        } catch (IOException e) {
            LOG.error("cannot save screenshot {}", name, e);
        }
    }
}
