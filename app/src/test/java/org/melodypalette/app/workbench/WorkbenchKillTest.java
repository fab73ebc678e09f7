package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.ChildJvm;
import org.melodypalette.app.testing.ChildJvms;
import org.melodypalette.app.workbench.project.ProjectFiles;
import org.melodypalette.app.workbench.project.ProjectState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real workbench in a child JVM ({@link EditingWorkbenchMain}: its window on a headless Monocle
 * screen, the production autosave and its 1 s delay), editing its clip every {@value #PACE_MILLIS}
 * ms, is killed with SIGKILL three times and restarted: after a seeded random number of edits, in
 * the middle of writing an autosave (a stalled disk holds the write halfway), and after random
 * edits again. After every kill the autosave file is a complete project, exactly as the workbench
 * writes it; after an edit kill it is at most {@link #ALLOWED_LAG_EDITS} edits behind the last
 * edit the child printed (the autosave delay plus a 2 s margin at the editing pace: edit counters,
 * not clocks, are compared); after the mid-write kill it is the previous autosave, beside the
 * half-written temporary file; and each restart restores exactly the edit on disk.
 */
class WorkbenchKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchKillTest.class);

    private static final long SEED = 7_007L;
    private static final long PACE_MILLIS = 20;
    private static final long ALLOWED_LAG_EDITS = (WorkbenchApp.AUTOSAVE_DELAY_MILLIS + 2_000) / PACE_MILLIS;
    /** Edits before a kill: more than the allowed lag, so that a session that never autosaved fails. */
    private static final int MIN_EDITS = 200;
    private static final int SPREAD_EDITS = 100;
    private static final Duration GUARD = Duration.ofSeconds(180);
    private static final Pattern RESTORED = Pattern.compile("^restored (\\d+)$");
    private static final Pattern EDIT = Pattern.compile("^edit (\\d+)$");
    private static final Pattern HALF_WRITTEN = Pattern.compile("^autosave half-written (.+)$");

    @TempDir
    Path dir;

    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    @Test
    void killedWhileEditingTheAutosaveIsCompleteRecentAndRestored() throws Exception {
        Path sessions = Files.createDirectories(dir.resolve("sessions"));
        Path autosave = sessions.resolve("autosave.json");
        Random random = new Random(SEED);

        ChildJvm first = startWorkbench("first", autosave, false);
        assertThat(restoredEdit(first)).isZero();
        awaitFirstAutosave(first, autosave);
        awaitEdit(first, MIN_EDITS + random.nextInt(SPREAD_EDITS));
        first.kill();
        long onDisk = checkAutosaveIsRecent(first, autosave);

        // A disk that stalls halfway through the next autosave: killed there, the last one stays.
        ChildJvm second = startWorkbench("second", autosave, true);
        assertThat(restoredEdit(second)).isEqualTo(onDisk);
        Path halfWritten = Path.of(second.await(HALF_WRITTEN, GUARD).group(1));
        second.kill();
        assertThat(Files.size(halfWritten)).as("bytes in the half-written temporary file").isPositive()
                .isLessThan(Files.size(autosave));
        assertThat(savedEdit(autosave)).isEqualTo(onDisk);

        ChildJvm third = startWorkbench("third", autosave, false);
        assertThat(restoredEdit(third)).isEqualTo(onDisk);
        awaitEdit(third, onDisk + MIN_EDITS + random.nextInt(SPREAD_EDITS));
        third.kill();
        onDisk = checkAutosaveIsRecent(third, autosave);

        ChildJvm last = startWorkbench("last", autosave, false);
        assertThat(restoredEdit(last)).isEqualTo(onDisk);
        last.kill();
        try (Stream<Path> files = Files.list(sessions)) {
            LOG.info("autosave folder after the kills: {}", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private ChildJvm startWorkbench(String name, Path autosave, boolean stallHalfway) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        List<String> args = new ArrayList<>(List.of(autosave.toString(), home.toString(), String.valueOf(PACE_MILLIS)));
        if (stallHalfway) {
            args.add("hold-autosave-halfway");
        }
        ChildJvm child = children.start(name, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                        "-Djava.awt.headless=true"),
                EditingWorkbenchMain.class.getName(), args, Map.of(), dir.resolve(name + ".stderr.txt"));
        return child;
    }

    /** The first session has nothing on disk until its first autosave lands. */
    private static void awaitFirstAutosave(ChildJvm workbench, Path autosave) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!Files.exists(autosave)) {
            assertThat(System.nanoTime()).as("no autosave\n%s", workbench.diagnostics()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitEdit(ChildJvm workbench, long edit) {
        Matcher m;
        do {
            m = workbench.await(EDIT, GUARD);
        } while (Long.parseLong(m.group(1)) < edit);
    }

    private static long restoredEdit(ChildJvm workbench) {
        return Long.parseLong(workbench.await(RESTORED, GUARD).group(1));
    }

    /**
     * After a kill: the autosave is a complete project, byte for byte what the workbench writes for
     * the state it holds, and not more than {@link #ALLOWED_LAG_EDITS} behind the last printed edit.
     */
    private static long checkAutosaveIsRecent(ChildJvm workbench, Path autosave) throws IOException {
        long lastEdit = workbench.lines().stream().map(EDIT::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElseThrow();
        long savedEdit = savedEdit(autosave);
        LOG.info("killed after edit {}; the autosave holds edit {}", lastEdit, savedEdit);
        assertThat(savedEdit).as("edit in the autosave after edit %d was printed", lastEdit)
                .isBetween(lastEdit - ALLOWED_LAG_EDITS, lastEdit + 1);
        return savedEdit;
    }

    /** The edit a complete autosave holds (it parses, and is exactly what the workbench writes for it). */
    private static long savedEdit(Path autosave) throws IOException {
        ProjectState saved = ProjectFiles.read(autosave);
        assertThat(Files.readAllBytes(autosave)).isEqualTo(ProjectFiles.toBytes(saved));
        long edit = EditingWorkbenchMain.editOf(saved.clip());
        assertThat(saved.clip()).isEqualTo(EditingWorkbenchMain.clipOf(edit));
        return edit;
    }
}
