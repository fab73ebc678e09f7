package org.melodypalette.app.workbench.train;

/**
 * One periodic evaluation on the eval split.
 *
 * @param step                  the step evaluated
 * @param teacherForcedAccuracy per-step accuracy fed the true previous labels
 * @param sampledAccuracy       per-step accuracy decoding freely at temperature 1
 */
public record EvalPoint(long step, double teacherForcedAccuracy, double sampledAccuracy) {
}
