package org.melodypalette.app.workbench.model;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * A clip shaped to the length a model reads ({@link ModelInfo#numSteps()}), and the sentence that
 * says what was done to it. A model cuts or pads whatever it gets, so a 2-bar clip given to a
 * 16-bar model would be 14 bars of silence and a 16-bar clip given to a 2-bar model would lose 14
 * bars without a word; here a longer clip keeps its first bars ("B uses bars 1–2 of 16") and a
 * shorter one is repeated until it fills the model ("A (2 bars) repeated 8× to fill the 16-bar
 * model"). A clip with no notes is refused: the model would turn it into silence.
 *
 * @param melody the clip at exactly the model's length, or null when refused
 * @param note   what was done or why it was refused, or null when the clip fits as it is
 */
public record ClipFit(Melody melody, String note) {

    /** Whether the clip can go to the model ({@link #note()} says why not otherwise). */
    public boolean usable() {
        return melody != null;
    }

    /** Whether the clip was changed or refused, i.e. there is something to tell the user. */
    public boolean changed() {
        return note != null;
    }

    /**
     * Shapes {@code clip}, called {@code name} in messages ("A", "Top-left", "the clip"), to the
     * length of {@code model}. A null clip or model gives a refusal.
     */
    public static ClipFit of(String name, Melody clip, ModelInfo model) {
        if (clip == null) {
            return new ClipFit(null, name + " is empty");
        }
        if (clip.isSilent()) {
            return new ClipFit(null, name + " has no notes: draw, import or sample some first");
        }
        if (model == null) {
            return new ClipFit(clip, null);
        }
        int want = model.numSteps();
        int have = clip.lengthSteps();
        if (have == want) {
            return new ClipFit(clip, null);
        }
        if (have > want) {
            int lastBar = Math.max(1, (int) Math.ceil(want / (double) clip.grid().stepsPerBar()));
            Melody cut = clip.slice(0, want);
            if (cut.isSilent()) {
                return new ClipFit(null, name + " has no notes in bars 1–" + lastBar + ", the "
                        + bars(model.bars()) + " the model reads: move the notes there or open a longer model");
            }
            return new ClipFit(cut, name + " uses bars 1–" + lastBar + " of " + clip.bars() + " (the model reads "
                    + bars(model.bars()) + ")");
        }
        return new ClipFit(repeated(clip, want), name + " (" + bars(clip.bars()) + ") repeated "
                + repeatCount(have, want) + " to fill the " + model.bars() + "-bar model");
    }

    /** {@code clip} played again and again until {@code steps} long, the last copy cut at the end. */
    public static Melody repeated(Melody clip, int steps) {
        List<Note> notes = new ArrayList<>();
        for (int offset = 0; offset < steps; offset += clip.lengthSteps()) {
            for (Note n : clip.notes()) {
                int start = n.startStep() + offset;
                int end = Math.min(n.endStep() + offset, steps);
                if (start < steps) {
                    notes.add(n.withSpan(start, end));
                }
            }
        }
        return new Melody(clip.grid(), steps, notes);
    }

    private static String repeatCount(int have, int want) {
        return want % have == 0 ? want / have + "×" : String.format(java.util.Locale.ROOT, "%.1f×", want / (double) have);
    }

    /** " · A uses bars 1–2 of 16 · …" for the fits that changed a clip (to end a status message), or "". */
    public static String notes(List<ClipFit> fits) {
        StringBuilder text = new StringBuilder();
        for (ClipFit fit : fits) {
            if (fit.changed()) {
                text.append(" · ").append(fit.note());
            }
        }
        return text.toString();
    }

    /** The first refusal among {@code fits}, or null when every clip can go to the model. */
    public static ClipFit firstRefusal(List<ClipFit> fits) {
        return fits.stream().filter(f -> !f.usable()).findFirst().orElse(null);
    }

    /** "1 bar", "16 bars". */
    public static String bars(int n) {
        return n + (n == 1 ? " bar" : " bars");
    }
}
