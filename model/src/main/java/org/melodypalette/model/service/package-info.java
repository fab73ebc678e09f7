/**
 * Entry points: what opens a checkpoint as a {@link org.melodypalette.model.api.MelodyGenerator} or a
 * {@link org.melodypalette.model.service.MelodyContinuer}, runs training and evaluation, and builds
 * attribute vectors. They wire the engines together; nothing below them uses them.
 */
package org.melodypalette.model.service;
