package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.melodypalette.files.OutputFiles;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.render.RenderSettings;
import org.melodypalette.midi.render.RenderedAudio;
import org.melodypalette.midi.render.WavRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palette render}: MIDI files → WAV, offline. A bad input is one line on stderr and the
 * others are still rendered; the exit code is then 2.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render MIDI files to 16-bit stereo 44.1 kHz WAV files, offline (no sound device needed): "
                + "notes, tempo map and each track's program, plus a tail so the last note rings out.")
final class RenderCommand implements Callable<Integer> {

    @Option(names = "--soundfont", paramLabel = "SF2",
            description = "SoundFont to play with (default: the system's General MIDI soundfont if installed, "
                    + "else Java's built-in sounds).")
    Path soundfont;

    @Option(names = "--program", paramLabel = "N",
            description = "General MIDI program 0-127 for every melodic track (default: each track's own; 0 = piano).")
    Integer program;

    @Option(names = "--tail", paramLabel = "SECONDS",
            description = "Seconds rendered after the end (default " + RenderSettings.DEFAULT_TAIL_SECONDS + ").")
    double tail = RenderSettings.DEFAULT_TAIL_SECONDS;

    @Option(names = "--out", paramLabel = "DIR|FILE",
            description = "Folder for the WAV files, or a .wav file when there is one input (default: beside each input).")
    Path out;

    @Option(names = "--force", description = "Replace existing WAV files (otherwise an existing one is an error).")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "MIDI")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        List<Path> targets = targets();
        RenderSettings settings = new RenderSettings(soundfont,
                program == null ? RenderSettings.KEEP_PROGRAMS : program, tail);
        WavRenderer renderer = new WavRenderer(settings);
        System.out.println("sound: " + renderer.soundDescription());
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            try {
                MidiSong song = MidiFiles.read(files.get(i));
                if (song.noteCount() == 0) {
                    throw new MidiFormatException(song.source(), "it has no notes; nothing to render");
                }
                OutputFiles.claim(targets.get(i), force);
                try {
                    RenderedAudio audio = renderer.render(song, targets.get(i));
                    System.out.printf(Locale.ROOT, "%s -> %s (%.1f s)%n", files.get(i), audio.file(), audio.seconds());
                } finally {
                    OutputFiles.releaseUnwritten(List.of(targets.get(i)));
                }
            } catch (IOException e) {
                System.err.println("palette render: " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : UserErrorHandler.USER_ERROR;
    }

    /** The WAV file of each input, in input order; refuses two inputs writing the same file. */
    private List<Path> targets() {
        boolean singleFile = out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")
                && !Files.isDirectory(out);
        if (singleFile && files.size() > 1) {
            throw new IllegalArgumentException("--out " + out + " is one .wav file but there are " + files.size()
                    + " inputs; give a folder instead");
        }
        List<Path> targets = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path file : files) {
            Path target;
            if (singleFile) {
                target = out;
            } else {
                Path name = Path.of(wavName(file));
                target = out == null ? file.resolveSibling(name) : out.resolve(name);
            }
            if (!seen.add(target.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("two inputs would both be rendered to " + target
                        + "; render them into different folders");
            }
            targets.add(target);
        }
        return targets;
    }

    private static String wavName(Path midi) {
        String name = midi.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        int cut = lower.endsWith(".midi") ? name.length() - 5 : lower.endsWith(".mid") ? name.length() - 4 : name.length();
        return name.substring(0, cut) + ".wav";
    }
}
