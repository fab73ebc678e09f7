package org.melodypalette.datasets;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import org.melodypalette.files.BoundedFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POP909's {@code index.csv}: the metre of each song. The files' own time-signature events are
 * wrong in most songs (694 of 909 say 1/4), so the index is the authority. A song is duple when
 * it has 2 quavers per beat and 2 or 4 beats per bar: its bars then fit 16-step 4/4 bars.
 */
public final class Pop909Index {

    public static final String FILE_NAME = "index.csv";
    /** Largest index read; POP909's is under 100 kB. */
    static final int MAX_FILE_BYTES = 16 << 20;
    private static final String HEADER_START = "song_id,";

    /** A song's metre as the index gives it. */
    public record Metre(int beatsPerMeasure, int quaversPerBeat) {
        public boolean isDuple() {
            return quaversPerBeat == 2 && (beatsPerMeasure == 2 || beatsPerMeasure == 4);
        }
    }

    private final Path root;
    private final Map<String, Metre> metres;

    private Pop909Index(Path root, Map<String, Metre> metres) {
        this.root = root;
        this.metres = Map.copyOf(metres);
    }

    /** The POP909 index governing {@code file} (in {@code <root>/NNN/NNN.mid}), if there is one. */
    public static Optional<Path> findRoot(Path file) {
        Path songDir = file.toAbsolutePath().getParent();
        Path root = songDir == null ? null : songDir.getParent();
        if (root == null || !Files.isRegularFile(root.resolve(FILE_NAME))) {
            return Optional.empty();
        }
        try (var lines = new BufferedReader(new InputStreamReader(
                BoundedFiles.open(root.resolve(FILE_NAME), MAX_FILE_BYTES), StandardCharsets.UTF_8))) {
            return Optional.ofNullable(lines.readLine()).filter(h -> h.startsWith(HEADER_START)
                    && h.endsWith("num_beats_per_measure,num_quavers_per_beat")).map(h -> root);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public static Pop909Index read(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(BoundedFiles.read(file, MAX_FILE_BYTES))).toString().lines().toList();
        } catch (BoundedFiles.Refused e) {
            throw new DatasetFormatException(file, e.problem());
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(file, "is not UTF-8 text");
        }
        Map<String, Metre> metres = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            // Song names may contain commas: the id is the first field, the metre the last two.
            String[] fields = line.split(",");
            if (fields.length < 3) {
                throw new DatasetFormatException(file, "line " + (i + 1) + " has too few fields");
            }
            try {
                metres.put(fields[0], new Metre(Integer.parseInt(fields[fields.length - 2].strip()),
                        Integer.parseInt(fields[fields.length - 1].strip())));
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(file, "line " + (i + 1) + " has no numeric metre");
            }
        }
        return new Pop909Index(root, metres);
    }

    public Path root() {
        return root;
    }

    /** The metre of the song whose folder holds {@code file}, if the index lists it. */
    public Optional<Metre> metreOf(Path file) {
        Path songDir = file.toAbsolutePath().getParent();
        return Optional.ofNullable(songDir == null ? null : metres.get(songDir.getFileName().toString()));
    }
}
