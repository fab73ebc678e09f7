package org.melodypalette.app.input;

import org.melodypalette.music.Melody;

/**
 * A melody read from a file and the report of how it was read.
 *
 * @param melody on the file's grid (its metre and first tempo), exactly the bars read
 * @param report where it came from and what was reduced
 */
public record MelodyReading(Melody melody, ReadingReport report) {

    public MelodyReading {
        if (melody == null || report == null) {
            throw new IllegalArgumentException("melody and report are required");
        }
    }
}
