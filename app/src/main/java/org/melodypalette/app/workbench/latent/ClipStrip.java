package org.melodypalette.app.workbench.latent;

import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.clip.ClipCard;
import org.melodypalette.music.Melody;

/** A horizontal, scrollable row of {@link ClipCard}s (interpolation steps, samples…). */
public final class ClipStrip extends ScrollPane {

    private final HBox row = new HBox(6);
    private final ClipActions actions;
    private final IntFunction<String> caption;

    ClipStrip(ClipActions actions, IntFunction<String> caption) {
        this.actions = actions;
        this.caption = caption;
        row.setPadding(new Insets(4));
        setContent(row);
        setFitToHeight(true);
        setPrefViewportHeight(128);
        setVbarPolicy(ScrollBarPolicy.NEVER);
    }

    void show(List<Melody> melodies) {
        row.getChildren().clear();
        for (int i = 0; i < melodies.size(); i++) {
            row.getChildren().add(new ClipCard(caption.apply(i), melodies.get(i), actions, 150, 64));
        }
    }

    public List<ClipCard> cards() {
        return row.getChildren().stream().map(ClipCard.class::cast).toList();
    }
}
