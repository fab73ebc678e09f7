package org.melodypalette.app.workbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Waits for the JavaFX thread, when a toolkit runs in this JVM (an earlier UI test started it). */
public final class FxEvents {

    private FxEvents() {
    }

    /** Returns once everything queued on the FX thread so far has run; at once without a toolkit. */
    public static void drain() {
        CountDownLatch done = new CountDownLatch(1);
        try {
            Platform.runLater(done::countDown);
        } catch (IllegalStateException noToolkit) {
            return;
        }
        try {
            assertThat(done.await(30, TimeUnit.SECONDS)).as("FX thread idle").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
