package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.ChildJvm;
import org.melodypalette.app.testing.ChildJvms;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code palette train} in a real child JVM, killed with SIGKILL three times (at a seeded random
 * step after a checkpoint, right after a checkpoint's temporary folder appears, and at another
 * random step) and resumed with {@code --resume} each time: after every kill the checkpoint on disk
 * is complete and loads, at most one checkpoint interval of steps is lost, and the run resumed to
 * the end has exactly the parameters (weights and Adam state, byte for byte) of an uninterrupted run
 * with the same seed (CPU backend, one native thread). Kills are placed by the steps the run prints
 * and the files it creates, never by time; timeouts only guard against hangs.
 */
class TrainingKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingKillTest.class);

    private static final long SEED = 20_250_607L;
    private static final int INTERVAL = 3;
    private static final int TOTAL_STEPS = 24;
    private static final Duration GUARD = Duration.ofSeconds(180);
    private static final Pattern STEP = Pattern.compile("^step (\\d+)/");
    private static final Pattern CHECKPOINT = Pattern.compile("^checkpoint @(\\d+) ");
    private static final List<String> CHECKPOINT_FILES = List.of("config.json", "weights_manifest.json",
            "metrics.json", "optimizer_state.bin", "training_state.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    @Test
    void killedThreeTimesAndResumedEndsWithTheParametersOfAnUninterruptedRun() throws Exception {
        Path data = TinyDataset.write(dir.resolve("windows.mpwin"), SEED);
        Files.createDirectories(dir.resolve("straight"));
        Files.createDirectories(dir.resolve("killed"));
        Path reference = dir.resolve("straight").resolve("run");
        Path run = dir.resolve("killed").resolve("run");
        // The uninterrupted run goes alongside the interrupted ones; nothing is timed.
        ChildJvm straight = train("straight", reference, data, false);
        Random random = new Random(SEED);

        ChildJvm first = train("first", run, data, false);
        long firstCheckpoint = Long.parseLong(first.await(CHECKPOINT, GUARD).group(1));
        killAtStep(first, firstCheckpoint + 1 + random.nextInt(2 * INTERVAL));
        long resumeFrom = checkKilledRun(first, run);

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            run.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            ChildJvm second = train("second", run, data, true);
            assertResumesAt(second, resumeFrom);
            killWhenACheckpointStarts(second, run, watcher);
            resumeFrom = checkKilledRun(second, run);
        }

        ChildJvm third = train("third", run, data, true);
        assertResumesAt(third, resumeFrom);
        killAtStep(third, resumeFrom + 1 + random.nextInt(2 * INTERVAL));
        resumeFrom = checkKilledRun(third, run);

        ChildJvm last = train("last", run, data, true);
        assertResumesAt(last, resumeFrom);
        assertThat(last.awaitExit(GUARD)).as(last.diagnostics()).isZero();
        assertThat(straight.awaitExit(GUARD)).as(straight.diagnostics()).isZero();

        assertThat(step(run)).isEqualTo(TOTAL_STEPS);
        for (String file : parameterFiles(reference)) {
            assertThat(Files.readAllBytes(run.resolve(file))).as(file).isEqualTo(Files.readAllBytes(reference.resolve(file)));
        }
        assertThat(parameterFiles(run)).isEqualTo(parameterFiles(reference));
    }

    /** The config, weight manifest and shards, and the Adam state: what must be equal byte for byte. */
    private static List<String> parameterFiles(Path checkpoint) throws IOException {
        try (Stream<Path> files = Files.list(checkpoint)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.equals("config.json") || n.startsWith("weights_manifest") || n.startsWith("group")
                            || n.equals("optimizer_state.bin"))
                    .sorted().toList();
        }
    }

    private ChildJvm train(String name, Path out, Path data, boolean resume) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", out.toString(),
                "--steps", String.valueOf(TOTAL_STEPS), "--checkpoint-every", String.valueOf(INTERVAL),
                "--eval-every", "1000000", "--seed", String.valueOf(SEED), "--threads", "1"));
        if (resume) {
            args.add("--resume");
        } else {
            args.addAll(List.of("--preset", "tiny-test"));
        }
        // C1 only: half the CPU of a short run (Java arithmetic is strict, so results do not change).
        ChildJvm child = children.start(name, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxBytes=1g"),
                "org.melodypalette.app.cli.PaletteCommand", args, Map.of("OMP_NUM_THREADS", "1"),
                dir.resolve(name + ".stderr.txt"));
        return child;
    }

    private static void assertResumesAt(ChildJvm child, long checkpointStep) {
        long firstStep = Long.parseLong(child.await(STEP, GUARD).group(1));
        assertThat(firstStep).as("first step of the resumed run").isEqualTo(checkpointStep + 1);
    }

    private static void killAtStep(ChildJvm child, long step) {
        assertThat(step).as("kill step").isLessThan(TOTAL_STEPS);
        Matcher m;
        do {
            m = child.await(STEP, GUARD);
        } while (Long.parseLong(m.group(1)) < step);
        child.kill();
        LOG.info("killed {} after it printed step {}", child.pid(), m.group(1));
    }

    /** Kills the run as soon as {@code watcher} (on the run's parent folder) sees its next checkpoint's temporary folder. */
    private static void killWhenACheckpointStarts(ChildJvm child, Path run, WatchService watcher)
            throws InterruptedException {
        Path temporary = run.resolveSibling(run.getFileName() + ".tmp");
        boolean seen = false;
        while (!seen) {
            WatchKey key = watcher.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(key).as("no checkpoint started\n%s", child.diagnostics()).isNotNull();
            for (WatchEvent<?> event : key.pollEvents()) {
                seen |= temporary.getFileName().equals(event.context());
            }
            key.reset();
        }
        child.kill();
        LOG.info("killed {} while writing a checkpoint: {}.tmp left {}, {}.old left {}", child.pid(), run,
                Files.exists(temporary), run, Files.exists(run.resolveSibling(run.getFileName() + ".old")));
    }

    /**
     * After a kill: the checkpoint on disk (the folder, or the previous one a swap had moved aside
     * and that a resume puts back) has every file and loads as a model; it is at most one interval
     * behind the last step the run printed. Returns its step.
     */
    private static long checkKilledRun(ChildJvm child, Path run) throws IOException {
        long lastLogged = child.lines().stream().map(STEP::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElseThrow();
        Path checkpoint = Files.isDirectory(run) ? run : run.resolveSibling(run.getFileName() + ".old");
        assertThat(checkpoint).as("no checkpoint after the kill").isDirectory();
        for (String file : CHECKPOINT_FILES) {
            assertThat(checkpoint.resolve(file)).isRegularFile();
        }
        try (LatentCodec model = MelodyGenerators.open(checkpoint)) {
            assertThat(model.info().numSteps()).isEqualTo(8);
        }
        long step = step(checkpoint);
        assertThat(step).as("checkpoint step after the run printed step %d", lastLogged)
                .isGreaterThanOrEqualTo(lastLogged - INTERVAL).isLessThanOrEqualTo(lastLogged);
        return step;
    }

    private static long step(Path checkpoint) throws IOException {
        JsonNode state = JSON.readTree(checkpoint.resolve("training_state.json").toFile());
        return state.get("step").asLong();
    }
}
