package org.melodypalette.datasets;

import java.util.List;
import java.util.Map;

/**
 * Provenance of a built dataset, stored in the dataset file's header.
 *
 * @param bars        bars per window
 * @param stepsPerBar grid steps per bar (16 for 16th notes in 4/4)
 * @param inputs      the files or folders the dataset was built from, as given
 * @param settings    the build settings (grid, splits, filters), by name
 * @param counts      counts by name: files, skipped reasons, windows before and after dedup …
 */
public record DatasetInfo(int bars, int stepsPerBar, List<String> inputs,
                          Map<String, Object> settings, Map<String, Object> counts) {

    public DatasetInfo {
        if (bars < 1 || stepsPerBar < 1) {
            throw new IllegalArgumentException("bars " + bars + " and stepsPerBar " + stepsPerBar
                    + " must be positive");
        }
        inputs = List.copyOf(inputs);
        settings = Map.copyOf(settings);
        counts = Map.copyOf(counts);
    }

    public int numSteps() {
        return bars * stepsPerBar;
    }
}
