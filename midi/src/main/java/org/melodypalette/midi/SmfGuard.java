package org.melodypalette.midi;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Walks the raw bytes of a Standard MIDI File once, before javax.sound.midi parses it, and
 * rejects anything that parser would mishandle: it trusts declared chunk lengths (allocating them),
 * silently drops truncated tracks, reads unbounded variable-length numbers and throws
 * {@code ArrayIndexOutOfBoundsException} on some corrupt tracks. The guard allocates nothing in
 * proportion to declared sizes and enforces the {@link MidiLimits}.
 *
 * <p>It is as lenient as javax.sound.midi where files in the wild need it: unknown chunks are
 * skipped, a track may lack its end-of-track event, and bytes after the declared tracks are
 * ignored. Running status follows the SMF specification (meta and sysex events cancel it), where
 * javax.sound.midi versions disagree. Tracks are numbered from 0 in messages.
 */
final class SmfGuard {

    /** What the header says, after validation. */
    record Header(int format, int tracks, int ticksPerQuarter) {
    }

    private static final int HEADER_BYTES = 14;
    private static final int MAX_VARIABLE_LENGTH_BYTES = 4;

    private final byte[] data;
    private final String source;
    private final MidiLimits limits;
    private int ticksPerQuarter;
    private long events;
    /** Read position while scanning a track. */
    private int pos;

    private SmfGuard(byte[] data, String source, MidiLimits limits) {
        this.data = data;
        this.source = source;
        this.limits = limits;
    }

    static Header check(byte[] data, String source, MidiLimits limits) throws MidiFormatException {
        return new SmfGuard(data, source, limits).check();
    }

    private Header check() throws MidiFormatException {
        if (data.length < 4 || !chunkTypeAt(0).equals("MThd")) {
            throw fail("not a MIDI file (it does not start with \"MThd\")");
        }
        if (data.length < HEADER_BYTES) {
            throw fail("truncated: the file ends inside the header (" + data.length + " bytes)");
        }
        long headerLength = u32(4);
        if (headerLength < 6) {
            throw fail("the header chunk is " + headerLength + " bytes long; it must be at least 6");
        }
        if (headerLength > data.length - 8) {
            throw fail("truncated: the header chunk declares " + headerLength + " bytes but the file has "
                    + data.length);
        }
        int format = u16(8);
        int tracks = u16(10);
        int division = u16(12);
        if (format == 2) {
            throw fail("SMF format 2 (independent sequences) is not supported; only formats 0 and 1");
        }
        if (format > 2) {
            throw fail("unknown SMF format " + format + "; only formats 0 and 1 are supported");
        }
        if (tracks == 0) {
            throw fail("the file has no tracks (its header declares 0)");
        }
        if (tracks > limits.maxTracks()) {
            throw fail("the header declares " + tracks + " tracks; at most " + limits.maxTracks() + " are accepted");
        }
        if ((division & 0x8000) != 0) {
            int framesPerSecond = -(byte) (division >> 8);
            throw fail("uses SMPTE time division (" + framesPerSecond + " frames per second, " + (division & 0xFF)
                    + " ticks per frame); only ticks-per-quarter-note timing is supported");
        }
        if (division == 0) {
            throw fail("the time division is 0 ticks per quarter note");
        }
        ticksPerQuarter = division;
        scanChunks(8 + (int) headerLength, tracks);
        return new Header(format, tracks, division);
    }

    private void scanChunks(int firstChunk, int declaredTracks) throws MidiFormatException {
        int chunk = firstChunk;
        int found = 0;
        while (found < declaredTracks) {
            if (data.length - chunk < 8) {
                throw fail("truncated: the header declares " + declaredTracks + " tracks but the file ends after "
                        + found);
            }
            String type = chunkTypeAt(chunk);
            long length = u32(chunk + 4);
            boolean isTrack = type.equals("MTrk");
            String what = isTrack ? "track " + found : "chunk " + printable(type);
            if (length > data.length - chunk - 8) {
                throw fail("truncated: " + what + " at byte " + chunk + " declares " + length
                        + " bytes but only " + (data.length - chunk - 8) + " remain");
            }
            if (isTrack) {
                scanTrack(found, chunk + 8, chunk + 8 + (int) length);
                found++;
            }
            chunk += 8 + (int) length;
        }
    }

    private void scanTrack(int track, int start, int end) throws MidiFormatException {
        long maxTick = limits.maxQuarters() * ticksPerQuarter;
        pos = start;
        long tick = 0;
        int runningStatus = 0;
        while (pos < end) {
            int eventStart = pos;
            tick += readVariableLength(track, end, "a delta time");
            if (tick > maxTick) {
                throw fail("track " + track + " has an event at tick " + tick + ", "
                        + tick / ticksPerQuarter + " quarter notes in, beyond the limit of "
                        + limits.maxQuarters() + " (a huge delta time?)");
            }
            if (++events > limits.maxEvents()) {
                throw fail("the file has more than " + limits.maxEvents() + " events, the limit");
            }
            if (pos >= end) {
                throw truncated(track, "an event", eventStart);
            }
            int status = data[pos] & 0xFF;
            if (status >= 0x80) {
                pos++;
                // sysex and meta events cancel running status (SMF 1.0); javax.sound.midi 17
                // would misread a data byte after them, later versions would keep the old status
                runningStatus = status < 0xF0 ? status : 0;
            } else if (runningStatus == 0) {
                throw fail("track " + track + ", byte " + pos + ": data byte 0x" + hex(status)
                        + " without a preceding status byte (a meta or sysex event cancels running status)");
            } else {
                status = runningStatus; // the data byte at pos is the message's first
            }
            if (status < 0xF0) {
                skipChannelData(track, status, end, eventStart);
            } else if (status == 0xF0 || status == 0xF7) {
                skipPayload(track, end, "a sysex event", eventStart);
            } else if (status == 0xFF) {
                if (pos >= end) {
                    throw truncated(track, "a meta event", eventStart);
                }
                int metaType = data[pos++] & 0xFF;
                if (metaType >= 0x80) {
                    throw fail("track " + track + ", byte " + (pos - 1) + ": meta event type 0x" + hex(metaType)
                            + " is invalid (must be below 0x80)");
                }
                skipPayload(track, end, "a meta event", eventStart);
                if (metaType == 0x2F) {
                    return; // javax.sound.midi stops reading the track at its end-of-track event
                }
            } else {
                throw fail("track " + track + ", byte " + (pos - 1) + ": status byte 0x" + hex(status)
                        + " is not allowed in a MIDI file");
            }
        }
    }

    private void skipChannelData(int track, int status, int end, int eventStart) throws MidiFormatException {
        int command = status & 0xF0;
        int dataBytes = command == 0xC0 || command == 0xD0 ? 1 : 2;
        if (end - pos < dataBytes) {
            throw truncated(track, "a channel message", eventStart);
        }
        for (int i = pos; i < pos + dataBytes; i++) {
            int value = data[i] & 0xFF;
            if (value >= 0x80) {
                throw fail("track " + track + ", byte " + i + ": byte 0x" + hex(value) + " in a channel message (status 0x"
                        + hex(status) + ") is not a data byte (must be below 0x80)");
            }
        }
        pos += dataBytes;
    }

    private void skipPayload(int track, int end, String what, int eventStart) throws MidiFormatException {
        long length = readVariableLength(track, end, "the length of " + what);
        if (length > end - pos) {
            throw truncated(track, what + " of " + length + " bytes", eventStart);
        }
        pos += (int) length;
    }

    /** Reads a variable-length number at {@code pos}: at most 4 bytes, as the SMF specification requires. */
    private long readVariableLength(int track, int end, String what) throws MidiFormatException {
        long value = 0;
        int start = pos;
        int b;
        do {
            if (pos >= end) {
                throw truncated(track, what, start);
            }
            if (pos - start == MAX_VARIABLE_LENGTH_BYTES) {
                throw fail("track " + track + ", byte " + start + ": " + what
                        + " is longer than the 4 bytes a variable-length number may have");
            }
            b = data[pos++] & 0xFF;
            value = (value << 7) | (b & 0x7F);
        } while ((b & 0x80) != 0);
        return value;
    }

    private MidiFormatException truncated(int track, String what, int offset) {
        return fail("truncated: track " + track + " ends inside " + what + " starting at byte " + offset);
    }

    private MidiFormatException fail(String problem) {
        return new MidiFormatException(source, problem);
    }

    private String chunkTypeAt(int pos) {
        return new String(data, pos, 4, StandardCharsets.ISO_8859_1);
    }

    private long u32(int pos) {
        return ((long) u16(pos) << 16) | u16(pos + 2);
    }

    private int u16(int pos) {
        return ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    }

    /** A chunk type as {@code "XFIH"}, or its bytes in hex when they are not printable ASCII. */
    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "\"" + type + "\""
                : "of type 0x" + HexFormat.of().withUpperCase().formatHex(type.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String hex(int value) {
        return String.format("%02X", value);
    }
}
