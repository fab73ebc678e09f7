package org.melodypalette.model.net;

import org.nd4j.autodiff.samediff.SDVariable;

/** The state of one LSTM layer in a graph: cell {@code c} and output {@code h}, each {@code [batch, H]}. */
record LstmState(SDVariable c, SDVariable h) {
}
