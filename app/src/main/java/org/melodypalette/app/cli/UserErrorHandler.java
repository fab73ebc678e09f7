package org.melodypalette.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the failures a user can cause into one clear line on stderr and exit code 2. Our IO and
 * validation exceptions already name the file and the problem; anything else is a bug and keeps
 * its stack trace for the report.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) throws Exception {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
            cli.getErr().println("palette " + cli.getCommandName() + ": " + cause.getMessage());
            return USER_ERROR;
        }
        throw e;
    }
}
