package org.melodypalette.model.api;

/**
 * How prior samples compare with the data, feature by feature (after Yang &amp; Lerch 2018, "On the
 * evaluation of generative models in music"): {@code samples} melodies decoded from
 * {@code z ~ N(0, I)} at {@code temperature} against the {@code dataWindows} evaluated windows. The
 * {@code ceiling...} figures compare the data's first half with its second half (windows in dataset
 * order, so songs rarely straddle the halves): what two sets of real melodies score, the best a
 * model can hope for. Finite sets never overlap fully: the halves' figures also show how much of
 * the gap to 1 (overlap) or 0 (divergence) is sampling noise at these set sizes.
 *
 * @param samples        prior samples decoded
 * @param temperature    their sampling temperature (0 = argmax)
 * @param dataWindows    data windows compared with them
 * @param silentSamples  share of samples without a note
 * @param silentData     share of data windows without a note
 * @param noteDensity    notes per bar
 * @param barOnsets      note-ons in each bar (bin 0: bars where nothing starts)
 * @param pitchRange     highest minus lowest pitch per window
 * @param pitchClass     absolute pitch classes (depends on the keys in the data and on training's transposition)
 * @param keyPitchClass  pitch classes above each window's own major tonic (tonality, whatever the key)
 * @param interval       semitones between consecutive notes
 */
public record EvaluationRealism(int samples, double temperature, int dataWindows, double silentSamples,
                                double silentData, EvaluationFeature noteDensity, EvaluationFeature barOnsets,
                                EvaluationFeature pitchRange,
                                EvaluationFeature pitchClass, EvaluationFeature keyPitchClass,
                                EvaluationFeature interval) {
}
