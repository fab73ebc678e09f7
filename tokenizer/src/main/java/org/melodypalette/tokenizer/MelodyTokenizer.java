package org.melodypalette.tokenizer;

import static org.melodypalette.tokenizer.MelodyVocabulary.NOTE_OFF;
import static org.melodypalette.tokenizer.MelodyVocabulary.NO_EVENT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * MusicVAE's melody encoding: one token per step, ids as in {@link MelodyVocabulary}
 * (0 = NO_EVENT, 1 = NOTE_OFF, 2.. = note-on), exactly as magenta.js 1.23.1's
 * {@code MelodyConverter} computes its input labels and reads its output labels.
 *
 * <p>Encoding ({@link #encodeNotes}; {@link #encode} passes a melody's notes to it):
 * <ol>
 *   <li>Start from {@code numSteps} NO_EVENTs.</li>
 *   <li>Sort the notes by start step; notes starting together go highest pitch first (a stable
 *       sort, so equal pitches keep their order).</li>
 *   <li>For each note: skip it if it starts where the previous kept note started (polyphony:
 *       the highest pitch wins). Check its pitch (see {@link OutOfRangePolicy}). Write its
 *       note-on at its start step, then NOTE_OFF at its end step. Writes at or past
 *       {@code numSteps} are dropped: a note ending there gets no NOTE_OFF and a note starting
 *       there vanishes (its pitch is still checked, as in magenta.js).</li>
 * </ol>
 * A later note's start overwrites an earlier note's NOTE_OFF at the same step (legato). When notes
 * overlap, the earlier note's NOTE_OFF is written anyway and is never cleared, so it can cut the
 * later note short: magenta.js does this and so do we, for identical model inputs.
 *
 * <p>Decoding ({@link #decode}), per step: NO_EVENT does nothing; NOTE_OFF ends the sounding note
 * (if any) at this step; a note-on ends the sounding note (if any) at this step and starts its
 * pitch, so a repeated note-on re-attacks. A note still sounding after the last step ends at
 * {@code tokens.length}. Decoded notes get {@link Note#DEFAULT_VELOCITY}.
 *
 * <p>Example (numSteps 8): C4 on steps [0, 2), E4 on [2, 3), G4 on [5, 8) →
 * {@code ON_C4 NO_EVENT ON_E4 NOTE_OFF NO_EVENT ON_G4 NO_EVENT NO_EVENT} = {@code 41 0 45 1 0 48 0 0}.
 *
 * <p>For a monophonic {@link Melody} inside the range, with default velocities and
 * {@code numSteps == lengthSteps}, {@code decode(encode(m, n), m.grid()) == m}.
 *
 * @param vocabulary       the pitch range and its ids
 * @param outOfRangePolicy what to do with a pitch outside the range
 */
public record MelodyTokenizer(MelodyVocabulary vocabulary, OutOfRangePolicy outOfRangePolicy)
        implements Tokenizer {

    private static final String NAME_PREFIX = "musicvae-melody-";
    private static final Pattern CUSTOM_NAME = Pattern.compile("musicvae-melody-(\\d+)-(\\d+)");

    public MelodyTokenizer {
        if (vocabulary == null || outOfRangePolicy == null) {
            throw new IllegalArgumentException("vocabulary and outOfRangePolicy are required");
        }
        if (outOfRangePolicy == OutOfRangePolicy.OCTAVE_FOLD && !vocabulary.spansAnOctave()) {
            throw new IllegalArgumentException("OCTAVE_FOLD needs a range of at least 12 pitches, not "
                    + vocabulary.minPitch() + ".." + vocabulary.maxPitch());
        }
    }

    /** Magenta's tokenizer: pitches 21..108 (90 ids), out-of-range pitches fail. */
    public static MelodyTokenizer magenta() {
        return new MelodyTokenizer(MelodyVocabulary.MAGENTA, OutOfRangePolicy.STRICT);
    }

    /** A tokenizer for the pitch range {@code minPitch..maxPitch} (inclusive). */
    public static MelodyTokenizer of(int minPitch, int maxPitch, OutOfRangePolicy outOfRangePolicy) {
        return new MelodyTokenizer(new MelodyVocabulary(minPitch, maxPitch), outOfRangePolicy);
    }

    /**
     * The tokenizer a {@link #name()} stands for, with {@link OutOfRangePolicy#STRICT} (the policy
     * changes only what is accepted, not what ids mean, so it is not part of the name).
     */
    public static MelodyTokenizer fromName(String name) {
        if (name.equals(magenta().name())) {
            return magenta();
        }
        Matcher matcher = CUSTOM_NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a MusicVAE melody tokenizer name: expected "
                    + magenta().name() + " or " + NAME_PREFIX + "<minPitch>-<maxPitch>");
        }
        return of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                OutOfRangePolicy.STRICT);
    }

    /** The same vocabulary with another out-of-range policy. */
    public MelodyTokenizer withOutOfRangePolicy(OutOfRangePolicy policy) {
        return new MelodyTokenizer(vocabulary, policy);
    }

    /** {@code musicvae-melody-90} for Magenta's range, else {@code musicvae-melody-<min>-<max>}. */
    @Override
    public String name() {
        return vocabulary.equals(MelodyVocabulary.MAGENTA)
                ? NAME_PREFIX + vocabulary.size()
                : NAME_PREFIX + vocabulary.minPitch() + "-" + vocabulary.maxPitch();
    }

    @Override
    public int vocabularySize() {
        return vocabulary.size();
    }

    /** {@code numSteps} tokens for the melody's notes; see {@link #encodeNotes}. */
    @Override
    public int[] encode(Melody melody, int numSteps) {
        return encodeNotes(melody.notes(), numSteps);
    }

    /**
     * {@code numSteps} tokens for any notes: unsorted, polyphonic or overlapping, starting or
     * ending past {@code numSteps} (velocities are ignored). This is magenta.js's
     * {@code MelodyConverter.toTensor} labels, quirks included; see the class comment.
     *
     * @throws PitchOutOfRangeException under {@link OutOfRangePolicy#STRICT}, for the first kept
     *                                  note outside the range
     */
    public int[] encodeNotes(List<Note> notes, int numSteps) {
        if (numSteps < 1) {
            throw new IllegalArgumentException("numSteps " + numSteps + " must be positive");
        }
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingInt(Note::startStep)
                .thenComparing(Comparator.comparingInt(Note::pitch).reversed()));
        int[] tokens = new int[numSteps];
        int lastStart = -1;
        for (Note note : sorted) {
            if (note.startStep() == lastStart) {
                continue;
            }
            writeInside(tokens, note.startStep(), vocabulary.noteOn(pitchToEncode(note)));
            writeInside(tokens, note.endStep(), NOTE_OFF);
            lastStart = note.startStep();
        }
        return tokens;
    }

    /** The melody the tokens describe: {@code tokens.length} steps on {@code grid}. */
    @Override
    public Melody decode(int[] tokens, TimeGrid grid) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("cannot decode an empty token sequence: a melody has at least one step");
        }
        List<Note> notes = new ArrayList<>();
        int soundingPitch = -1;
        int soundingStart = -1;
        for (int step = 0; step < tokens.length; step++) {
            int token = checkedToken(tokens, step);
            if (token == NO_EVENT) {
                continue;
            }
            if (soundingPitch >= 0) {
                notes.add(Note.of(soundingPitch, soundingStart, step));
                soundingPitch = -1;
            }
            if (token != NOTE_OFF) {
                soundingPitch = vocabulary.pitchOf(token);
                soundingStart = step;
            }
        }
        if (soundingPitch >= 0) {
            notes.add(Note.of(soundingPitch, soundingStart, tokens.length));
        }
        return new Melody(grid, tokens.length, notes);
    }

    @Override
    public String tokenName(int token) {
        return vocabulary.name(token);
    }

    @Override
    public int tokenId(String name) {
        return vocabulary.id(name);
    }

    /**
     * Readable text with {@code tokensPerLine} names per line (e.g. one bar of steps per line),
     * names separated by single spaces, each line ending in a line break. {@link #parse} reads it back.
     */
    public String toText(int[] tokens, int tokensPerLine) {
        if (tokensPerLine < 1) {
            throw new IllegalArgumentException("tokensPerLine " + tokensPerLine + " must be positive");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            text.append(tokenName(tokens[i]));
            text.append((i + 1) % tokensPerLine == 0 || i + 1 == tokens.length ? '\n' : ' ');
        }
        return text.toString();
    }

    /**
     * A grammar check for sampled output: the number of NOTE_OFF tokens at steps where no note is
     * sounding (they decode to nothing). Every other sequence of valid ids is well-formed.
     * {@link #encode} of a monophonic melody never produces one; the overlap quirk of
     * {@link #encodeNotes} can.
     */
    public int silentNoteOffs(int[] tokens) {
        int count = 0;
        boolean sounding = false;
        for (int step = 0; step < tokens.length; step++) {
            int token = checkedToken(tokens, step);
            if (token == NOTE_OFF) {
                count += sounding ? 0 : 1;
                sounding = false;
            } else if (token != NO_EVENT) {
                sounding = true;
            }
        }
        return count;
    }

    private int pitchToEncode(Note note) {
        if (vocabulary.contains(note.pitch())) {
            return note.pitch();
        }
        if (outOfRangePolicy == OutOfRangePolicy.OCTAVE_FOLD) {
            return vocabulary.octaveFold(note.pitch());
        }
        throw new PitchOutOfRangeException(note.pitch(), vocabulary.minPitch(), vocabulary.maxPitch(),
                "the note at steps [" + note.startStep() + ", " + note.endStep() + ")");
    }

    /** magenta.js writes into a typed array, which silently ignores indices past its end. */
    private static void writeInside(int[] tokens, int step, int token) {
        if (step < tokens.length) {
            tokens[step] = token;
        }
    }

    private int checkedToken(int[] tokens, int step) {
        int token = tokens[step];
        if (token < 0 || token >= vocabulary.size()) {
            throw new IllegalArgumentException("token " + token + " at step " + step
                    + " is outside this vocabulary's ids 0.." + (vocabulary.size() - 1));
        }
        return token;
    }
}
