package org.melodypalette.midi;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which track of a {@link MidiSong} holds the melody: by name, by index, or automatically. Every
 * selector returns a track with notes or fails with a {@link MidiFormatException} that lists the
 * song's tracks.
 */
public sealed interface TrackSelector {

    /** The chosen track. */
    MidiTrack select(MidiSong song) throws MidiFormatException;

    /** The first track whose name equals {@code name} ignoring case and surrounding spaces. */
    static TrackSelector byName(String name) {
        return new ByName(name);
    }

    /** The track at {@code index} in {@link MidiSong#tracks()}, counted from 0. */
    static TrackSelector byIndex(int index) {
        return new ByIndex(index);
    }

    /** The most melody-like track, see {@link Auto}. */
    static TrackSelector auto() {
        return new Auto();
    }

    /**
     * Parses a command-line value ({@code --track NAME|INDEX}): digits give {@link #byIndex}, the
     * word {@code auto} (any case) gives {@link #auto}, anything else {@link #byName}. A track
     * literally named "auto" or "3" can therefore not be chosen by name here.
     */
    static TrackSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a track is a name, an index from 0 or \"auto\"; got nothing");
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("auto")) {
            return auto();
        }
        if (trimmed.matches("\\d{1,9}")) {
            return byIndex(Integer.parseInt(trimmed));
        }
        return byName(trimmed);
    }

    /** Selects by name; see {@link TrackSelector#byName}. */
    record ByName(String name) implements TrackSelector {

        public ByName {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a track name must not be blank");
            }
        }

        @Override
        public MidiTrack select(MidiSong song) throws MidiFormatException {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            List<MidiTrack> named = song.tracks().stream()
                    .filter(track -> track.name().trim().toLowerCase(Locale.ROOT).equals(wanted)).toList();
            if (named.isEmpty()) {
                throw new MidiFormatException(song.source(), "no track is named '" + name + "' (tracks: "
                        + song.trackLabels() + ")");
            }
            return requireNotes(song, named.stream().filter(MidiTrack::hasNotes).findFirst().orElse(named.get(0)));
        }
    }

    /** Selects by position; see {@link TrackSelector#byIndex}. */
    record ByIndex(int index) implements TrackSelector {

        public ByIndex {
            if (index < 0) {
                throw new IllegalArgumentException("track index " + index + " is negative");
            }
        }

        @Override
        public MidiTrack select(MidiSong song) throws MidiFormatException {
            if (index >= song.tracks().size()) {
                throw new MidiFormatException(song.source(), "there is no track " + index + " (tracks: "
                        + song.trackLabels() + ")");
            }
            return requireNotes(song, song.tracks().get(index));
        }
    }

    /**
     * Picks the most melody-like track among those with notes that are not on the drum channel
     * (channel 10): the highest {@link #score}, the lowest index on ties.
     */
    record Auto() implements TrackSelector {

        /** Pitch around which melodies sit (A#4); bass lines and low accompaniment score less. */
        static final double MELODY_CENTRE_PITCH = 70;
        /** Pitches this far from the centre (on average) get no pitch credit. */
        static final double PITCH_RANGE = 24;

        @Override
        public MidiTrack select(MidiSong song) throws MidiFormatException {
            List<MidiTrack> candidates = song.tracks().stream()
                    .filter(track -> track.hasNotes() && !track.isDrums()).toList();
            int maxNotes = candidates.stream().mapToInt(track -> track.notes().size()).max().orElse(0);
            Optional<MidiTrack> best = candidates.stream()
                    .max(Comparator.comparingDouble((MidiTrack track) -> score(track, song.ticksPerQuarter(), maxNotes))
                            .thenComparing(MidiTrack::index, Comparator.reverseOrder()));
            return best.orElseThrow(() -> new MidiFormatException(song.source(),
                    "no track has notes outside the drum channel (tracks: " + song.trackLabels() + ")"));
        }

        /**
         * {@code 2 · monophony + pitchCentrality + notes / maxNotes}, in 0..4, where
         * <ul>
         *   <li>monophony is the share of notes that start while no other pitch of the track sounds:
         *       no other pitch starts on the same tick (doubled notes of one pitch, common in
         *       POP909, are not chords), and every earlier note has ended by then (overlaps of up to
         *       a 32nd note, legato playing, are forgiven);</li>
         *   <li>pitchCentrality is {@code max(0, 1 − |meanPitch − 70| / 24)};</li>
         *   <li>maxNotes is the note count of the busiest candidate track.</li>
         * </ul>
         */
        static double score(MidiTrack track, int ticksPerQuarter, int maxNotes) {
            List<MidiNote> notes = track.notes();
            long legato = ticksPerQuarter / 8;
            long latestEndBefore = Long.MIN_VALUE;
            int solo = 0;
            int i = 0;
            double pitchSum = 0;
            while (i < notes.size()) {
                // notes are sorted by start: handle all notes starting on this tick together
                long start = notes.get(i).startTick();
                int j = i;
                long latestEndHere = Long.MIN_VALUE;
                boolean unison = true;
                while (j < notes.size() && notes.get(j).startTick() == start) {
                    latestEndHere = Math.max(latestEndHere, notes.get(j).endTick());
                    pitchSum += notes.get(j).pitch();
                    unison &= notes.get(j).pitch() == notes.get(i).pitch();
                    j++;
                }
                if (unison && latestEndBefore <= start + legato) {
                    solo += j - i;
                }
                latestEndBefore = Math.max(latestEndBefore, latestEndHere);
                i = j;
            }
            double monophony = (double) solo / notes.size();
            double centrality = Math.max(0, 1 - Math.abs(pitchSum / notes.size() - MELODY_CENTRE_PITCH) / PITCH_RANGE);
            return 2 * monophony + centrality + (double) notes.size() / maxNotes;
        }
    }

    private static MidiTrack requireNotes(MidiSong song, MidiTrack track) throws MidiFormatException {
        if (!track.hasNotes()) {
            throw new MidiFormatException(song.source(), "track " + track.label() + " has no notes (tracks: "
                    + song.trackLabels() + ")");
        }
        return track;
    }
}
