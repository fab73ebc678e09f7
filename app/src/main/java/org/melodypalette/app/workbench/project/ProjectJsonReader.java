package org.melodypalette.app.workbench.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * Turns a parsed project file into a {@link ProjectState}, checking every value's type and range
 * and naming what is wrong by its place in the file ({@code clip.notes[3]: pitch 200 is outside
 * MIDI range 0..127}). Settings are the exception: a missing or mistyped setting takes its default,
 * as out-of-range ones are clamped ({@link ProjectSettings}), so a settings typo never costs the clip.
 */
final class ProjectJsonReader {

    /** Longest clip a project may hold, as the editor's bar choice allows. */
    static final int MAX_BARS = 64;
    /** A palette's corners: top-left, top-right, bottom-left, bottom-right. */
    static final int CORNERS = 4;
    /** Most clips a lane may hold (each is at least a bar; the lane holds at most 512 bars). */
    static final int MAX_LANE_CLIPS = 512;

    /** What is wrong with the content; the caller names the file. */
    static final class Problem extends Exception {

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private ProjectJsonReader() {
    }

    static ProjectState project(JsonNode root) throws Problem {
        if (!root.isObject()) {
            throw new Problem("the file holds " + describe(root) + ", not a project");
        }
        JsonNode format = root.get("format");
        if (format == null) {
            throw new Problem("it has no \"format\" number, so it is not a Melody Palette project");
        }
        int version = integer(format, "format");
        if (version > ProjectFiles.FORMAT) {
            throw new Problem("format " + version + " was written by a newer Melody Palette (this one reads format "
                    + ProjectFiles.FORMAT + ")");
        }
        if (version != ProjectFiles.FORMAT) {
            throw new Problem("format " + version + " is not a Melody Palette project format (expected "
                    + ProjectFiles.FORMAT + ")");
        }
        JsonNode clip = root.get("clip");
        if (clip == null || clip.isNull()) {
            throw new Problem("it has no clip");
        }
        return new ProjectState(melody(clip, "clip"), optionalMelody(root.get("slotA"), "slotA"),
                optionalMelody(root.get("slotB"), "slotB"), corners(root.get("corners")),
                checkpoint(root.get("checkpoint")), settings(root.get("settings")), lane(root.get("lane")));
    }

    private static Melody optionalMelody(JsonNode node, String where) throws Problem {
        return node == null || node.isNull() ? null : melody(node, where);
    }

    private static Melody melody(JsonNode node, String where) throws Problem {
        if (!node.isObject()) {
            throw new Problem(where + " must be an object, not " + describe(node));
        }
        TimeGrid grid;
        try {
            grid = new TimeGrid(integer(required(node, where, "stepsPerQuarter"), where + ".stepsPerQuarter"),
                    integer(required(node, where, "beatsPerBar"), where + ".beatsPerBar"),
                    integer(required(node, where, "beatUnit"), where + ".beatUnit"),
                    number(required(node, where, "qpm"), where + ".qpm"));
        } catch (IllegalArgumentException e) {
            throw new Problem(where + ": " + e.getMessage());
        }
        int lengthSteps = integer(required(node, where, "lengthSteps"), where + ".lengthSteps");
        int maxSteps = MAX_BARS * grid.stepsPerBar();
        if (lengthSteps < 1) {
            throw new Problem(where + ".lengthSteps " + lengthSteps + " must be positive");
        }
        if (lengthSteps > maxSteps) {
            throw new Problem(where + ".lengthSteps " + lengthSteps + " is longer than " + MAX_BARS + " bars ("
                    + maxSteps + " steps)");
        }
        List<Note> notes = notes(node.get("notes"), where + ".notes", lengthSteps);
        try {
            return Melody.of(grid, lengthSteps, notes);
        } catch (IllegalArgumentException e) {
            throw new Problem(where + ": " + e.getMessage());
        }
    }

    private static List<Note> notes(JsonNode node, String where, int lengthSteps) throws Problem {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Problem(where + " must be an array, not " + describe(node));
        }
        // A melody never has more notes than steps; checked before building any.
        if (node.size() > lengthSteps) {
            throw new Problem(where + " has " + node.size() + " notes, more than the clip's " + lengthSteps + " steps");
        }
        List<Note> notes = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            String at = where + "[" + i + "]";
            if (!n.isArray() || n.size() != 4) {
                throw new Problem(at + " must be [pitch, velocity, startStep, endStep], not " + describe(n));
            }
            Note note;
            try {
                note = new Note(integer(n.get(0), at + "[0]"), integer(n.get(1), at + "[1]"),
                        integer(n.get(2), at + "[2]"), integer(n.get(3), at + "[3]"));
            } catch (IllegalArgumentException e) {
                throw new Problem(at + ": " + e.getMessage());
            }
            if (note.endStep() > lengthSteps) {
                throw new Problem(at + " ends at step " + note.endStep() + ", after the clip's " + lengthSteps
                        + " steps");
            }
            notes.add(note);
        }
        requireNoOverlap(notes, where);
        return notes;
    }

    /** A clip is monophonic: named by their places in the file, the first two notes that overlap. */
    private static void requireNoOverlap(List<Note> notes, String where) throws Problem {
        Integer[] byStart = new Integer[notes.size()];
        for (int i = 0; i < byStart.length; i++) {
            byStart[i] = i;
        }
        Arrays.sort(byStart, Comparator.comparingInt(i -> notes.get(i).startStep()));
        for (int k = 1; k < byStart.length; k++) {
            Note earlier = notes.get(byStart[k - 1]);
            Note later = notes.get(byStart[k]);
            if (later.startStep() < earlier.endStep()) {
                throw new Problem(where + "[" + byStart[k] + "] starts at step " + later.startStep() + ", before "
                        + where + "[" + byStart[k - 1] + "] ends at step " + earlier.endStep()
                        + " (a clip has one note at a time)");
            }
        }
    }

    private static List<Melody> corners(JsonNode node) throws Problem {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Problem("corners must be an array, not " + describe(node));
        }
        if (node.size() > CORNERS) {
            throw new Problem("corners has " + node.size() + " entries; a palette has " + CORNERS);
        }
        List<Melody> corners = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            corners.add(optionalMelody(node.get(i), "corners[" + i + "]"));
        }
        return corners;
    }

    /** The lane's clips; a project without "lane" (written before the lane existed) has none. */
    private static List<Melody> lane(JsonNode node) throws Problem {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Problem("lane must be an array, not " + describe(node));
        }
        if (node.size() > MAX_LANE_CLIPS) {
            throw new Problem("lane has " + node.size() + " clips; a lane holds at most " + MAX_LANE_CLIPS);
        }
        List<Melody> clips = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            clips.add(melody(node.get(i), "lane[" + i + "]"));
        }
        return clips;
    }

    private static String checkpoint(JsonNode node) throws Problem {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Problem("checkpoint must be a folder path, not " + describe(node));
        }
        String path = node.textValue();
        if (path.isBlank()) {
            throw new Problem("checkpoint is an empty path");
        }
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            throw new Problem("checkpoint is not a usable folder path (" + e.getReason() + ")");
        }
        return path;
    }

    private static ProjectSettings settings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return ProjectSettings.DEFAULTS;
        }
        ProjectSettings d = ProjectSettings.DEFAULTS;
        return new ProjectSettings(
                setting(node, "tempo", JsonNode::isNumber, JsonNode::doubleValue, d.tempo()),
                setting(node, "loop", JsonNode::isBoolean, JsonNode::booleanValue, d.loop()),
                setting(node, "keyRoot", JsonNode::canConvertToInt, JsonNode::intValue, d.keyRoot()),
                setting(node, "scale", JsonNode::isTextual, JsonNode::textValue, d.scale()),
                setting(node, "snapToScale", JsonNode::isBoolean, JsonNode::booleanValue, d.snapToScale()),
                setting(node, "interpolation", JsonNode::isTextual, JsonNode::textValue, d.interpolation()),
                setting(node, "interpolationSteps", JsonNode::canConvertToInt, JsonNode::intValue,
                        d.interpolationSteps()),
                setting(node, "temperature", JsonNode::isNumber, JsonNode::doubleValue, d.temperature()),
                setting(node, "topP", JsonNode::isNumber, JsonNode::doubleValue, d.topP()),
                setting(node, "viewBars", JsonNode::canConvertToInt, JsonNode::intValue, d.viewBars()),
                setting(node, "rowHeight", JsonNode::isNumber, JsonNode::doubleValue, d.rowHeight()));
    }

    private static <T> T setting(JsonNode settings, String name, Predicate<JsonNode> usable,
                                 Function<JsonNode, T> value, T fallback) {
        JsonNode node = settings.get(name);
        return node != null && usable.test(node) ? value.apply(node) : fallback;
    }

    private static JsonNode required(JsonNode object, String where, String field) throws Problem {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new Problem(where + " has no " + field);
        }
        return value;
    }

    private static int integer(JsonNode node, String where) throws Problem {
        if (!node.isIntegralNumber()) {
            throw new Problem(where + " must be a whole number, not " + describe(node));
        }
        if (!node.canConvertToInt()) {
            throw new Problem(where + " is " + (node.bigIntegerValue().signum() > 0 ? "too large" : "too small")
                    + " for a whole number");
        }
        return node.intValue();
    }

    private static double number(JsonNode node, String where) throws Problem {
        if (!node.isNumber()) {
            throw new Problem(where + " must be a number, not " + describe(node));
        }
        return node.doubleValue();
    }

    /** What a value is, in words; numbers are quoted, other values never (they may be long or odd). */
    static String describe(JsonNode node) {
        if (node.isNumber()) {
            return node.isIntegralNumber() && !node.canConvertToLong() ? "a very long number" : node.asText();
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case BOOLEAN -> node.booleanValue() ? "true" : "false";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
