package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.melodypalette.app.input.MelodyReading;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.MorphPath;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palette interpolate}: a latent path from melody A to melody B. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = "Write the melodies along the latent path from A to B as interp_NN.mid files at A's tempo. "
                + "A and B are read from their first bar with a note unless --from-bar says otherwise.")
final class InterpolateCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--steps", defaultValue = "11", description = "Points on the path, endpoints included (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--mode", defaultValue = "SLERP", description = "LERP or SLERP (default ${DEFAULT-VALUE}).")
    Interpolation mode;

    @Option(names = "--keep-originals", description = "Use A and B themselves as the endpoints, not their reconstructions.")
    boolean keepOriginals;

    @Mixin
    RefineChoice refine = new RefineChoice();

    @Option(names = "--spacing", defaultValue = "EVEN", paramLabel = "EVEN|UNIFORM",
            description = "Where the points sit between the refined codes: EVEN spaces them evenly in what is heard "
                    + "(the workbench's strip), UNIFORM evenly on the line (magenta.js; also what --no-refine uses). "
                    + "Default ${DEFAULT-VALUE}.")
    Spacing spacing;

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--force", description = "Replace existing files instead of writing under fresh names.")
    boolean force;

    @Parameters(arity = "2", paramLabel = "MIDI", description = "A and B.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        if (steps < 2 || steps > 256) {
            throw new IllegalArgumentException("--steps must be in 2..256, got " + steps);
        }
        try (LatentCodec codec = model.open()) {
            List<MelodyReading> readings = input.read(files, codec.info());
            List<Melody> ab = readings.stream().map(MelodyReading::melody).toList();
            List<Melody> path = !refine.refines()
                    ? codec.interpolate(ab.get(0), ab.get(1), steps, mode, keepOriginals, sampling.options(0.0))
                    : refinedPath(codec, ab);
            path = MelodyFiles.atTempo(path, readings.get(0).report().qpm());
            MelodyFiles.write(out, "interp", path, force).forEach(System.out::println);
        }
        return 0;
    }

    /**
     * The path between A's and B's refined codes; with --keep-originals, A and B themselves at the ends.
     * Warns about an end whose code does not give it back.
     */
    private List<Melody> refinedPath(LatentCodec codec, List<Melody> ab) {
        List<Encoding> codes = codec.encode(ab, refine.options(codec.refineDefaults()));
        GivenBack.warn(codec, files, ab, codes, keepOriginals
                ? List.of("the path starts on it, then moves from another melody",
                        "the path moves to another melody, then ends on it")
                : List.of("the path's start differs from it", "the path's end differs from it"), System.err);
        LatentCode a = codes.get(0).code();
        LatentCode b = codes.get(1).code();
        MorphPath points = spacing == Spacing.EVEN ? codec.evenPath(a, b, steps, mode) : MorphPath.uniform(steps);
        List<Melody> path = new ArrayList<>(codec.decodeCodeMelodies(points.points(a, b, mode), sampling.options(0.0)));
        if (keepOriginals) {
            path.set(0, codec.melody(codec.labels(ab.get(0))));
            path.set(steps - 1, codec.melody(codec.labels(ab.get(1))));
        }
        return path;
    }

    /** Where the points of a refined path sit ({@link MorphPath#evenChange} or {@link MorphPath#uniform}). */
    enum Spacing { EVEN, UNIFORM }
}
