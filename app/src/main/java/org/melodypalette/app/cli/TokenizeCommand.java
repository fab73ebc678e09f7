package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.melodypalette.tokenizer.MelodyTokenizer;
import org.melodypalette.tokenizer.MelodyVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palette tokenize}: each file's melody, from its first bar with a note, as MusicVAE labels. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Print the MusicVAE melody labels of each file's melody (from its first bar with a note "
                + "unless --from-bar says otherwise) over N steps.")
final class TokenizeCommand implements Callable<Integer> {

    @Option(names = "--steps", required = true, description = "Steps to encode (32 = 2 bars of 16ths).")
    int steps;

    @Option(names = "--json", description = "Print {\"labels\": [[...], ...], \"files\": [...]} for the files read, in input order.")
    boolean json;

    @Mixin
    InputOptions input;

    @Parameters(arity = "1..*", paramLabel = "MIDI")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be positive, got " + steps);
        }
        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        MelodyVocabulary range = tokenizer.vocabulary();
        BatchInputs<int[]> read = BatchInputs.read(files, "tokenize", file -> tokenizer.encode(
                input.read(List.of(file), steps, range.minPitch(), range.maxPitch()).get(0).melody(), steps),
                System.err);
        if (read.values().isEmpty()) {
            // every file was bad and said so on stderr: an empty report would read as "no melodies"
            return read.exitCode();
        }
        if (json) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("labels", read.values());
            output.put("files", read.fileNames());
            System.out.println(Json.write(output));
        } else {
            for (int i = 0; i < read.files().size(); i++) {
                System.out.println("# " + read.files().get(i));
                System.out.println(tokenizer.toText(read.values().get(i), 16));
            }
        }
        return read.exitCode();
    }
}
