package org.melodypalette.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code palette}: with no subcommand opens the workbench; subcommands are the command-line tools.
 * Every failure a user can cause (a bad file, a missing folder) ends as one line on stderr naming
 * the file and the problem, and exit code 2 — never a stack trace.
 */
@Command(name = "palette", mixinStandardHelpOptions = true, version = "Melody Palette 0.1.0",
        description = "Sketch melody loops with a MusicVAE latent space.",
        subcommands = {CommandLine.HelpCommand.class, TokenizeCommand.class, DatasetCommand.class,
                EncodeCommand.class, DecodeCommand.class, SampleCommand.class, InterpolateCommand.class, BenchCommand.class})
public final class PaletteCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("The workbench is not built yet; see 'palette --help' for the command-line tools.");
        return 1;
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PaletteCommand());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
