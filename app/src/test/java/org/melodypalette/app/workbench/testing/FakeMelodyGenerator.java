package org.melodypalette.app.workbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentMath;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * A stand-in model for tests of UI behaviour only (busy flags, coalescing, errors shown, wiring):
 * a 2-D "latent space" (mean pitch offset, note count) decoded to simple 2-bar melodies. It claims
 * nothing about the real model.
 */
public final class FakeMelodyGenerator implements MelodyGenerator {

    public static final ModelInfo INFO =
            new ModelInfo("fake-2bar", "test", 32, 16, 2, 21, 108, List.of("pitch_height"));

    /** The melodies the last encode call received (to check what the workbench gave the model). */
    public volatile List<Melody> lastEncoded = List.of();
    public final AtomicInteger decodeCalls = new AtomicInteger();
    public final AtomicInteger encodeCalls = new AtomicInteger();
    public volatile RuntimeException failWith;
    public volatile boolean closed;

    private final ModelInfo info;

    public FakeMelodyGenerator() {
        this(INFO);
    }

    /** A stand-in with another name and length (its melodies are {@code info.numSteps()} long). */
    public FakeMelodyGenerator(ModelInfo info) {
        this.info = info;
    }

    /** A stand-in {@code bars} bars long. */
    public static FakeMelodyGenerator withBars(String name, int bars) {
        return new FakeMelodyGenerator(new ModelInfo(name, "test", bars * 16, 16, 2, 21, 108, List.of("pitch_height")));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<LatentVector> encode(List<Melody> melodies) {
        maybeFail();
        encodeCalls.incrementAndGet();
        lastEncoded = List.copyOf(melodies);
        return melodies.stream().map(FakeMelodyGenerator::encodeOne).toList();
    }

    @Override
    public List<Melody> decode(List<LatentVector> latents, DecodeOptions options) {
        maybeFail();
        decodeCalls.incrementAndGet();
        return latents.stream().map(z -> decodeOne(z, info.numSteps())).toList();
    }

    @Override
    public List<Melody> sample(int n, DecodeOptions options) {
        Random random = new Random(options.seed());
        List<LatentVector> z = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            z.add(new LatentVector(new float[] {(float) random.nextGaussian(), 0.3f + random.nextFloat()}));
        }
        return decode(z, options);
    }

    @Override
    public List<Melody> interpolate(Melody a, Melody b, int steps, Interpolation mode, boolean keepOriginals,
                                    DecodeOptions options) {
        List<LatentVector> ends = encode(List.of(a, b));
        List<LatentVector> path = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            path.add(LatentMath.between(ends.get(0), ends.get(1), i / (double) (steps - 1), mode));
        }
        List<Melody> melodies = new ArrayList<>(decode(path, options));
        if (keepOriginals) {
            melodies.set(0, a);
            melodies.set(steps - 1, b);
        }
        return melodies;
    }

    @Override
    public List<Melody> similar(Melody melody, int n, double amount, DecodeOptions options) {
        LatentVector z = encode(List.of(melody)).get(0);
        List<LatentVector> near = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            near.add(new LatentVector(new float[] {z.get(0) + 0.1f * (i + 1), z.get(1)}));
        }
        return decode(near, options);
    }

    @Override
    public Melody applyAttribute(Melody melody, String attribute, double strength, DecodeOptions options) {
        LatentVector z = encode(List.of(melody)).get(0);
        return decode(List.of(LatentMath.add(z, new LatentVector(new float[] {1, 0}), strength)), options).get(0);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void maybeFail() {
        if (failWith != null) {
            throw failWith;
        }
    }

    private static LatentVector encodeOne(Melody m) {
        double mean = m.notes().stream().mapToInt(Note::pitch).average().orElse(60);
        return new LatentVector(new float[] {(float) ((mean - 60) / 12), m.notes().size() / 8f});
    }

    private static Melody decodeOne(LatentVector z, int steps) {
        int base = Math.max(30, Math.min(96, 60 + Math.round(z.get(0) * 12)));
        int count = Math.max(1, Math.min(16, Math.round(z.get(1) * 8)));
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notes.add(Note.of(base + (i % 3) * 2, i * 2, i * 2 + 2));
        }
        return new Melody(TimeGrid.SIXTEENTHS_4_4, steps, notes);
    }
}
