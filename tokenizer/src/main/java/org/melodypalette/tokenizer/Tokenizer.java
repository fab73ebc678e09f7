package org.melodypalette.tokenizer;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;

/**
 * A scheme that turns a melody into a sequence of integer tokens and back. Implementations are
 * pure and deterministic. MusicVAE's one-token-per-step melody encoding ({@link MelodyTokenizer})
 * is the first; a REMI-style bar/position/pitch/duration scheme can be added beside it without
 * touching callers.
 *
 * <h2>What callers may rely on</h2>
 * <ul>
 *   <li>Ids are {@code 0 .. vocabularySize() - 1}; {@link #name()} identifies the meaning of
 *       every id, so it is stored with datasets and checkpoints and compared when loading.</li>
 *   <li>{@link #encode} returns a new array; its length is scheme-defined. Callers must not
 *       assume {@code tokens.length == numSteps} (true for MusicVAE, false for REMI).</li>
 *   <li>{@link #decode} accepts any sequence of valid ids (a model's sampled output) and
 *       returns a well-formed {@link Melody}; ids outside the vocabulary fail.</li>
 *   <li>{@link #tokenName}, {@link #toText} and {@link #parse} give a readable, reversible text
 *       form for golden files, the CLI and debugging.</li>
 * </ul>
 *
 * <h2>How a REMI tokenizer fits (not implemented)</h2>
 * REMI (Huang &amp; Yang 2020; the Compound Word Transformer's base representation) writes one
 * {@code Bar} token per bar, then per note {@code Position_k} (step inside the bar, 0 .. stepsPerBar
 * - 1), {@code Pitch_p} and {@code Duration_d} (in steps, capped or binned), optionally
 * {@code Velocity_v}. A {@code RemiTokenizer implements Tokenizer} would:
 * <ul>
 *   <li>{@code name()}: e.g. {@code remi-<stepsPerBar>-<minPitch>-<maxPitch>-<maxDuration>}, so
 *       two configurations never share a name;</li>
 *   <li>{@code vocabularySize()}: the sum of the token families plus a {@code PAD} id 0 that fixed-
 *       length training batches need (the dataset builder pads with it);</li>
 *   <li>{@code encode(melody, numSteps)}: use {@code melody.grid().stepsPerBar()} for positions
 *       and emit a {@code Bar} token for every bar of the first {@code numSteps} steps, empty bars
 *       included, so that the length survives the round trip;</li>
 *   <li>{@code decode(tokens, grid)}: rebuild notes from (bar, position, pitch, duration) groups,
 *       skip ill-formed groups (as MidiTok does), cut overlaps to keep the melody monophonic, and
 *       take the melody length as {@code Bar count × grid.stepsPerBar()};</li>
 *   <li>{@code tokenName}: {@code Bar}, {@code Position_4}, {@code Pitch_C4}, {@code Duration_2}.</li>
 * </ul>
 * Nothing in this interface assumes one token per step, a fixed length or a particular pitch
 * range, so callers written against it work unchanged. A grammar check of sampled output (which
 * token type may follow which) stays on the implementation, as
 * {@link MelodyTokenizer#silentNoteOffs} does for MusicVAE.
 */
public interface Tokenizer {

    /** A short stable name, stored with datasets and checkpoints (e.g. {@code musicvae-melody-90}). */
    String name();

    /** Number of distinct token ids (ids are {@code 0 .. vocabularySize() - 1}). */
    int vocabularySize();

    /** The tokens of the melody's first {@code numSteps} steps. */
    int[] encode(Melody melody, int numSteps);

    /** The melody the tokens describe, on the given grid. */
    Melody decode(int[] tokens, TimeGrid grid);

    /** A readable name for one token id, for golden files and debugging (e.g. {@code ON_C4}). */
    String tokenName(int token);

    /**
     * The id whose {@link #tokenName} is {@code name}. This default searches every id; schemes
     * with large vocabularies override it.
     */
    default int tokenId(String name) {
        for (int id = 0; id < vocabularySize(); id++) {
            if (tokenName(id).equals(name)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown token '" + name + "' for tokenizer " + name());
    }

    /** The tokens as readable text: their names separated by single spaces. */
    default String toText(int[] tokens) {
        List<String> names = new ArrayList<>(tokens.length);
        for (int token : tokens) {
            names.add(tokenName(token));
        }
        return String.join(" ", names);
    }

    /**
     * The ids of a text of token names separated by any whitespace (spaces, line breaks), as
     * {@link #toText} writes it. Fails on the first unknown name, giving its position.
     */
    default int[] parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] names = trimmed.split("\\s+");
        int[] tokens = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                tokens[i] = tokenId(names[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("token " + (i + 1) + " of " + names.length + ": "
                        + e.getMessage(), e);
            }
        }
        return tokens;
    }
}
