package org.melodypalette.midi;

import org.melodypalette.music.Melody;

/**
 * From a song to one monophonic melody: select a track ({@link TrackSelector}), snap it to a step
 * grid ({@link Quantizer}), then keep one note at a time ({@link org.melodypalette.music.PianoRoll#toMelody}:
 * the highest pitch wins among notes starting on the same step, and each onset ends the note before).
 */
public final class MelodyExtraction {

    private MelodyExtraction() {
    }

    public static ExtractedMelody extract(MidiSong song, TrackSelector selector, QuantizeOptions options)
            throws MidiFormatException {
        QuantizedTrack quantized = Quantizer.quantize(song, selector, options);
        Melody melody = quantized.roll().toMelody();
        return new ExtractedMelody(melody, quantized.track().index(), quantized.track().name(),
                quantized.tickGrid().offsetTicks(), quantized.onGridShare());
    }
}
