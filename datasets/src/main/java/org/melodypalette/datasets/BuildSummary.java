package org.melodypalette.datasets;

import java.util.Map;

/**
 * What a build read and produced, written as {@code FILE.json} beside the dataset and printed by
 * the CLI.
 *
 * @param files             MIDI files found
 * @param skipped           files not used, by reason
 * @param windows           windows kept per split after deduplication ({@code train}, {@code eval})
 * @param windowsBeforeDedup windows cut per split before deduplication
 * @param dropped           windows dropped by the filters, by reason (mostly silent, pitch range,
 *                          duplicate, eval window also in train)
 * @param songs             files that gave windows, per split
 * @param meanOnGridShare   mean share of onsets on the step grid over the files used
 * @param seconds           wall time of the build
 */
public record BuildSummary(int files, Map<String, Integer> skipped, Map<String, Integer> windows,
                           Map<String, Integer> windowsBeforeDedup, Map<String, Integer> dropped,
                           Map<String, Integer> songs, double meanOnGridShare, double seconds) {

    public BuildSummary {
        skipped = Map.copyOf(skipped);
        windows = Map.copyOf(windows);
        windowsBeforeDedup = Map.copyOf(windowsBeforeDedup);
        dropped = Map.copyOf(dropped);
        songs = Map.copyOf(songs);
    }
}
