package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.app.input.MelodyReading;
import org.melodypalette.files.OutputFiles;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.Pitches;

/** MIDI files ↔ melodies and the CLI's JSON view of melodies. */
final class MelodyFiles {

    private MelodyFiles() {
    }

    /**
     * Each file's melody (track chosen by {@code track}, or the most melody-like) from its first bar
     * with a note to the end of the track, pitches folded into the piano range; reductions are
     * announced as {@link InputOptions} does. Commands with a model use {@link InputOptions#read}.
     */
    static List<Melody> read(List<Path> files, String track) throws IOException {
        InputOptions whole = new InputOptions();
        whole.track = track;
        return whole.read(files, null, Pitches.PIANO_LOW, Pitches.PIANO_HIGH).stream()
                .map(MelodyReading::melody).toList();
    }

    /** The melodies at {@code qpm}, e.g. an input's tempo for outputs that a model made at its own. */
    static List<Melody> atTempo(List<Melody> melodies, double qpm) {
        return melodies.stream().map(m -> m.withGrid(m.grid().withTempo(qpm))).toList();
    }

    /**
     * Writes the melodies as {@code prefix_NN.mid} into {@code dir} under fresh numbers (after the
     * files already there, and apart from those another run is writing at the same time), or as
     * {@code prefix_01.mid …} replacing existing files with {@code force}; returns the files.
     */
    static List<Path> write(Path dir, String prefix, List<Melody> melodies, boolean force) throws IOException {
        List<Path> files = OutputFiles.claimNumbered(dir, prefix, "mid", melodies.size(), force);
        try {
            for (int i = 0; i < melodies.size(); i++) {
                MidiFiles.write(files.get(i), melodies.get(i), MidiExport.DEFAULT.withTrackName(prefix + " " + (i + 1)));
            }
        } finally {
            OutputFiles.releaseUnwritten(files);
        }
        return files;
    }

    /** {@code {"labels": [...], "notes": [{"pitch", "start", "end"}, ...]}} with steps as units. */
    static Map<String, Object> toJson(int[] labels, Melody melody) {
        List<Map<String, Integer>> notes = new ArrayList<>();
        for (Note n : melody.notes()) {
            Map<String, Integer> note = new LinkedHashMap<>();
            note.put("pitch", n.pitch());
            note.put("start", n.startStep());
            note.put("end", n.endStep());
            notes.add(note);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labels", labels);
        json.put("notes", notes);
        return json;
    }
}
