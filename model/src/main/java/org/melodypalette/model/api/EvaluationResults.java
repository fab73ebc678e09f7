package org.melodypalette.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Everything {@code palette eval} reports. As JSON, the reconstruction figures keep their top-level
 * keys ({@code teacherForcedAccuracy}, {@code sampledAccuracy}, {@code kl}, {@code elbo}, ...) and the
 * other two are objects {@code interpolation} and {@code sampleRealism} (left out when skipped).
 *
 * @param reconstruction reconstruction accuracy, KL and ELBO ({@link EvaluationReport})
 * @param interpolation  latent vs data-space interpolation quality; null when skipped (0 pairs)
 * @param sampleRealism  prior samples vs data feature distributions; null when skipped (0 samples)
 * @param fidelity       exactness of the decodes and smoothness of the paths; null when not asked for
 */
public record EvaluationResults(@JsonUnwrapped EvaluationReport reconstruction,
                                @JsonInclude(JsonInclude.Include.NON_NULL) EvaluationInterpolation interpolation,
                                @JsonInclude(JsonInclude.Include.NON_NULL) EvaluationRealism sampleRealism,
                                @JsonInclude(JsonInclude.Include.NON_NULL) EvaluationFidelity fidelity) {

    /** Without the fidelity figures. */
    public EvaluationResults(EvaluationReport reconstruction, EvaluationInterpolation interpolation,
                             EvaluationRealism sampleRealism) {
        this(reconstruction, interpolation, sampleRealism, null);
    }

    public EvaluationResults {
        if (reconstruction == null) {
            throw new IllegalArgumentException("the reconstruction report is required");
        }
    }
}
