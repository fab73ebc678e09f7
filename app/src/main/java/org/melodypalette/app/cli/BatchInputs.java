package org.melodypalette.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of a command that takes many files, each read on its own: a bad file is one line on
 * stderr ("palette COMMAND: FILE: problem") and the others still give their results; the command
 * exits non-zero at the end when any file was bad ({@link #exitCode}).
 *
 * @param files  the files that were read, in input order
 * @param values what each of them gave, in the same order
 * @param bad    how many files could not be read
 */
record BatchInputs<T>(List<Path> files, List<T> values, int bad) {

    /** Reads one file; an IOException or IllegalArgumentException marks it bad. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    BatchInputs {
        files = List.copyOf(files);
        values = List.copyOf(values);
    }

    /** Reads every file with {@code reader}, reporting each bad one on {@code err}. */
    static <T> BatchInputs<T> read(List<Path> inputs, String command, Reader<T> reader, PrintStream err) {
        List<Path> files = new ArrayList<>();
        List<T> values = new ArrayList<>();
        int bad = 0;
        for (Path file : inputs) {
            try {
                values.add(reader.read(file));
                files.add(file);
            } catch (IOException | IllegalArgumentException e) {
                String message = e.getMessage();
                err.println("palette " + command + ": " + (message != null && message.contains(file.toString())
                        ? message : file + ": " + message));
                bad++;
            }
        }
        return new BatchInputs<>(files, values, bad);
    }

    /** 0 when every file was read, else the CLI's user-error code. */
    int exitCode() {
        return bad == 0 ? 0 : UserErrorHandler.USER_ERROR;
    }

    /** The file paths as text, for JSON output beside the results. */
    List<String> fileNames() {
        return files.stream().map(Path::toString).toList();
    }
}
