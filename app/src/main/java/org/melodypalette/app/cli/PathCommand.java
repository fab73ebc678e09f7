package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.melodypalette.app.input.MelodyReading;
import org.melodypalette.app.workbench.lane.Arrangement;
import org.melodypalette.app.workbench.latent.PalettePath;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palette path}: the workbench's "Path → lane" on the command line. The four corners are
 * encoded (refined codes unless {@code --no-refine}), the path through the palette square is sampled at {@code --loops} evenly spaced points,
 * each blend is decoded, and the loops are written one after another as one MIDI file. A corner whose
 * refined code does not give it back is named on stderr: the palette's corner there is another melody.
 */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Decode a path drawn across the 2-D palette of four corner melodies into one MIDI file of "
                + "loops that evolve from the path's start to its end, at the first corner's tempo.")
final class PathCommand implements Callable<Integer> {

    /** The corners in the order of {@code --corners}. */
    private static final List<String> CORNER_NAMES = List.of("top-left", "top-right", "bottom-left", "bottom-right");

    @Mixin
    ModelOptions model;

    @Option(names = "--corners", arity = "4", required = true, paramLabel = "MIDI",
            description = "Top-left, top-right, bottom-left and bottom-right corner melodies.")
    List<Path> corners;

    @Option(names = "--points", required = true, paramLabel = "\"U,V U,V …\"",
            description = "The path: points in the palette square, 0,0 top-left to 1,1 bottom-right.")
    String points;

    @Option(names = "--loops", defaultValue = "8", description = "Loops along the path, ends included (default ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--bars-per-loop", paramLabel = "N", description = "Each loop's length in bars (default: the model's).")
    Integer barsPerLoop;

    @Option(names = "--smoothing", defaultValue = "0", description = "Smoothing passes over the path, 0..4 (default ${DEFAULT-VALUE}).")
    int smoothing;

    @Mixin
    RefineChoice refine = new RefineChoice();

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE.mid")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (loops < 1 || loops > 256) {
            throw new IllegalArgumentException("--loops must be in 1..256, got " + loops);
        }
        if (smoothing < 0 || smoothing > 4) {
            throw new IllegalArgumentException("--smoothing must be in 0..4, got " + smoothing);
        }
        if (barsPerLoop != null && (barsPerLoop < 1 || barsPerLoop > 64)) {
            throw new IllegalArgumentException("--bars-per-loop must be in 1..64, got " + barsPerLoop);
        }
        PalettePath path;
        try {
            path = PalettePath.parse(points);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--points: " + e.getMessage());
        }
        if (Files.exists(out) && !force) {
            throw new FileAlreadyExistsException(out.toString(), null, "already exists; pass --force to replace it");
        }
        try (LatentCodec codec = model.open()) {
            List<MelodyReading> readings = input.read(corners, codec.info());
            List<Melody> melodies = readings.stream().map(MelodyReading::melody).toList();
            List<Encoding> encoded = codec.encode(melodies, refine.options(codec.refineDefaults()));
            if (refine.refines()) {
                GivenBack.warn(codec, corners, melodies, encoded, CORNER_NAMES.stream()
                        .map(name -> "the palette's " + name + " corner differs from it").toList(), System.err);
            }
            List<LatentCode> codes = PalettePath.cornerCodes(melodies, m -> encoded.stream().map(Encoding::code).toList());
            List<PalettePath.Point> at = path.smoothed(smoothing).sample(loops);
            int bars = barsPerLoop != null ? barsPerLoop : codec.info().bars();
            Arrangement lane = new Arrangement(codec.decodeCodeMelodies(PalettePath.codesAt(codes, at), DecodeOptions.ARGMAX)
                    .stream().map(m -> PalettePath.fitToBars(m, bars)).toList());
            Melody whole = lane.render(readings.get(0).report().qpm());
            MidiFiles.write(out, whole, MidiExport.DEFAULT.withTrackName("Melody Palette path"));
            System.out.println(out + " (" + loops + " loops, " + lane.bars() + " bars)");
        }
        return 0;
    }
}
