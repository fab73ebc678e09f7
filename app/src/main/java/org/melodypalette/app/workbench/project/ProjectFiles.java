package org.melodypalette.app.workbench.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * Reads and writes project files as JSON (Jackson), atomically. The file format is its own set of
 * small records, so renaming a domain method can never change what is on disk:
 * <pre>
 * {"format": 1, "clip": {"stepsPerQuarter": 4, "beatsPerBar": 4, "beatUnit": 4, "qpm": 120.0,
 *   "lengthSteps": 32, "notes": [[pitch, velocity, startStep, endStep], …]}, "slotA": …, "slotB": …,
 *  "corners": [clip|null ×4], "checkpoint": "/path" | null, "settings": {…}}
 * </pre>
 */
public final class ProjectFiles {

    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private ProjectFiles() {
    }

    /** The on-disk shape of a melody. */
    record ClipJson(int stepsPerQuarter, int beatsPerBar, int beatUnit, double qpm, int lengthSteps,
                    List<int[]> notes) {
    }

    /** The on-disk shape of a project. */
    record ProjectJson(int format, ClipJson clip, ClipJson slotA, ClipJson slotB, List<ClipJson> corners,
                       String checkpoint, ProjectSettings settings) {
    }

    public static byte[] toBytes(ProjectState state) {
        ProjectJson json = new ProjectJson(FORMAT, clip(state.clip()), clip(state.slotA()), clip(state.slotB()),
                state.corners().stream().map(ProjectFiles::clip).toList(), state.checkpoint(), state.settings());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the project", e);
        }
    }

    public static void write(Path file, ProjectState state) throws IOException {
        AtomicFiles.write(file, toBytes(state));
    }

    /** Reads a project; any problem is one {@link ProjectFormatException} naming the file. */
    public static ProjectState read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "project file does not exist");
        }
        ProjectJson json;
        try {
            json = JSON.readValue(bytes, ProjectJson.class);
        } catch (JsonProcessingException e) {
            throw new ProjectFormatException(file, "not a Melody Palette project (" + e.getOriginalMessage() + ")", e);
        }
        if (json == null) {
            throw new ProjectFormatException(file, "the file is empty", null);
        }
        if (json.format() != FORMAT) {
            throw new ProjectFormatException(file, "format " + json.format() + " is not supported (expected "
                    + FORMAT + ")", null);
        }
        if (json.clip() == null) {
            throw new ProjectFormatException(file, "it has no clip", null);
        }
        try {
            List<Melody> corners = new ArrayList<>();
            if (json.corners() != null) {
                json.corners().forEach(c -> corners.add(melody(c)));
            }
            return new ProjectState(melody(json.clip()), melody(json.slotA()), melody(json.slotB()), corners,
                    json.checkpoint(), json.settings() == null ? ProjectSettings.DEFAULTS : json.settings());
        } catch (IllegalArgumentException e) {
            throw new ProjectFormatException(file, e.getMessage(), e);
        }
    }

    private static ClipJson clip(Melody melody) {
        if (melody == null) {
            return null;
        }
        TimeGrid g = melody.grid();
        List<int[]> notes = melody.notes().stream()
                .map(n -> new int[] {n.pitch(), n.velocity(), n.startStep(), n.endStep()}).toList();
        return new ClipJson(g.stepsPerQuarter(), g.beatsPerBar(), g.beatUnit(), g.qpm(), melody.lengthSteps(), notes);
    }

    private static Melody melody(ClipJson json) {
        if (json == null) {
            return null;
        }
        TimeGrid grid = new TimeGrid(json.stepsPerQuarter(), json.beatsPerBar(), json.beatUnit(), json.qpm());
        List<Note> notes = new ArrayList<>();
        for (int[] n : json.notes() == null ? List.<int[]>of() : json.notes()) {
            if (n == null || n.length != 4) {
                throw new IllegalArgumentException("a note must be [pitch, velocity, startStep, endStep]");
            }
            notes.add(new Note(n[0], n[1], n[2], n[3]));
        }
        return Melody.of(grid, json.lengthSteps(), notes);
    }
}
