package org.melodypalette.model.api;

/**
 * A continuation model held out on a split, every step predicted from the true labels before it
 * (teacher forcing), beside a bigram baseline fitted on the train split.
 *
 * @param step                 the training step evaluated
 * @param windows              windows evaluated
 * @param predictions          steps predicted (windows × steps)
 * @param accuracy             share of steps whose most likely label is the true one
 * @param logLikelihood        mean log-likelihood per step, nats (≤ 0)
 * @param perplexity           {@code exp(−logLikelihood)}
 * @param bigramLogLikelihood  the bigram baseline's mean log-likelihood per step on the same windows, nats
 * @param bigramAccuracy       the bigram baseline's per-step accuracy
 */
public record ContinuationEvaluation(long step, int windows, long predictions, double accuracy, double logLikelihood,
                                     double perplexity, double bigramLogLikelihood, double bigramAccuracy) {

    /** How many nats per step the model's log-likelihood is above the bigram's. */
    public double marginOverBigram() {
        return logLikelihood - bigramLogLikelihood;
    }
}
