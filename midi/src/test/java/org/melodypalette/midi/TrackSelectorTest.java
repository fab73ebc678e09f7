package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.melodypalette.midi.Smf.file;
import static org.melodypalette.midi.Smf.name;
import static org.melodypalette.midi.Smf.noteOff;
import static org.melodypalette.midi.Smf.noteOn;
import static org.melodypalette.midi.Smf.track;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackSelectorTest {

    /** Track 0 conductor, 1 drums (busiest), 2 bass, 3 chords, 4 melody, 5 an empty "Strings" track. */
    private static final MidiSong BAND = song(file(1, 480,
            track(name(0, "Conductor")),
            track(name(0, "Drums"), notes(9, 40, new int[] {36, 38, 42}, 0)),
            track(name(0, "Bass"), notes(1, 16, new int[] {36, 43}, 0)),
            track(name(0, "Chords"), notes(2, 16, new int[] {60, 64, 67}, 0)),
            track(name(0, "Melody "), notes(3, 12, new int[] {72}, 2, 74, 76)),
            track(name(0, "Strings"))));

    private static MidiSong song(byte[] bytes) {
        try {
            return MidiFiles.read(bytes, "band.mid");
        } catch (MidiFormatException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code count} onsets a quarter apart on {@code channel}; each onset sounds all of
     * {@code chord}, plus {@code extra} pitches cycled in for variety.
     */
    private static byte[] notes(int channel, int count, int[] chord, int extraCount, int... extra) {
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] pitches = extraCount > 0 && i % 3 != 0 ? new int[] {extra[i % extraCount]} : chord;
            for (int pitch : pitches) {
                events.add(noteOn(0, channel, pitch, 100));
            }
            for (int p = 0; p < pitches.length; p++) {
                events.add(noteOff(p == 0 ? 400 : 0, channel, pitches[p]));
            }
            events.add(Smf.event(80, 0xB0 | channel, 7, 100)); // a controller to reach the next quarter
        }
        return Smf.concat(events.toArray(new byte[0][]));
    }

    @Test
    void parsesNamesIndicesAndAuto() {
        assertThat(TrackSelector.parse(" MELODY ")).isEqualTo(TrackSelector.byName("MELODY"));
        assertThat(TrackSelector.parse("3")).isEqualTo(TrackSelector.byIndex(3));
        assertThat(TrackSelector.parse("Auto")).isEqualTo(TrackSelector.auto());
        assertThat(TrackSelector.parse("Track 3")).isEqualTo(TrackSelector.byName("Track 3"));
        assertThat(TrackSelector.parse("-1")).isEqualTo(TrackSelector.byName("-1"));
        assertThatThrownBy(() -> TrackSelector.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a track is a name, an index from 0 or \"auto\"; got nothing");
    }

    @Test
    void byNameIgnoresCaseAndSurroundingSpaces() throws Exception {
        assertThat(TrackSelector.byName("melody").select(BAND).index()).isEqualTo(4);
    }

    @Test
    void byIndexCountsFromZero() throws Exception {
        assertThat(TrackSelector.byIndex(2).select(BAND).name()).isEqualTo("Bass");
    }

    @Test
    void autoPicksTheMostMelodyLikeTrackAndSkipsDrums() throws Exception {
        MidiTrack chosen = TrackSelector.auto().select(BAND);

        assertThat(chosen.name()).isEqualTo("Melody ");
        assertThat(BAND.tracks().get(1).isDrums()).isTrue();
    }

    @Test
    void autoScoresMonophonyPitchAndBusyness() {
        int maxNotes = BAND.tracks().stream().mapToInt(t -> t.notes().size()).max().orElseThrow();
        MidiTrack bass = BAND.tracks().get(2);
        MidiTrack chords = BAND.tracks().get(3);
        MidiTrack melody = BAND.tracks().get(4);

        // bass: all 32 notes in 2-note chords, mean pitch 39.5: 2·0 + 0 + 32/120
        assertThat(TrackSelector.Auto.score(bass, 480, maxNotes)).isCloseTo(32.0 / 120, within(1e-9));
        // chords: 48 notes, mean 63.67: 2·0 + (1 − 6.33/24) + 48/120
        assertThat(TrackSelector.Auto.score(chords, 480, maxNotes))
                .isCloseTo(1 - (70 - 191.0 / 3) / 24 + 48.0 / 120, within(1e-9));
        // melody: 12 single notes, mean (4·72 + 4·74 + 4·76)/12 = 74: 2·1 + (1 − 4/24) + 12/120
        assertThat(TrackSelector.Auto.score(melody, 480, maxNotes))
                .isCloseTo(2 + (1 - 4.0 / 24) + 12.0 / 120, within(1e-9));
    }

    @Test
    void namesTheFileAndListsTracksWhenNothingMatches() {
        assertThatThrownBy(() -> TrackSelector.byName("Vocals").select(BAND))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage("band.mid: no track is named 'Vocals' (tracks: 0 'Conductor', 1 'Drums', 2 'Bass',"
                        + " 3 'Chords', 4 'Melody ', 5 'Strings')");
        assertThatThrownBy(() -> TrackSelector.byIndex(6).select(BAND))
                .isInstanceOf(MidiFormatException.class)
                .hasMessageStartingWith("band.mid: there is no track 6 (tracks: 0 'Conductor',");
        assertThatThrownBy(() -> TrackSelector.byName("strings").select(BAND))
                .isInstanceOf(MidiFormatException.class)
                .hasMessageStartingWith("band.mid: track 5 'Strings' has no notes (tracks: ");
    }

    @Test
    void autoFailsWhenOnlyDrumsPlay() {
        MidiSong drums = song(file(1, 480, track(name(0, "Kit"), notes(9, 4, new int[] {36}, 0))));

        assertThatThrownBy(() -> TrackSelector.auto().select(drums))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage("band.mid: no track has notes outside the drum channel (tracks: 0 'Kit')");
    }
}
