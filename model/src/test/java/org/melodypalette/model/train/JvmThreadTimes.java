package org.melodypalette.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark-only, Linux: CPU time of this process's threads by kind — garbage collection, JIT
 * compilers, other (the training thread among them) — from {@code /proc/self/task}, in nanoseconds
 * since {@link #mark}. The JVM's own threads are invisible to {@code ThreadMXBean}.
 */
final class JvmThreadTimes {

    private static final long NANOS_PER_TICK = 10_000_000L;
    private static Map<String, Long> marked = Map.of("gc", 0L, "jit", 0L, "other", 0L);

    private JvmThreadTimes() {
    }

    static void mark() {
        marked = now();
    }

    static Map<String, Long> sinceMark() {
        Map<String, Long> now = now();
        Map<String, Long> since = new HashMap<>();
        now.forEach((kind, nanos) -> since.put(kind, nanos - marked.get(kind)));
        return since;
    }

    /** Clock ticks are 10 ms (USER_HZ 100). Threads that ended are lost from "other". */
    private static Map<String, Long> now() {
        Map<String, Long> byKind = new HashMap<>(Map.of("gc", 0L, "jit", 0L, "other", 0L));
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // Fields after the parenthesised name: utime and stime are the 12th and 13th.
                List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
                String kind = name.startsWith("G1") || name.startsWith("GC ") ? "gc"
                        : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit" : "other";
                byKind.merge(kind, ticks * NANOS_PER_TICK, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKind;
    }
}
