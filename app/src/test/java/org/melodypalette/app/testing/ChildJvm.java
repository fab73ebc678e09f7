package org.melodypalette.app.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Java process for crash tests: started with this test JVM's class path and {@code java},
 * watched line by line on its standard output (a line ends at {@code \n} or {@code \r}, so a
 * progress line rewritten in place counts each time), and killed with SIGKILL
 * ({@link Process#destroyForcibly()}). Standard error goes to a file, quoted when a wait fails.
 * Waits take a guard timeout that only turns a hang into a failure; nothing here measures time.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path stderr;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private boolean ended;
    private int cursor;

    private ChildJvm(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} in a new JVM with {@code jvmOptions}, this JVM's class path and the
     * extra environment; its standard error goes to {@code stderr}.
     */
    public static ChildJvm start(String name, List<String> jvmOptions, String mainClass, List<String> args,
                                 Map<String, String> environment, Path stderr) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(testClassPath());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(name, builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Waits for the next line (after those already returned) that matches {@code pattern} and
     * returns its matcher; fails if the process ends first or {@code guard} passes.
     */
    public Matcher await(Pattern pattern, Duration guard) {
        long deadline = System.nanoTime() + guard.toNanos();
        synchronized (lines) {
            while (true) {
                while (cursor < lines.size()) {
                    Matcher m = pattern.matcher(lines.get(cursor++));
                    if (m.find()) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError(name + (ended ? " ended" : " went on for " + guard)
                            + " without printing a line matching " + pattern + "\n" + diagnostics());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + name, e);
                }
            }
        }
    }

    /** SIGKILL, then waits until the process is gone and everything it printed has been read. */
    public void kill() {
        process.destroyForcibly();
        awaitEnd(Duration.ofSeconds(60));
    }

    /** Waits for the process to exit by itself; returns its exit code. */
    public int awaitExit(Duration guard) {
        return awaitEnd(guard);
    }

    private int awaitEnd(Duration guard) {
        try {
            if (!process.waitFor(guard.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not end within " + guard + "\n" + diagnostics());
            }
            reader.join(guard.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** Every line printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last lines of output and error, for failure messages. */
    public String diagnostics() {
        List<String> out = lines();
        String err;
        try {
            List<String> all = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            err = String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        } catch (IOException | UncheckedIOException e) {
            err = "(cannot read " + stderr + ": " + e.getMessage() + ")";
        }
        return "--- last output of " + name + ":\n" + String.join("\n", out.subList(Math.max(0, out.size() - 10),
                out.size())) + "\n--- last errors:\n" + err;
    }

    private void readLines() {
        StringBuilder line = new StringBuilder();
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n' || c == '\r') {
                    add(line);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // The stream closes when the process dies; what was read is kept.
        } finally {
            add(line);
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    private void add(StringBuilder line) {
        if (line.length() > 0) {
            synchronized (lines) {
                lines.add(line.toString().strip());
                lines.notifyAll();
            }
            line.setLength(0);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
