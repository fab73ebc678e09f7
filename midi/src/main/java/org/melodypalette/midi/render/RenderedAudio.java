package org.melodypalette.midi.render;

import java.nio.file.Path;

/**
 * A WAV file {@link WavRenderer} wrote.
 *
 * @param file    the file
 * @param frames  sample frames (one 16-bit sample per channel each)
 * @param seconds length, the tail included
 */
public record RenderedAudio(Path file, long frames, double seconds) {
}
