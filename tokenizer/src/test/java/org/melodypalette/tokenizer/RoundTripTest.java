package org.melodypalette.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.GoldenFiles;

/**
 * {@code decode(encode(m)) == m} for monophonic melodies, readable golden token files for the
 * hand-written ones, and {@code encode(decode(t))} for arbitrary (sampled-like) token sequences.
 */
class RoundTripTest {

    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4;
    private static final long SEED = 20240611L;

    private final MelodyTokenizer tokenizer = MelodyTokenizer.magenta();

    /** Hand-written melodies, by golden-file name. */
    static Map<String, Melody> handWritten() {
        Map<String, Melody> melodies = new TreeMap<>();
        melodies.put("twinkle", Melody.of(GRID, 32, List.of(
                Note.of(60, 0, 4), Note.of(60, 4, 8), Note.of(67, 8, 12), Note.of(67, 12, 16),
                Note.of(69, 16, 20), Note.of(69, 20, 24), Note.of(67, 24, 32))));
        melodies.put("staccato_with_rests", Melody.of(GRID, 16, List.of(
                Note.of(72, 0, 1), Note.of(71, 2, 3), Note.of(69, 6, 7), Note.of(67, 12, 13))));
        melodies.put("legato_repeats_and_extremes", Melody.of(GRID, 16, List.of(
                Note.of(21, 0, 3), Note.of(21, 3, 4), Note.of(108, 4, 10), Note.of(61, 10, 11),
                Note.of(61, 11, 15), Note.of(70, 15, 16))));
        melodies.put("silence", Melody.silent(GRID, 16));
        melodies.put("one_long_note", Melody.of(GRID, 16, List.of(Note.of(66, 0, 16))));
        return melodies;
    }

    static List<String> handWrittenNames() {
        return List.copyOf(handWritten().keySet());
    }

    @ParameterizedTest
    @MethodSource("handWrittenNames")
    void handWrittenMelodyRoundTripsAndMatchesItsGoldenTokens(String name) {
        Melody melody = handWritten().get(name);

        int[] tokens = tokenizer.encode(melody, melody.lengthSteps());
        String text = tokenizer.toText(tokens, GRID.stepsPerBar());

        assertThat(tokenizer.decode(tokens, GRID)).isEqualTo(melody);
        GoldenFiles.assertMatches("tokens/" + name + ".tokens.txt", text);
        assertThat(tokenizer.parse(text)).containsExactly(tokens);
    }

    @Test
    void randomMonophonicMelodiesRoundTrip() {
        Random random = new Random(SEED);
        for (int i = 0; i < 500; i++) {
            Melody melody = randomMelody(random);

            int[] tokens = tokenizer.encode(melody, melody.lengthSteps());

            assertThat(tokens).hasSize(melody.lengthSteps());
            assertThat(tokenizer.silentNoteOffs(tokens)).isZero();
            assertThat(tokenizer.decode(tokens, GRID)).as("random melody %d: %s", i, melody).isEqualTo(melody);
        }
    }

    @Test
    void arbitraryTokensReEncodeWithoutTheirSilentNoteOffs() {
        // Sampled output may hold NOTE_OFFs where nothing sounds; they are the only tokens that
        // decoding loses, so re-encoding gives back the sequence with those turned into NO_EVENT.
        Random random = new Random(SEED);
        int silentNoteOffsSeen = 0;
        for (int i = 0; i < 500; i++) {
            int[] tokens = randomTokens(random, 32);

            Melody melody = tokenizer.decode(tokens, GRID);

            int[] expected = withoutSilentNoteOffs(tokens);
            silentNoteOffsSeen += tokenizer.silentNoteOffs(tokens);
            assertThat(tokenizer.encode(melody, tokens.length)).as("tokens %d", i).containsExactly(expected);
        }
        assertThat(silentNoteOffsSeen).as("the generator exercises silent NOTE_OFFs").isPositive();
    }

    /** 1..8 bars of notes 1..8 steps long with 0..3-step gaps, a third of them repeating a pitch. */
    private static Melody randomMelody(Random random) {
        int length = GRID.stepsPerBar() * (1 + random.nextInt(8));
        List<Note> notes = new ArrayList<>();
        int step = random.nextInt(4);
        int pitch = 21 + random.nextInt(88);
        while (step < length) {
            int end = Math.min(length, step + 1 + random.nextInt(8));
            if (random.nextInt(3) > 0) {
                pitch = 21 + random.nextInt(88);
            }
            notes.add(Note.of(pitch, step, end));
            step = end + (random.nextInt(2) == 0 ? 0 : random.nextInt(4));
        }
        return new Melody(GRID, length, notes);
    }

    /** Mostly NO_EVENT, some NOTE_OFF, some note-ons, like an untrained model's samples. */
    private static int[] randomTokens(Random random, int length) {
        int[] tokens = new int[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            tokens[i] = kind < 5 ? MelodyVocabulary.NO_EVENT
                    : kind < 7 ? MelodyVocabulary.NOTE_OFF
                    : MelodyVocabulary.FIRST_PITCH + random.nextInt(88);
        }
        return tokens;
    }

    private static int[] withoutSilentNoteOffs(int[] tokens) {
        int[] cleaned = tokens.clone();
        boolean sounding = false;
        for (int i = 0; i < cleaned.length; i++) {
            if (cleaned[i] == MelodyVocabulary.NOTE_OFF && !sounding) {
                cleaned[i] = MelodyVocabulary.NO_EVENT;
            }
            sounding = cleaned[i] >= MelodyVocabulary.FIRST_PITCH
                    || (sounding && cleaned[i] == MelodyVocabulary.NO_EVENT);
        }
        return cleaned;
    }
}
