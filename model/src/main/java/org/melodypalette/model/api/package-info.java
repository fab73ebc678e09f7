/**
 * The model's contracts, shared by the engines, the entry points ({@code model.service}) and the app:
 * {@link org.melodypalette.model.api.MelodyGenerator} and {@link org.melodypalette.model.api.LatentCodec},
 * latent vectors and their math, and the options, progress and results of training and evaluation.
 * Nothing here uses another model package (ArchUnit: {@code ModelRules.apiHoldsContractsOnly}).
 */
package org.melodypalette.model.api;
