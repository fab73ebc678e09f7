package org.melodypalette.midi.render;

import java.io.IOException;

/**
 * Audio could not be rendered: an unusable soundfont (the message names the file), a program the
 * soundfont lacks, or a JVM started without the access Gervill's offline rendering needs.
 */
public final class AudioRenderException extends IOException {

    public AudioRenderException(String message) {
        super(message);
    }

    public AudioRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
