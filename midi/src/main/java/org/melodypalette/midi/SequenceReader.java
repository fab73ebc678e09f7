package org.melodypalette.midi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.melodypalette.music.Metre;

/**
 * Turns a parsed {@link Sequence} into a {@link MidiSong}: pairs note-ons with note-offs, collects
 * names, programs, tempos and time signatures, and validates what the project relies on. The
 * pairing rules are documented on {@link MidiFiles}; first-in, first-out pairing is what makes
 * "on, off" at one tick end the older note of that pitch while the new one sounds on.
 */
final class SequenceReader {

    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;

    /** A program change on one channel, anywhere in the file. {@code order} is its position in file order. */
    private record ProgramChange(long tick, int program, int order) {
    }

    /**
     * One file track before it becomes one (or, in format 0, several) {@link MidiTrack}s.
     * {@code firstPrograms[c]} is the track's first program change on channel {@code c},
     * {@code firstPrograms[16]} its first on any channel ({@link MidiTrack#NO_PROGRAM} if none).
     */
    private record RawTrack(int number, String name, List<MidiNote> notes, int firstChannel, long endTick,
                            int[] firstPrograms) {
    }

    private static final int ANY_CHANNEL = 16;

    private final String source;
    private final TreeMap<Long, TempoChange> tempos = new TreeMap<>();
    private final TreeMap<Long, TimeSignatureChange> timeSignatures = new TreeMap<>();
    /** Program changes per channel (index = channel); sorted by tick, then file order, before use. */
    private final List<List<ProgramChange>> programChanges = new ArrayList<>();
    private int programChangeCount;

    private SequenceReader(String source) {
        this.source = source;
        for (int channel = 0; channel < 16; channel++) {
            programChanges.add(new ArrayList<>());
        }
    }

    static MidiSong toSong(Sequence sequence, int format, String source) throws MidiFormatException {
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new MidiFormatException(source, "uses SMPTE time division (" + sequence.getDivisionType()
                    + " frames per second); only ticks-per-quarter-note timing is supported");
        }
        if (sequence.getResolution() <= 0) {
            throw new MidiFormatException(source, "the resolution is " + sequence.getResolution()
                    + " ticks per quarter note; it must be positive");
        }
        return new SequenceReader(source).read(sequence, format);
    }

    private MidiSong read(Sequence sequence, int format) throws MidiFormatException {
        Track[] fileTracks = sequence.getTracks();
        if (fileTracks.length == 0) {
            throw new MidiFormatException(source, "the file has no tracks");
        }
        List<RawTrack> raw = new ArrayList<>();
        for (int i = 0; i < fileTracks.length; i++) {
            raw.add(readTrack(i, fileTracks[i]));
        }
        programChanges.forEach(changes -> changes.sort(
                Comparator.comparingLong(ProgramChange::tick).thenComparingInt(ProgramChange::order)));
        List<MidiTrack> tracks = new ArrayList<>();
        for (RawTrack track : raw) {
            if (format == 0) {
                splitByChannel(track, tracks);
            } else {
                tracks.add(toTrack(tracks.size(), track, track.notes()));
            }
        }
        return new MidiSong(source, format, sequence.getResolution(), tracks,
                List.copyOf(tempos.values()), List.copyOf(timeSignatures.values()));
    }

    /** Format 0 keeps every channel in one track; give each channel its own, in channel order. */
    private void splitByChannel(RawTrack track, List<MidiTrack> into) {
        List<List<MidiNote>> byChannel = new ArrayList<>();
        for (int channel = 0; channel < 16; channel++) {
            byChannel.add(new ArrayList<>());
        }
        track.notes().forEach(note -> byChannel.get(note.channel()).add(note));
        boolean any = false;
        for (List<MidiNote> notes : byChannel) {
            if (!notes.isEmpty()) {
                into.add(toTrack(into.size(), track, notes));
                any = true;
            }
        }
        if (!any) {
            into.add(toTrack(into.size(), track, List.of()));
        }
    }

    private MidiTrack toTrack(int index, RawTrack track, List<MidiNote> notes) {
        int channel = notes.isEmpty() ? track.firstChannel() : dominantChannel(notes);
        int program = notes.isEmpty() ? track.firstPrograms()[ANY_CHANNEL]
                : programAt(channel, notes.get(0).startTick(), track);
        return new MidiTrack(index, track.name(), channel, program, notes, track.endTick());
    }

    private static int dominantChannel(List<MidiNote> notes) {
        int[] counts = new int[16];
        notes.forEach(note -> counts[note.channel()]++);
        int best = 0;
        for (int channel = 1; channel < 16; channel++) {
            if (counts[channel] > counts[best]) {
                best = channel;
            }
        }
        return best;
    }

    /**
     * The program in effect on {@code channel} at {@code tick}, looking at program changes in every
     * track (channels are shared by the whole file); failing that, the track's own first program
     * change on that channel, even if it comes later. A binary search, so that files with many
     * tracks and many program changes are not read in quadratic time.
     */
    private int programAt(int channel, long tick, RawTrack track) {
        List<ProgramChange> changes = programChanges.get(channel);
        int low = 0;
        int high = changes.size(); // the first change after tick is in [low, high]
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (changes.get(mid).tick() <= tick) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low > 0 ? changes.get(low - 1).program() : track.firstPrograms()[channel];
    }

    private RawTrack readTrack(int number, Track track) throws MidiFormatException {
        @SuppressWarnings("unchecked")
        ArrayDeque<MidiNote>[] sounding = new ArrayDeque[16 * 128];
        List<MidiNote> notes = new ArrayList<>();
        String name = null;
        int firstChannel = MidiTrack.NO_CHANNEL;
        long endTick = track.ticks();
        int[] firstPrograms = new int[ANY_CHANNEL + 1];
        Arrays.fill(firstPrograms, MidiTrack.NO_PROGRAM);
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            long tick = event.getTick();
            if (event.getMessage() instanceof ShortMessage message) {
                int command = message.getCommand();
                if (command < 0x80 || command >= 0xF0) {
                    continue;
                }
                int channel = message.getChannel();
                if (firstChannel == MidiTrack.NO_CHANNEL) {
                    firstChannel = channel;
                }
                int key = channel * 128 + message.getData1();
                if (command == ShortMessage.NOTE_ON && message.getData2() > 0) {
                    if (sounding[key] == null) {
                        sounding[key] = new ArrayDeque<>();
                    }
                    // endTick is a placeholder until the note-off arrives
                    sounding[key].addLast(new MidiNote(channel, message.getData1(), message.getData2(), tick, tick));
                } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
                    MidiNote started = sounding[key] == null ? null : sounding[key].pollFirst();
                    if (started != null) {
                        notes.add(ended(started, tick));
                    }
                } else if (command == ShortMessage.PROGRAM_CHANGE) {
                    int program = message.getData1();
                    programChanges.get(channel).add(new ProgramChange(tick, program, programChangeCount++));
                    if (firstPrograms[channel] == MidiTrack.NO_PROGRAM) {
                        firstPrograms[channel] = program;
                    }
                    if (firstPrograms[ANY_CHANNEL] == MidiTrack.NO_PROGRAM) {
                        firstPrograms[ANY_CHANNEL] = program;
                    }
                }
            } else if (event.getMessage() instanceof MetaMessage meta) {
                if (meta.getType() == META_TRACK_NAME && name == null) {
                    name = decodeText(meta.getData());
                } else if (meta.getType() == META_TEMPO) {
                    tempos.put(tick, tempo(meta.getData(), number, tick));
                } else if (meta.getType() == META_TIME_SIGNATURE) {
                    timeSignatures.put(tick, timeSignature(meta.getData(), number, tick));
                }
            }
        }
        for (ArrayDeque<MidiNote> open : sounding) {
            if (open != null) {
                open.forEach(started -> notes.add(ended(started, endTick)));
            }
        }
        notes.sort(MidiTrack.ORDER);
        return new RawTrack(number, name == null ? "" : name, notes, firstChannel, endTick, firstPrograms);
    }

    private static MidiNote ended(MidiNote started, long endTick) {
        return new MidiNote(started.channel(), started.pitch(), started.velocity(), started.startTick(), endTick);
    }

    private TempoChange tempo(byte[] data, int track, long tick) throws MidiFormatException {
        if (data.length != 3) {
            throw new MidiFormatException(source, "track " + track + ", tick " + tick + ": a set-tempo event has "
                    + data.length + " data bytes instead of 3");
        }
        int micros = ((data[0] & 0xFF) << 16) | ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
        if (micros < TempoChange.MIN_MICROS_PER_QUARTER) {
            throw new MidiFormatException(source, "track " + track + ", tick " + tick + ": a tempo of " + micros
                    + " microseconds per quarter note is faster than 1000 qpm");
        }
        return new TempoChange(tick, micros);
    }

    private TimeSignatureChange timeSignature(byte[] data, int track, long tick) throws MidiFormatException {
        if (data.length < 2) {
            throw new MidiFormatException(source, "track " + track + ", tick " + tick + ": a time-signature event has "
                    + data.length + " data bytes instead of 4");
        }
        int numerator = data[0] & 0xFF;
        int denominatorPower = data[1] & 0xFF;
        if (numerator < 1 || numerator > 64 || denominatorPower > 6) {
            throw new MidiFormatException(source, "track " + track + ", tick " + tick + ": time signature "
                    + numerator + "/2^" + denominatorPower + " is outside 1..64 / 1..64");
        }
        return new TimeSignatureChange(tick, new Metre(numerator, 1 << denominatorPower));
    }

    /** Track names are UTF-8 when they decode as such (as we write them), else ISO-8859-1. */
    private static String decodeText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.replace("\0", "");
    }
}
