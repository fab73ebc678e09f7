package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.TinyModels;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * The commands with a tiny random-weight hierarchical model, whose refined codes carry bar offsets:
 * {@code interpolate --steps N} starts on A and ends on B, a {@code path} from corner to corner starts and ends
 * on the corners, {@code encode --refine} prints the offsets and
 * {@code reconstruct} gives the melodies back; a flat model's {@code encode --refine} prints no offsets.
 * A melody the model cannot play is named on stderr by the commands whose output's ends or corners it should be.
 */
class PerBarCommandsTest {

    @TempDir
    static Path dir;

    static Path hierarchical;
    static Path flat;
    static List<Melody> melodies;
    static List<String> files = new ArrayList<>();
    /** A melody whose refined code does not give it back. */
    static String leaping;

    @BeforeAll
    static void writeTheModelsAndMelodies() throws IOException {
        hierarchical = TinyModels.write(dir.resolve("hier"), true, 13);
        flat = TinyModels.write(dir.resolve("flat"), false, 13);
        try (LatentCodec codec = MelodyGenerators.open(hierarchical)) {
            melodies = TinyModels.refinableMelodies(codec, 4, 5);
        }
        for (int i = 0; i < melodies.size(); i++) {
            Path file = dir.resolve("melody" + i + ".mid");
            MidiFiles.write(file, melodies.get(i), MidiExport.DEFAULT);
            files.add(file.toString());
        }
        leaping = dir.resolve("leaping.mid").toString();
        MidiFiles.write(Path.of(leaping), notGivenBack(melodies.get(0)), MidiExport.DEFAULT);
    }

    @Test
    void interpolateStartsOnAAndEndsOnB() throws IOException {
        Path out = dir.resolve("interp");

        CliRun run = CliRun.of("interpolate", "--checkpoint", hierarchical.toString(), "--steps", "5", "--from-bar", "1",
                "--out", out.toString(), files.get(0), files.get(1));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> written;
        try (Stream<Path> list = Files.list(out)) {
            written = list.sorted().toList();
        }
        assertThat(written).hasSize(5);
        assertThat(read(written.get(0))).isEqualTo(read(Path.of(files.get(0))));
        assertThat(read(written.get(4))).isEqualTo(read(Path.of(files.get(1))));
        assertThat(read(written.get(0))).isNotEqualTo(read(written.get(4)));
        assertThat(run.err()).doesNotContain("not given back");
    }

    @Test
    void interpolateNamesAnEndItDoesNotGiveBack() throws IOException {
        Path out = dir.resolve("interp-leaping");

        CliRun run = CliRun.of("interpolate", "--checkpoint", hierarchical.toString(), "--steps", "3", "--from-bar", "1",
                "--out", out.toString(), files.get(0), leaping);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> written;
        try (Stream<Path> list = Files.list(out)) {
            written = list.sorted().toList();
        }
        assertThat(written).hasSize(3);
        assertThat(read(written.get(2))).as("the premise: B is not given back").isNotEqualTo(read(Path.of(leaping)));
        assertThat(run.err().lines().filter(line -> line.startsWith("warning:")))
                .singleElement().asString()
                .startsWith("warning: " + leaping + " is not given back exactly by this model (")
                .endsWith("differ): the path's end differs from it");
        assertThat(run.err()).doesNotContain("Exception");

        CliRun kept = CliRun.of("interpolate", "--checkpoint", hierarchical.toString(), "--steps", "3", "--from-bar", "1",
                "--keep-originals", "--out", dir.resolve("interp-kept").toString(), files.get(0), leaping);

        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.err().lines().filter(line -> line.startsWith("warning:")))
                .singleElement().asString()
                .startsWith("warning: " + leaping + " is not given back exactly by this model (")
                .endsWith("differ): the path moves to another melody, then ends on it");
    }

    @Test
    void interpolateBetweenMeansSaysNothingOfGivingBack() throws IOException {
        CliRun run = CliRun.of("interpolate", "--checkpoint", hierarchical.toString(), "--steps", "3", "--from-bar", "1",
                "--no-refine", "--out", dir.resolve("interp-means").toString(), files.get(0), leaping);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("not given back");
    }

    @Test
    void encodeRefinePrintsTheBarOffsetsOfAHierarchicalModelOnly() throws IOException {
        CliRun hier = CliRun.of("encode", "--checkpoint", hierarchical.toString(), "--refine", "--from-bar", "1",
                files.get(0), files.get(1));
        CliRun plain = CliRun.of("encode", "--checkpoint", flat.toString(), "--refine", "--refine-steps", "5",
                "--from-bar", "1", files.get(0));

        assertThat(hier.exitCode()).as(hier.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(hier.out());
        assertThat(json.get("exact")).allMatch(JsonNode::asBoolean);
        JsonNode offsets = json.get("barOffsets");
        assertThat(offsets).hasSize(2);
        assertThat(offsets.get(0)).hasSize(2);
        assertThat(offsets.get(0).get(0)).isNotEmpty();
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(Json.MAPPER.readTree(plain.out()).has("barOffsets")).isFalse();
    }

    @Test
    void aPathFromCornerToCornerStartsAndEndsOnTheCorners() throws IOException {
        Path out = dir.resolve("path.mid");

        CliRun run = CliRun.of("path", "--checkpoint", hierarchical.toString(), "--corners", files.get(0), files.get(1),
                files.get(2), files.get(3), "--points", "0,0 1,1", "--loops", "2", "--from-bar", "1",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(read(out, 1)).isEqualTo(read(Path.of(files.get(0)), 1));
        assertThat(read(out, 3)).as("the second loop, from bar 3").isEqualTo(read(Path.of(files.get(3)), 1));
        assertThat(run.err()).doesNotContain("not given back");
    }

    @Test
    void aPathNamesACornerItDoesNotGiveBack() throws IOException {
        Path out = dir.resolve("path-leaping.mid");

        CliRun run = CliRun.of("path", "--checkpoint", hierarchical.toString(), "--corners", files.get(0), files.get(1),
                files.get(2), leaping, "--points", "0,0 1,1", "--loops", "2", "--from-bar", "1",
                "--out", out.toString());
        CliRun means = CliRun.of("path", "--checkpoint", hierarchical.toString(), "--corners", files.get(0),
                files.get(1), files.get(2), leaping, "--points", "0,0 1,1", "--loops", "2", "--from-bar", "1",
                "--no-refine", "--out", dir.resolve("path-means.mid").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(read(out, 3)).as("the premise: the corner is not given back").isNotEqualTo(read(Path.of(leaping), 1));
        assertThat(run.err().lines().filter(line -> line.startsWith("warning:")))
                .singleElement().asString()
                .startsWith("warning: " + leaping + " is not given back exactly by this model (")
                .endsWith("differ): the palette's bottom-right corner differs from it");
        assertThat(means.exitCode()).as(means.err()).isZero();
        assertThat(means.err()).doesNotContain("not given back");
    }

    @Test
    void reconstructGivesTheMelodiesBack() throws IOException {
        CliRun run = CliRun.of("reconstruct", "--checkpoint", hierarchical.toString(), "--json", "--from-bar", "1",
                files.get(0), files.get(1));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out()).get("melodies")).allMatch(m -> m.get("exact").asBoolean());
    }

    /** Two bars of sixteenths leaping between C4 and G5, which the tiny model's refinement does not give back. */
    private static Melody notGivenBack(Melody like) {
        List<Note> notes = new ArrayList<>();
        for (int step = 0; step < 32; step++) {
            notes.add(Note.of(step % 2 == 0 ? 60 : 79, step, step + 1));
        }
        return Melody.of(like.grid(), 32, notes);
    }

    /** The melody as the commands read it (the first two bars). */
    private static Melody read(Path midi) throws IOException {
        return read(midi, 1);
    }

    /** The two bars from {@code bar} as the commands read them. */
    private static Melody read(Path midi, int bar) throws IOException {
        InputOptions input = new InputOptions();
        input.fromBar = bar;
        try (LatentCodec codec = MelodyGenerators.open(hierarchical)) {
            return input.melodies(List.of(midi), codec.info()).get(0);
        }
    }
}
