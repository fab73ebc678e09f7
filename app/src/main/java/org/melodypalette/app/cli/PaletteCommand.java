package org.melodypalette.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodypalette.app.workbench.WorkbenchApp;
import org.melodypalette.app.workbench.WorkbenchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palette}: with no subcommand opens the workbench; subcommands are the command-line tools.
 * Every failure a user can cause (a bad file, a missing folder) ends as one line on stderr naming
 * the file and the problem, and exit code 2 — never a stack trace.
 */
@Command(name = "palette", mixinStandardHelpOptions = true, version = "Melody Palette 0.1.0",
        description = "Sketch melody loops with a MusicVAE latent space.",
        subcommands = {CommandLine.HelpCommand.class, TokenizeCommand.class, DatasetCommand.class,
                EncodeCommand.class, DecodeCommand.class, ReconstructCommand.class, SampleCommand.class, InterpolateCommand.class, PathCommand.class, TrainCommand.class, EvalCommand.class,
                BenchCommand.class, AttributesCommand.class, RenderCommand.class, ContinueCommand.class,
                ContinueEvalCommand.class})
public final class PaletteCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Open the workbench on this model (default: the bundled checkpoints/mel_2bar).")
    Path checkpoint;

    @Option(names = "--project", paramLabel = "FILE", description = "Open this project file.")
    Path project;

    /** No subcommand: the workbench. */
    @Override
    public Integer call() {
        WorkbenchApp.launch(new WorkbenchOptions(checkpoint, project));
        return 0;
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PaletteCommand());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
