package org.melodypalette.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TeamTest {

    @Test
    void everyChunkRunsExactlyOnceInsideAndOutsideASession() {
        try (Team team = new Team(3)) {
            for (boolean session : new boolean[] {true, false}) {
                if (session) {
                    team.begin();
                }
                for (int round = 0; round < 200; round++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(12);
                    team.run(12, (chunk, slot) -> runs.incrementAndGet(chunk));
                    for (int c = 0; c < 12; c++) {
                        assertThat(runs.get(c)).as("chunk " + c).isEqualTo(1);
                    }
                }
                team.end();
            }
        }
    }

    @Test
    void aFailingChunkFailsTheCallerAfterTheOthersFinish() {
        try (Team team = new Team(2)) {
            team.begin();
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            assertThatThrownBy(() -> team.run(8, (chunk, slot) -> {
                runs.incrementAndGet(chunk);
                if (chunk == 5) {
                    throw new IllegalStateException("chunk 5 broke");
                }
            })).hasMessage("chunk 5 broke");
            for (int c = 0; c < 8; c++) {
                assertThat(runs.get(c)).isEqualTo(1);
            }
            team.end();
        }
    }

    @Test
    void outsideASessionTheCallerRunsEveryChunk() {
        try (Team team = new Team(2)) {
            AtomicIntegerArray slots = new AtomicIntegerArray(4);
            team.run(4, (chunk, slot) -> slots.set(chunk, slot + 1));
            for (int c = 0; c < 4; c++) {
                assertThat(slots.get(c)).isEqualTo(1);
            }
        }
    }

    @Test
    void aStalledWorkerSendsTheRestOfTheSessionToTheCaller() {
        try (Team team = new Team(2)) {
            team.begin();
            stall(team);
            AtomicIntegerArray slots = new AtomicIntegerArray(4);
            team.run(4, (chunk, slot) -> slots.set(chunk, slot + 1));
            for (int c = 0; c < 4; c++) {
                assertThat(slots.get(c)).isEqualTo(1);
            }
            team.end();
        }
    }

    @Test
    void onlyStallsInSeveralSessionsInARowMakeTheTeamBackOff() {
        backsOffAfterStalledSessions(TeamTest::stall);
    }

    @Test
    void aCallerOffItsCoreStallsTheSessionToo() {
        backsOffAfterStalledSessions(team -> {
            team.run(4, (chunk, slot) -> { });
            sleep(2);
        });
    }

    /** A new team is not backing off before any of the stalled sessions in a row that make it, and is after them. */
    private static void backsOffAfterStalledSessions(Consumer<Team> stallOneSession) {
        try (Team team = new Team(2)) {
            for (int session = 1; session <= Team.STALLED_SESSIONS_TO_BACK_OFF; session++) {
                assertThat(team.backingOff()).as("before stalled session %d", session).isFalse();
                team.begin();
                stallOneSession.accept(team);
                team.end();
            }
            assertThat(team.backingOff()).isTrue();
        }
    }

    /**
     * Offers regions until the worker takes a chunk, over which it sleeps 2 ms: the caller waits
     * longer than {@link Team#STALL_MICROS} and takes the worker for preempted. On a busy machine
     * the worker may need a while to be scheduled at all, so regions (whose caller chunks take
     * ~0.1 ms) are offered for up to 10 s.
     */
    private static void stall(Team team) {
        boolean[] stalled = {false};
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!stalled[0] && System.nanoTime() < deadline) {
            team.run(4, (chunk, slot) -> {
                if (slot == 1) {
                    stalled[0] = true;
                    sleep(2);
                } else {
                    spin(100_000);
                }
            });
        }
        assertThat(stalled[0]).as("the worker took a chunk").isTrue();
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
