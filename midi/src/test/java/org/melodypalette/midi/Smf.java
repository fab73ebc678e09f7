package org.melodypalette.midi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds Standard MIDI File bytes by hand, so tests control every byte (including broken ones).
 * Events take their delta time in ticks first; {@link #track} wraps events in an MTrk chunk.
 */
final class Smf {

    private Smf() {
    }

    /** Header chunk plus the given (already wrapped) chunks. */
    static byte[] file(int format, int division, byte[]... trackChunks) {
        return concat(header(format, trackChunks.length, division), concat(trackChunks));
    }

    static byte[] header(int format, int tracks, int division) {
        return concat(ascii("MThd"), u32(6), u16(format), u16(tracks), u16(division));
    }

    /** An MTrk chunk with the events and an end-of-track right after the last one. */
    static byte[] track(byte[]... events) {
        return chunk("MTrk", concat(concat(events), endOfTrack(0)));
    }

    static byte[] chunk(String type, byte[] body) {
        return concat(ascii(type), u32(body.length), body);
    }

    static byte[] event(long delta, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return concat(varLen(delta), data);
    }

    static byte[] noteOn(long delta, int channel, int pitch, int velocity) {
        return event(delta, 0x90 | channel, pitch, velocity);
    }

    static byte[] noteOff(long delta, int channel, int pitch) {
        return event(delta, 0x80 | channel, pitch, 64);
    }

    static byte[] program(long delta, int channel, int program) {
        return event(delta, 0xC0 | channel, program);
    }

    static byte[] name(long delta, String name) {
        return meta(delta, 0x03, name.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] tempo(long delta, int microsPerQuarter) {
        return meta(delta, 0x51, new byte[] {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8),
            (byte) microsPerQuarter});
    }

    static byte[] timeSignature(long delta, int numerator, int denominatorPower) {
        return meta(delta, 0x58, new byte[] {(byte) numerator, (byte) denominatorPower, 24, 8});
    }

    static byte[] endOfTrack(long delta) {
        return meta(delta, 0x2F, new byte[0]);
    }

    static byte[] meta(long delta, int type, byte[] data) {
        return concat(varLen(delta), new byte[] {(byte) 0xFF, (byte) type}, varLen(data.length), data);
    }

    static byte[] varLen(long value) {
        int groups = 1;
        while (value >> (7 * groups) != 0) {
            groups++;
        }
        byte[] out = new byte[groups];
        for (int i = 0; i < groups; i++) {
            int shift = 7 * (groups - 1 - i);
            out[i] = (byte) (((value >> shift) & 0x7F) | (i < groups - 1 ? 0x80 : 0));
        }
        return out;
    }

    static byte[] u32(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    static byte[] u16(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
