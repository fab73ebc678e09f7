package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.melodypalette.app.workbench.WorkbenchOptions;
import org.melodypalette.app.workbench.model.ContinuationSession;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.service.MelodyContinuer;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palette continue}: the bars after each melody, K candidates per file, each starting with the melody. */
@Command(name = "continue", mixinStandardHelpOptions = true,
        description = "Continue each MIDI melody by --bars bars with a continuation model; writes --n files per "
                + "input (NAME_continued_01.mid …) into --out, each starting exactly with the input melody.")
final class ContinueCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Continuation checkpoint folder (default: the bundled checkpoints/continue_4bar).")
    Path checkpoint;

    @Option(names = "--bars", required = true, paramLabel = "N", description = "Bars to add (1..64).")
    int bars;

    @Option(names = "--n", defaultValue = "4", paramLabel = "K", description = "Candidates per input (default ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--temperature", defaultValue = "" + ContinuationOptions.DEFAULT_TEMPERATURE, paramLabel = "T",
            description = "0 = argmax; otherwise sample softmax(logits / T) (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "" + ContinuationOptions.DEFAULT_TOP_P, paramLabel = "P", description = "Nucleus sampling mass (default ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--track", description = "Track to read from each file (default: the most melody-like).")
    String track;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--force", description = "Replace existing files instead of writing under fresh names.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "MIDI")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        if (bars < 1 || bars > 64) {
            throw new IllegalArgumentException("--bars must be in 1..64, got " + bars);
        }
        ContinuationOptions options = ContinuationOptions.of(candidates, temperature, topP, seed);
        Set<String> prefixes = new HashSet<>();
        for (Path input : inputs) {
            if (!prefixes.add(prefix(input))) {
                throw new IllegalArgumentException(input + ": another input has the same file name; its continuations "
                        + "would overwrite the first one's");
            }
        }
        try (MelodyContinuer continuer = MelodyContinuer.open(directory())) {
            for (Path input : inputs) {
                Melody primer = read(input);
                List<Melody> continued;
                try {
                    continued = continuer.continueMelody(primer, bars, options);
                } catch (IllegalArgumentException e) {
                    throw new IOException(input + ": " + e.getMessage(), e);
                }
                MelodyFiles.write(out, prefix(input), continued, force).forEach(System.out::println);
            }
        }
        return 0;
    }

    private Path directory() throws IOException {
        if (checkpoint != null) {
            return checkpoint;
        }
        Path bundled = ContinuationSession.bundled(WorkbenchOptions.home());
        if (!Files.isDirectory(bundled)) {
            throw new IOException("no --checkpoint given and no bundled continuation model at " + bundled);
        }
        return bundled;
    }

    /** The file's melody from its first bar with a note; any problem is one message naming the file. */
    private Melody read(Path input) throws IOException {
        try {
            return MelodyFiles.read(List.of(input), track).get(0);
        } catch (IOException | IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            throw new IOException(message.contains(input.toString()) ? message : input + ": " + message, e);
        }
    }

    private static String prefix(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "_continued";
    }
}
