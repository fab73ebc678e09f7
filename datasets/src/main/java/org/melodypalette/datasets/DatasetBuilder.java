package org.melodypalette.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.melodypalette.datasets.CorpusFiles.SourceFile;
import org.melodypalette.datasets.MelodyWindows.Cut;
import org.melodypalette.datasets.SplitAssigner.Split;
import org.melodypalette.midi.ExtractedMelody;
import org.melodypalette.midi.MelodyExtraction;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.TimeSignatureChange;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.music.Metre;
import org.melodypalette.tokenizer.MelodyTokenizer;
import org.melodypalette.tokenizer.OutOfRangePolicy;

/**
 * Builds a training set from MIDI corpora: extract each file's melody, cut it into windows
 * ({@link MelodyWindows}), encode them with the MusicVAE melody tokenizer, deduplicate, and split
 * train/eval by source file ({@link SplitAssigner}). One bad file is reported and skipped, never
 * fatal.
 *
 * <p>POP909 folders (recognised by their {@code index.csv}) use the index's metre, the
 * {@code MELODY} track and an estimated grid offset. Other MIDI files use their own time
 * signatures (non-duple metres are skipped: they do not fit a 16-step bar), the most melody-like
 * track, and the grid from tick 0.
 */
public final class DatasetBuilder {

    /** Called after each file, from the building thread. */
    @FunctionalInterface
    public interface Progress {
        void filesDone(int done, int total);
    }

    /** The dataset, its summary, and one line per skipped file naming it and why. */
    public record Result(WindowDataset dataset, BuildSummary summary, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    static final String SKIP_UNREADABLE = "unreadable MIDI";
    static final String SKIP_METRE = "non-duple metre";
    static final String SKIP_NO_MELODY = "no melody track";
    static final String SKIP_NOT_INDEXED = "not in POP909 index.csv";
    static final String SKIP_NO_WINDOWS = "no usable windows";

    /** What one file gave. */
    private record FileOutcome(SourceFile file, Split split, List<int[]> windows, Map<String, Integer> dropped,
                               String skipReason, String problem, double onGridShare) {
    }

    private final DatasetBuildOptions options;
    private final MelodyWindows cutter;
    private final SplitAssigner splitter;
    private final MelodyTokenizer tokenizer;
    private final Map<Path, Optional<Pop909Index>> pop909Indexes = new ConcurrentHashMap<>();

    public DatasetBuilder(DatasetBuildOptions options) {
        this.options = options;
        this.cutter = new MelodyWindows(options.bars(), options.gapBars(), options.maxSilentFraction(),
                options.minPitch(), options.maxPitch());
        this.splitter = new SplitAssigner(options.evalFraction());
        this.tokenizer = MelodyTokenizer.of(options.minPitch(), options.maxPitch(),
                OutOfRangePolicy.STRICT);
    }

    public Result build(List<Path> inputs, Progress progress) throws IOException {
        long start = System.nanoTime();
        List<SourceFile> files = CorpusFiles.collect(inputs);
        List<FileOutcome> outcomes = processAll(files, progress);

        Map<Split, Set<ByteBuffer>> kept = Map.of(Split.TRAIN, new LinkedHashSet<>(), Split.EVAL, new LinkedHashSet<>());
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, Integer> dropped = new TreeMap<>();
        Map<String, Integer> beforeDedup = new LinkedHashMap<>(Map.of("train", 0, "eval", 0));
        Map<String, Integer> songs = new LinkedHashMap<>(Map.of("train", 0, "eval", 0));
        List<String> problems = new ArrayList<>();
        double gridShareSum = 0;
        int used = 0;
        for (FileOutcome outcome : outcomes) {
            outcome.dropped().forEach((reason, n) -> dropped.merge(reason, n, Integer::sum));
            if (outcome.skipReason() != null) {
                skipped.merge(outcome.skipReason(), 1, Integer::sum);
                if (outcome.problem() != null) {
                    problems.add(outcome.problem());
                }
                continue;
            }
            String split = outcome.split() == Split.TRAIN ? "train" : "eval";
            beforeDedup.merge(split, outcome.windows().size(), Integer::sum);
            songs.merge(split, 1, Integer::sum);
            gridShareSum += outcome.onGridShare();
            used++;
            for (int[] window : outcome.windows()) {
                if (!kept.get(outcome.split()).add(asBytes(window))) {
                    dropped.merge("duplicate", 1, Integer::sum);
                }
            }
        }
        // An eval window that also occurs in train would measure memory, not generalisation.
        int leaked = 0;
        for (var it = kept.get(Split.EVAL).iterator(); it.hasNext(); ) {
            if (kept.get(Split.TRAIN).contains(it.next())) {
                it.remove();
                leaked++;
            }
        }
        dropped.put("eval window also in train", leaked);

        LabelWindows train = toWindows(kept.get(Split.TRAIN));
        LabelWindows eval = toWindows(kept.get(Split.EVAL));
        double seconds = (System.nanoTime() - start) / 1e9;
        BuildSummary summary = new BuildSummary(files.size(), skipped,
                Map.of("train", train.count(), "eval", eval.count()), beforeDedup, dropped, songs,
                used == 0 ? 0 : gridShareSum / used, seconds);
        DatasetInfo info = new DatasetInfo(options.bars(), DatasetBuildOptions.STEPS_PER_BAR,
                inputs.stream().map(Path::toString).toList(), settings(), counts(summary));
        return new Result(new WindowDataset(info, train, eval), summary, problems);
    }

    private List<FileOutcome> processAll(List<SourceFile> files, Progress progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (SourceFile file : files) {
                futures.add(pool.submit(() -> process(file)));
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> future : futures) {
                outcomes.add(future.get());
                progress.filesDone(outcomes.size(), files.size());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("dataset build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unexpected failure while reading a corpus file", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileOutcome process(SourceFile file) {
        Split split = splitter.splitOf(file.relativePath());
        MidiSong song;
        try {
            song = MidiFiles.read(file.path());
        } catch (IOException e) {
            return skip(file, split, SKIP_UNREADABLE, e.getMessage());
        }
        Optional<Pop909Index> pop909 = pop909IndexFor(file.path());
        QuantizeOptions quantize = QuantizeOptions.DEFAULT.withMetre(Metre.FOUR_FOUR);
        TrackSelector track = TrackSelector.auto();
        if (pop909.isPresent()) {
            Optional<Pop909Index.Metre> metre = pop909.get().metreOf(file.path());
            if (metre.isEmpty()) {
                return skip(file, split, SKIP_NOT_INDEXED, null);
            }
            if (!metre.get().isDuple()) {
                return skip(file, split, SKIP_METRE, null);
            }
            quantize = quantize.withEstimatedOffset();
            track = TrackSelector.byName("MELODY");
        } else if (!song.timeSignatures().stream().allMatch(DatasetBuilder::isDuple)) {
            return skip(file, split, SKIP_METRE, null);
        }
        ExtractedMelody extracted;
        try {
            extracted = MelodyExtraction.extract(song, track, quantize);
        } catch (MidiFormatException e) {
            return skip(file, split, SKIP_NO_MELODY, e.getMessage());
        }
        Map<String, Integer> dropped = new TreeMap<>();
        List<int[]> windows = new ArrayList<>();
        for (Cut cut : cutter.cut(extracted.melody())) {
            if (cut.dropped() != null) {
                dropped.merge(dropName(cut.dropped()), 1, Integer::sum);
            } else {
                windows.add(tokenizer.encode(cut.window(), options.numSteps()));
            }
        }
        if (windows.isEmpty()) {
            return new FileOutcome(file, split, List.of(), dropped, SKIP_NO_WINDOWS, null, 0);
        }
        return new FileOutcome(file, split, windows, dropped, null, null, extracted.onGridShare());
    }

    private Optional<Pop909Index> pop909IndexFor(Path file) {
        Optional<Path> root = Pop909Index.findRoot(file);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return pop909Indexes.computeIfAbsent(root.get(), r -> {
            try {
                return Optional.of(Pop909Index.read(r));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** 2/4, 4/4, 2/2 and 4/2 bars are whole or half 16-step 4/4 bars; others do not fit. */
    private static boolean isDuple(TimeSignatureChange change) {
        Metre m = change.metre();
        return (m.beatUnit() == 4 || m.beatUnit() == 2) && (m.beatsPerBar() == 2 || m.beatsPerBar() == 4);
    }

    private static FileOutcome skip(SourceFile file, Split split, String reason, String problem) {
        return new FileOutcome(file, split, List.of(), Map.of(), reason, problem, 0);
    }

    private static String dropName(MelodyWindows.Drop drop) {
        return drop == MelodyWindows.Drop.MOSTLY_SILENT ? "mostly silent" : "pitch out of range";
    }

    private static ByteBuffer asBytes(int[] window) {
        byte[] bytes = new byte[window.length];
        for (int i = 0; i < window.length; i++) {
            bytes[i] = (byte) window[i];
        }
        return ByteBuffer.wrap(bytes);
    }

    private LabelWindows toWindows(Set<ByteBuffer> windows) {
        byte[] flat = new byte[windows.size() * options.numSteps()];
        int offset = 0;
        for (ByteBuffer w : windows) {
            System.arraycopy(w.array(), 0, flat, offset, options.numSteps());
            offset += options.numSteps();
        }
        return LabelWindows.fromFlat(options.numSteps(), flat);
    }

    private Map<String, Object> settings() {
        return Map.of("bars", options.bars(), "stepsPerBar", DatasetBuildOptions.STEPS_PER_BAR,
                "gapBars", options.gapBars(), "maxSilentFraction", options.maxSilentFraction(),
                "evalFraction", options.evalFraction(), "minPitch", options.minPitch(),
                "maxPitch", options.maxPitch(), "tokenizer", tokenizer.name(),
                "split", "murmur3-finalised FNV-1a 64 of the corpus-relative path, mod 1000");
    }

    private static Map<String, Object> counts(BuildSummary summary) {
        return Map.of("files", summary.files(), "skipped", summary.skipped(), "windows", summary.windows(),
                "windowsBeforeDedup", summary.windowsBeforeDedup(), "dropped", summary.dropped(),
                "songs", summary.songs());
    }
}
