package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.OutputFiles;
import org.melodypalette.midi.MelodyExtraction;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/** MIDI files ↔ melodies and the CLI's JSON view of melodies. */
final class MelodyFiles {

    private MelodyFiles() {
    }

    /** Each file's melody (track chosen by {@code track}, or the most melody-like), quantised from tick 0. */
    static List<Melody> read(List<Path> files, String track) throws IOException {
        TrackSelector selector = track == null ? TrackSelector.auto() : TrackSelector.parse(track);
        List<Melody> melodies = new ArrayList<>();
        for (Path file : files) {
            melodies.add(MelodyExtraction.extract(MidiFiles.read(file), selector, QuantizeOptions.DEFAULT).melody());
        }
        return melodies;
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
