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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the running workbench to PNG files for the README: editor, interpolation strip, palette
 * and the data-vs-latent view. Runs only when {@code -Dpalette.screenshots=DIR} is set (see
 * {@code app/scripts/screenshots.sh}), then quits the app.
 */
final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final int MAX_WAIT_TICKS = 300;

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

    static void startIfRequested(Workbench workbench, WorkbenchView view, Scene scene) {
        String target = System.getProperty("palette.screenshots");
        if (target != null && !target.isBlank()) {
            new ScreenshotTour(workbench, view, scene, Path.of(target)).run();
        }
    }

    private void run() {
        waitFor(() -> workbench.session().hasModel() || !workbench.session().loadingProperty().get());
        then(() -> {
            view.tabs().getSelectionModel().select(0);
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
            view.tabs().getSelectionModel().select(1);
            workbench.palette().fillEmptyCornersWithSamples();
        });
        waitFor(() -> !workbench.palette().gridProperty().get().isEmpty());
        then(() -> workbench.palette().pick(0.3, 0.6));
        waitFor(() -> workbench.palette().pointMelodyProperty().get() != null);
        pause();
        then(() -> save("palette.png"));
        then(() -> view.tabs().getSelectionModel().select(3));
        pause();
        then(() -> save("data-vs-latent.png"));
        then(Platform::exit);
        next();
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
        steps.add(new Runnable() {
            private int ticks;

            @Override
            public void run() {
                if (condition.getAsBoolean() || ++ticks > MAX_WAIT_TICKS) {
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
        try {
            Files.createDirectories(folder);
            WritableImage image = scene.snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", folder.resolve(name).toFile());
            LOG.info("saved {}", folder.resolve(name));
        } catch (IOException e) {
            LOG.error("cannot save screenshot {}", name, e);
        }
    }
}
