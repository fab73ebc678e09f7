package org.melodypalette.model.backprop;

import java.util.Arrays;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.cpu.Activations;
import org.melodypalette.model.layers.ModelLayers;

/**
 * Forward and backward of the whole MusicVAE for a contiguous range of a batch's sequences, on one
 * thread, into gradients of its own (the step sums the shards'). Sequences only meet in the
 * weight gradients, so shards need no synchronisation until the sum.
 * <pre>
 *   labels ─► encoder ─► final [n, 2H] ─► mu, sigma = softplus(·) [n, Z] ─► z = mu + sigma·eps
 *   flat:         note decoder over [T, n] from z
 *   hierarchical: conductor(z) ─► e [n·S, H_c] ─► note decoder over [T/S, n·S] from e
 *   loss = Σ_rows r_loss / B + beta · Σ max(kl − free nats, 0) / B    (B = the whole batch)
 * </pre>
 */
final class BatchShard {

    /** This shard's sums over its sequences. */
    record Sums(double reconstruction, double kl, double klCost, long hits) {

        Sums plus(Sums other) {
            return new Sums(reconstruction + other.reconstruction, kl + other.kl, klCost + other.klCost,
                    hits + other.hits);
        }
    }

    private final ModelConfig config;
    private final int from;
    private final int count;
    private final int segments;
    private final int length;
    private final EncoderPass encoder;
    private final ConductorPass conductor;
    private final NoteDecoderPass decoder;
    final Parameters gradients;
    private final float[] mu;
    private final float[] preSigma;
    private final float[] sigma;
    private final float[] z;
    private final float[] dz;
    private final float[] dPreSigma;
    private final float[] dEncoded;
    private final float[] dLatent;
    private final double[] rowLoss;
    private final float[] mask;
    private final float[] noise;

    BatchShard(ModelConfig config, int from, int count, Parameters gradients) {
        this.config = config;
        this.from = from;
        this.count = count;
        this.gradients = gradients;
        boolean hierarchical = config.decoder() == DecoderKind.HIERARCHICAL;
        this.segments = hierarchical ? config.numSegments() : 1;
        this.length = config.numSteps() / segments;
        int classes = config.numClasses();
        this.encoder = new EncoderPass(config.encoder() == EncoderKind.HIERARCHICAL, config.encoderSizes(), classes,
                count, config.numSteps(), config.numSegments());
        this.conductor = hierarchical ? new ConductorPass(config.conductorSizes(), count, segments) : null;
        ModelLayers layers = ModelLayers.of(config);
        int embedding = layers.noteEmbeddingSize();
        int decoderRows = count * segments;
        this.decoder = new NoteDecoderPass(config.decoderSizes(), classes, embedding, decoderRows, length);
        int zSize = config.zSize();
        this.mu = new float[count * zSize];
        this.preSigma = new float[count * zSize];
        this.sigma = new float[count * zSize];
        this.z = new float[count * zSize];
        this.dz = new float[count * zSize];
        this.dPreSigma = new float[count * zSize];
        this.dEncoded = new float[count * layers.encodedSize()];
        this.dLatent = new float[decoderRows * embedding];
        this.rowLoss = new double[decoderRows];
        this.mask = new float[decoderRows * length];
        this.noise = new float[decoderRows * length * classes];
    }

    /**
     * @param eps    {@code [B, Z]} reparameterisation noise of the whole batch
     * @param draw   scheduled sampling's mask {@code [B, T]} and noise {@code [B, T, C]} of the whole batch, or
     *               null for teacher forcing
     */
    Sums run(StepWeights w, int[][] labels, float[] eps, double beta, int batch, SamplingInputs draw,
             Arithmetic math) {
        gradients.clear();
        int zSize = config.zSize();
        float[] encoded = encoder.forward(labels, from, w.encoder(), math);
        w.mu().forward(encoded, count, mu, math);
        w.sigma().forward(encoded, count, preSigma, math);
        double freeNats = config.training().freeBits() * Math.log(2);
        double klSum = 0;
        double klCostSum = 0;
        boolean[] klActive = new boolean[count];
        for (int n = 0; n < count; n++) {
            double kl = 0;
            for (int d = 0; d < zSize; d++) {
                int i = n * zSize + d;
                float s = Activations.softplus(preSigma[i]);
                sigma[i] = s;
                z[i] = mu[i] + s * eps[(from + n) * zSize + d];
                kl += 0.5 * ((double) mu[i] * mu[i] + (double) s * s - 1) - Math.log(s);
            }
            klSum += kl;
            klActive[n] = kl - freeNats > 0;
            klCostSum += Math.max(kl - freeNats, 0);
        }
        float[] latent = conductor == null ? z : conductor.forward(w.conductor(), z, math);
        fillDecoderInputs(labels, draw);
        long hits = decoder.forward(w.decoder(), latent, draw == null ? null : mask, noise, rowLoss, math);
        double reconstruction = 0;
        for (double loss : rowLoss) {
            reconstruction += loss;
        }

        decoder.backward(w.decoder(), 1f / batch, gradients, dLatent, math);
        if (conductor == null) {
            System.arraycopy(dLatent, 0, dz, 0, dz.length);
        } else {
            Arrays.fill(dz, 0f);
            conductor.backward(w.conductor(), dLatent, gradients, dz, math);
        }
        // dmu = dz + beta/B·mu, dsigma = dz·eps + beta/B·(sigma − 1/sigma) where the KL is above the free nats.
        float klWeight = (float) (beta / batch);
        for (int n = 0; n < count; n++) {
            for (int d = 0; d < zSize; d++) {
                int i = n * zSize + d;
                float dSigma = dz[i] * eps[(from + n) * zSize + d];
                if (klActive[n]) {
                    dz[i] += klWeight * mu[i];
                    dSigma += klWeight * (sigma[i] - 1 / sigma[i]);
                }
                dPreSigma[i] = dSigma * Activations.sigmoid(preSigma[i]);
            }
        }
        w.mu().backward(encoded, dz, count, gradients, dEncoded, false, math);
        w.sigma().backward(encoded, dPreSigma, count, gradients, dEncoded, true, math);
        encoder.backward(w.encoder(), dEncoded, gradients, math);
        return new Sums(reconstruction, klSum, klCostSum, hits);
    }

    /**
     * The decoder's rows: with N this shard's sequences, row {@code l·(N·S) + n·S + s} is step l of bar s
     * of sequence n (S = 1 flat).
     * Its previous label is the true label before it in the sequence (a bar's first step reads the
     * last label of the bar before; −1 before the first step).
     */
    private void fillDecoderInputs(int[][] labels, SamplingInputs draw) {
        int rows = count * segments;
        int steps = config.numSteps();
        int classes = config.numClasses();
        int[] previous = decoder.previousLabels();
        int[] targets = decoder.targetLabels();
        for (int l = 0; l < length; l++) {
            for (int n = 0; n < count; n++) {
                int[] sequence = labels[from + n];
                for (int s = 0; s < segments; s++) {
                    int r = l * rows + n * segments + s;
                    int t = s * length + l;
                    previous[r] = t == 0 ? -1 : sequence[t - 1];
                    targets[r] = sequence[t];
                    if (draw != null) {
                        int source = (from + n) * steps + t;
                        mask[r] = draw.teacherMask()[source];
                        if (mask[r] == 0f) {
                            System.arraycopy(draw.noise(), source * classes, noise, r * classes, classes);
                        }
                    }
                }
            }
        }
    }
}
