package org.melodypalette.app.workbench.latent;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.melodypalette.app.workbench.clip.MiniRoll;
import org.melodypalette.music.Melody;

/**
 * The point of the MusicVAE article, side by side: interpolating A → B in data space (cross-fading
 * the two piano rolls, which never gives a new melody) against interpolating in latent space (every
 * step decodes to a plausible melody). Uses the strip of {@link InterpolationViewModel}.
 */
public final class CompareSpacesPane extends VBox {

    private final GridPane grid = new GridPane();

    public CompareSpacesPane(InterpolationViewModel model) {
        setSpacing(6);
        setPadding(new Insets(6));
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setId("compareGrid");
        Label hint = new Label("Top: data space (the two rolls cross-fade). Bottom: latent space (each step is a"
                + " melody). Press Interpolate in the Interpolate tab to fill both rows.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getChildren().addAll(hint, grid);
        model.stripProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(List<Melody> latentSteps) {
        grid.getChildren().clear();
        if (latentSteps.size() < 2) {
            return;
        }
        // The strip keeps the originals at its ends, so these are the user's A and B.
        Melody a = latentSteps.get(0);
        Melody b = latentSteps.get(latentSteps.size() - 1);
        grid.add(new Label("Data"), 0, 0);
        grid.add(new Label("Latent"), 0, 1);
        for (int i = 0; i < latentSteps.size(); i++) {
            double t = i / (double) (latentSteps.size() - 1);
            MiniRoll data = new MiniRoll(110, 60);
            data.setBlend(a, b, t);
            MiniRoll latent = new MiniRoll(110, 60);
            latent.setMelody(latentSteps.get(i));
            grid.add(data, i + 1, 0);
            grid.add(latent, i + 1, 1);
        }
    }
}
