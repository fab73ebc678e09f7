package org.melodypalette.app.workbench.project;

import org.melodypalette.files.BoundedFiles;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;

/**
 * Reads and writes project files as JSON (Jackson), atomically. The file format is its own set of
 * small records, so renaming a domain method can never change what is on disk:
 * <pre>
 * {"format": 1, "clip": {"stepsPerQuarter": 4, "beatsPerBar": 4, "beatUnit": 4, "qpm": 120.0,
 *   "lengthSteps": 32, "notes": [[pitch, velocity, startStep, endStep], …]}, "slotA": …, "slotB": …,
 *  "corners": [clip|null ×4], "checkpoint": "/path" | null, "settings": {…}, "lane": [clip, …]}
 * </pre>
 * "lane" (the arrangement lane) may be missing: files written before the lane open with an empty one.
 * <pre>
 * </pre>
 */
public final class ProjectFiles {

    public static final int FORMAT = 1;

    /** Larger than any project the workbench writes (a few hundred KB at most); checked before reading. */
    public static final long MAX_FILE_BYTES = 8L << 20;

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern SOURCE_NOTE =
            Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+)(?:, column: (\\d+))?\\]");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cntrl}");
    private static final Pattern JACKSON_HINT = Pattern.compile(" \\(not recognized as one since Feature '\\w+' "
            + "not enabled for parser\\)|, from `StreamReadConstraints\\.\\w+\\(\\)`");

    /**
     * Reads into a tree (then {@link ProjectJsonReader} checks each value); NaN and Infinity parse so
     * that they are refused with the field's name; a repeated key is an error, not silently the last.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private ProjectFiles() {
    }

    /** The on-disk shape of a melody. */
    record ClipJson(int stepsPerQuarter, int beatsPerBar, int beatUnit, double qpm, int lengthSteps,
                    List<int[]> notes) {
    }

    /** The on-disk shape of a project. */
    record ProjectJson(int format, ClipJson clip, ClipJson slotA, ClipJson slotB, List<ClipJson> corners,
                       String checkpoint, ProjectSettings settings, List<ClipJson> lane) {
    }

    public static byte[] toBytes(ProjectState state) {
        ProjectJson json = new ProjectJson(FORMAT, clip(state.clip()), clip(state.slotA()), clip(state.slotB()),
                state.corners().stream().map(ProjectFiles::clip).toList(), state.checkpoint(), state.settings(),
                state.lane().stream().map(ProjectFiles::clip).toList());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the project", e);
        }
    }

    /** Writes atomically: a failure (full disk, read-only folder) leaves the previous file as it was. */
    public static void write(Path file, ProjectState state) throws IOException {
        SaveLocations.requireFolderFor(file);
        AtomicFiles.write(file, toBytes(state));
    }

    /**
     * Reads a project. Whatever the file holds, a problem with its content is one
     * {@link ProjectFormatException} naming the file, with a one-line message saying what is wrong
     * and where; a file that cannot be read at all is an {@link IOException} naming it.
     */
    public static ProjectState read(Path file) throws IOException {
        byte[] bytes;
        try {
            long size = BoundedFiles.regularSize(file);
            if (size > MAX_FILE_BYTES) {
                throw new ProjectFormatException(file, "the file is " + size + " bytes; a project is at most "
                        + MAX_FILE_BYTES + " bytes", null);
            }
            bytes = BoundedFiles.read(file, (int) MAX_FILE_BYTES);
        } catch (BoundedFiles.Refused e) {
            throw new ProjectFormatException(file, "the file " + e.problem(), null);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "project file does not exist");
        }
        try {
            return ProjectJsonReader.project(parse(file, bytes));
        } catch (ProjectJsonReader.Problem e) {
            throw new ProjectFormatException(file, oneLine(e.getMessage()), null);
        }
    }

    /** The file's one JSON value; not UTF-8, not JSON or more than one value is a ProjectFormatException. */
    private static JsonNode parse(Path file, byte[] bytes) throws ProjectFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProjectFormatException(file, "not a Melody Palette project (the file is not UTF-8 text)", e);
        }
        if (text.startsWith(BYTE_ORDER_MARK)) {
            text = text.substring(1);
        }
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode root = JSON.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new ProjectFormatException(file, "the file is empty", null);
            }
            if (parser.nextToken() != null) {
                throw new ProjectFormatException(file, "there is more after the project's closing brace"
                        + at(parser.currentTokenLocation()), null);
            }
            return root;
        } catch (ProjectFormatException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new ProjectFormatException(file, "not a Melody Palette project ("
                    + oneLine(withoutJacksonNotes(e.getOriginalMessage())) + ")", e);
        } catch (JsonProcessingException e) {
            throw new ProjectFormatException(file, "not a Melody Palette project (not JSON: "
                    + oneLine(withoutJacksonNotes(e.getOriginalMessage())) + at(e.getLocation()) + ")", e);
        } catch (IOException e) {
            // Only JsonProcessingException can come from parsing a String; kept one type for callers.
            throw new ProjectFormatException(file, "not a Melody Palette project (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * Jackson's message without what only a programmer can act on: "[Source: REDACTED (…); line: 1,
     * column: 23]" becomes "line 1, column 23"; the names of parser features and limits go.
     */
    private static String withoutJacksonNotes(String message) {
        if (message == null) {
            return null;
        }
        String located = SOURCE_NOTE.matcher(message).replaceAll(
                m -> "line " + m.group(1) + (m.group(2) == null ? "" : ", column " + m.group(2)));
        return JACKSON_HINT.matcher(located).replaceAll("");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Line breaks and other control characters (echoed from the input) as Unicode escapes. */
    private static String oneLine(String message) {
        if (message == null) {
            return "no details";
        }
        return CONTROL_CHARACTER.matcher(message)
                .replaceAll(m -> String.format("\\\\u%04X", (int) m.group().charAt(0)));
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
}
