package org.melodypalette.app.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, drawn only when a terminal is attached. */
final class TerminalProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final String label;

    TerminalProgress(String label) {
        this.out = System.err;
        this.enabled = System.console() != null;
        this.label = label;
    }

    void update(int done, int total) {
        if (!enabled || total <= 0) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + done + "/" + total);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
