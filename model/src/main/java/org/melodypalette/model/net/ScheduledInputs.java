package org.melodypalette.model.net;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Scheduled sampling's per-step graph inputs, indexed by decoder step t (see
 * {@link NoteDecoderGraph#scheduledInputs}): {@code trueLabels} is the true previous label where step t
 * reads it and 0 where it reads the model's sample, {@code sampler} is 1 where it reads the sample
 * and 0 elsewhere (both int64 {@code [batch]}), and {@code logitOffsets} is the output bias plus the
 * Gumbel noise of that sample, {@code [batch, C]}.
 */
record ScheduledInputs(List<SDVariable> trueLabels, List<SDVariable> sampler, List<SDVariable> logitOffsets) {

    ScheduledInputs {
        trueLabels = List.copyOf(trueLabels);
        sampler = List.copyOf(sampler);
        logitOffsets = List.copyOf(logitOffsets);
    }
}
