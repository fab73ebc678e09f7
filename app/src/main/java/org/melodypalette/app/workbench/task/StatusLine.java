package org.melodypalette.app.workbench.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line at the bottom of the window: what just happened, or what went wrong, in words a
 * user can act on. Failures are logged (stack traces at debug level); the UI only ever shows the message.
 */
public final class StatusLine {

    private static final Logger LOG = LoggerFactory.getLogger(StatusLine.class);

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the current message reports a failure. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }

    public void info(String text) {
        error.set(false);
        message.set(text);
    }

    /** Shows {@code what} followed by the failure's own message (e.g. "Cannot decode: …"). */
    public void failure(String what, Throwable cause) {
        LOG.warn("{}: {}", what, describe(cause));
        LOG.debug(what, cause);
        error.set(true);
        message.set(what + ": " + describe(cause));
    }

    /**
     * Replaces the shown failure with {@code text} only when it is a failure of {@code what} (as
     * {@link #failure(String, Throwable)} wrote it): a later success clears its own stale error and
     * leaves any other message alone.
     */
    public void resolved(String what, String text) {
        if (error.get() && message.get().startsWith(what + ": ")) {
            info(text);
        }
    }

    public void failure(String text) {
        error.set(true);
        message.set(text);
    }

    /** A one-line, stack-trace-free description of a failure. */
    public static String describe(Throwable cause) {
        Throwable t = cause;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String text = t.getMessage();
        return text == null || text.isBlank() ? t.getClass().getSimpleName() : text;
    }
}
