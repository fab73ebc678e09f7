/**
 * Training's side of the SameDiff graph: the graph's {@link org.melodypalette.model.train.TrainingStep},
 * the teacher-forced pass evaluation runs, the choice of engine ({@code AUTO} asks ND4J for its
 * backend), and ND4J's threads and memory. The only package of training that sees ND4J: the loop,
 * the hand-written step, Adam and the checkpoints ({@code train}) work on float arrays.
 */
package org.melodypalette.model.graphtrain;
