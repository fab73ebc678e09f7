package org.melodypalette.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One feature's distribution in prior samples and in the data, and how close they are. Both
 * measures compare the normalised histograms p (samples) and q (data):
 * {@code overlap = Σ min(p_k, q_k)} (histogram intersection, 1 = identical, 0 = disjoint) and
 * {@code jsDivergence} = Jensen–Shannon divergence in bits (0 = identical, 1 = disjoint).
 *
 * @param description         what one count is
 * @param bins                bin names, in order
 * @param samples             share of the samples' counts per bin
 * @param data                share of the data's counts per bin
 * @param samplesMean         mean per-window value over the samples, for per-window features; else null
 * @param dataMean            the same over the data
 * @param overlap             histogram intersection, samples vs data
 * @param jsDivergence        Jensen–Shannon divergence (bits), samples vs data
 * @param ceilingOverlap      histogram intersection, data first half vs second half
 * @param ceilingJsDivergence Jensen–Shannon divergence (bits), data first half vs second half
 */
public record EvaluationFeature(String description, List<String> bins, List<Double> samples, List<Double> data,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Double samplesMean,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Double dataMean,
                                double overlap, double jsDivergence, double ceilingOverlap,
                                double ceilingJsDivergence) {

    public EvaluationFeature {
        bins = List.copyOf(bins);
        samples = List.copyOf(samples);
        data = List.copyOf(data);
        if (samples.size() != bins.size() || data.size() != bins.size()) {
            throw new IllegalArgumentException(bins.size() + " bins but " + samples.size() + " sample and "
                    + data.size() + " data shares");
        }
    }
}
