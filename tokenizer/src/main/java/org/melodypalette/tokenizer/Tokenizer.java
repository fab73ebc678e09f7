package org.melodypalette.tokenizer;

import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;

/**
 * A scheme that turns a melody into a sequence of integer tokens and back. Implementations are
 * pure and deterministic. MusicVAE's one-token-per-step melody encoding is the first; a REMI-style
 * bar/position/pitch/duration scheme can be added beside it without touching callers.
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
}
