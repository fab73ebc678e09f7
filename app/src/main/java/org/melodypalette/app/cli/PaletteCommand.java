package org.melodypalette.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code palette}: with no subcommand opens the workbench; subcommands are the command-line tools.
 */
@Command(name = "palette", mixinStandardHelpOptions = true, version = "Melody Palette 0.1.0",
        description = "Sketch melody loops with a MusicVAE latent space.",
        subcommands = {CommandLine.HelpCommand.class})
public final class PaletteCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("The workbench is not built yet; see 'palette --help' for the command-line tools.");
        return 1;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PaletteCommand()).execute(args));
    }
}
