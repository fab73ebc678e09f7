package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Writes {@code prefix_01.mid …} into {@code dir}; returns the files. */
    static List<Path> write(Path dir, String prefix, List<Melody> melodies) throws IOException {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < melodies.size(); i++) {
            Path file = dir.resolve(String.format("%s_%02d.mid", prefix, i + 1));
            MidiFiles.write(file, melodies.get(i), MidiExport.DEFAULT.withTrackName(prefix + " " + (i + 1)));
            written.add(file);
        }
        return written;
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
