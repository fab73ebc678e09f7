package org.melodypalette.midi;

/**
 * A set-tempo meta event (FF 51): from {@code tick} on, a quarter note lasts
 * {@code microsPerQuarter} microseconds.
 *
 * @param microsPerQuarter 60,000 (1000 qpm) .. 16,777,215 (the largest 3-byte value, about 3.6 qpm)
 */
public record TempoChange(long tick, int microsPerQuarter) {

    /** The tempo a file has before its first tempo event: 120 qpm. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;
    /** Fastest tempo accepted, 1000 qpm (the limit of {@link org.melodypalette.music.TimeGrid}). */
    public static final int MIN_MICROS_PER_QUARTER = 60_000;
    /** Slowest tempo a set-tempo event can hold. */
    public static final int MAX_MICROS_PER_QUARTER = 0xFF_FFFF;

    public TempoChange {
        if (tick < 0) {
            throw new IllegalArgumentException("tick " + tick + " is negative");
        }
        if (microsPerQuarter < MIN_MICROS_PER_QUARTER || microsPerQuarter > MAX_MICROS_PER_QUARTER) {
            throw new IllegalArgumentException("tempo of " + microsPerQuarter + " microseconds per quarter note is outside "
                    + MIN_MICROS_PER_QUARTER + ".." + MAX_MICROS_PER_QUARTER + " (1000 to 3.6 qpm)");
        }
    }

    /** The tempo event nearest to {@code qpm} quarter notes per minute (microsecond resolution). */
    public static TempoChange ofQpm(long tick, double qpm) {
        return new TempoChange(tick, (int) Math.round(60_000_000.0 / qpm));
    }

    /**
     * Quarter notes per minute: of the tempos that round to {@code microsPerQuarter} (the event's
     * resolution), the one with the fewest decimals, so that a tempo written by {@link #ofQpm}
     * reads back as given: exactly for whole and one-decimal tempos (120, 132, 133.5). Files that
     * were not written that way give values like 90.0002 (666,665 µs).
     */
    public double qpm() {
        double exact = 60_000_000.0 / microsPerQuarter;
        for (int decimals = 0; decimals <= 6; decimals++) {
            double scale = Math.pow(10, decimals);
            double candidate = Math.round(exact * scale) / scale;
            if (Math.round(60_000_000.0 / candidate) == microsPerQuarter) {
                return candidate;
            }
        }
        return exact;
    }
}
