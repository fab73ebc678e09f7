/**
 * The figures of {@code palette eval} beyond reconstruction: interpolation quality
 * ({@link org.melodypalette.model.eval.InterpolationEvaluator}) and sample realism
 * ({@link org.melodypalette.model.eval.RealismEvaluator}), built from small pure metric functions
 * ({@link org.melodypalette.model.api.Hamming}, {@link org.melodypalette.model.eval.DiatonicKey},
 * {@link org.melodypalette.model.eval.MelodyFeature}, {@link org.melodypalette.model.eval.Histogram}).
 *
 * <p>Every metric works on windows of MusicVAE melody labels in Magenta's 90-class vocabulary
 * (0 = no event, 1 = note off, 2..89 = note on of MIDI pitch 21..108), the labels of
 * {@code LabelWindows}. Model outputs are brought into it through the melody they describe
 * ({@link org.melodypalette.model.eval.EvalLabels}), so that all sequences are compared in the same
 * canonical form.
 */
package org.melodypalette.model.eval;
