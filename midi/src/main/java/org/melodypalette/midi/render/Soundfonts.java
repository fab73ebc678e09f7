package org.melodypalette.midi.render;

import org.melodypalette.files.BoundedFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;

/** Loads SoundFont (SF2) and DLS files for {@link WavRenderer}, with one clear message per bad file. */
public final class Soundfonts {

    /**
     * General MIDI soundfonts Linux packages install, best first: Debian's alternative
     * {@code default-GM.sf2} (timgm6mb-soundfont, fluid-soundfont-gm), then the files themselves.
     * Gervill itself only looks for {@code default.sf2} in these folders.
     */
    static final List<Path> SYSTEM_CANDIDATES = List.of(
            Path.of("/usr/share/sounds/sf2/default-GM.sf2"),
            Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
            Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"),
            Path.of("/usr/share/soundfonts/default.sf2"),
            Path.of("/usr/share/soundfonts/FluidR3_GM.sf2"));

    private Soundfonts() {
    }

    /** The first installed system General MIDI soundfont, if any. */
    public static Optional<Path> systemDefault() {
        return SYSTEM_CANDIDATES.stream().filter(Files::isReadable).findFirst();
    }

    /**
     * Reads a soundfont.
     *
     * @throws AudioRenderException naming {@code file}: missing, unreadable, or not SF2/DLS
     */
    public static Soundbank load(Path file) throws AudioRenderException {
        if (Files.isDirectory(file)) {
            throw new AudioRenderException(file + ": is a folder, not a soundfont file (.sf2)");
        }
        try {
            BoundedFiles.regularSize(file);
            Soundbank bank = MidiSystem.getSoundbank(file.toFile());
            if (bank.getInstruments().length == 0) {
                throw new AudioRenderException(file + ": the soundfont holds no instruments");
            }
            return bank;
        } catch (InvalidMidiDataException e) {
            throw new AudioRenderException(file + ": not a SoundFont (.sf2) or DLS file", e);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new AudioRenderException(file + ": no such soundfont file", e);
        } catch (AccessDeniedException e) {
            throw new AudioRenderException(file + ": permission denied", e);
        } catch (BoundedFiles.Refused e) {
            throw new AudioRenderException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Gervill's parsers throw runtime exceptions (index, negative size) on damaged files.
            throw new AudioRenderException(file + ": not a usable soundfont (" + e + ")", e);
        }
    }

    /** Fails when {@code bank} has no melodic instrument for {@code program} in bank 0. */
    static void requireProgram(Soundbank bank, Path file, int program) throws AudioRenderException {
        if (bank.getInstrument(new Patch(0, program)) == null) {
            throw new AudioRenderException(file + ": the soundfont has no instrument for General MIDI program "
                    + program + " (bank 0)");
        }
    }
}
