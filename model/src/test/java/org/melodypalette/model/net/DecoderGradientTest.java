package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Gradient checks of the flat note decoder and of the conductor driving a core decoder. */
class DecoderGradientTest {

    private static final int CLASSES = 5;
    private static final int LATENT = 3;
    private static final int BATCH = 2;
    private static final int STEPS = 4;

    private final SameDiff sd = SameDiff.create();
    private final List<String> variables = new ArrayList<>();

    private SDVariable var(String name, long seed, long... shape) {
        variables.add(name);
        return sd.var(name, GraphTesting.uniform(seed, shape));
    }

    private LstmCell cell(String name, int in, int hidden, long seed) {
        return new LstmCell(sd, var(name + "/kernel", seed, in + hidden, 4L * hidden),
                var(name + "/bias", seed + 1, 4L * hidden), in, hidden);
    }

    /** Two layers (3, 2) reading concat(previous, latent of size {@code latent}). */
    private NoteDecoderGraph noteDecoder(int latent) {
        List<LstmCell> cells = List.of(cell("dec0", CLASSES + latent, 3, 20), cell("dec1", 3, 2, 22));
        return new NoteDecoderGraph(sd, cells, var("init/kernel", 24, latent, 2 * (3 + 2)),
                var("init/bias", 25, 2 * (3 + 2)), var("out/kernel", 26, 2, CLASSES), var("out/bias", 27, CLASSES),
                CLASSES);
    }

    private Map<String, INDArray> previousFeed() {
        return Map.of("previous", GraphTesting.uniform(5, BATCH, STEPS, CLASSES));
    }

    @Test
    void flatDecoderGradientsMatchFiniteDifferences() {
        SDVariable previous = sd.placeHolder("previous", DataType.DOUBLE, -1, STEPS, CLASSES);
        SDVariable z = var("z", 1, BATCH, LATENT);
        NoteDecoderGraph decoder = noteDecoder(LATENT);
        SDVariable logits = decoder.logits(decoder.run(decoder.projectPrevious(previous, STEPS), z, 0, STEPS));
        GraphTesting.weightedSum(sd, logits, 7, "loss", BATCH * STEPS, CLASSES);

        FiniteDifferences.Result result = FiniteDifferences.checkDirections(sd, "loss", previousFeed(), variables, 3);

        assertThat(result.passed()).as(result.toString()).isTrue();
    }

    @Test
    void conductorAndCoreDecoderGradientsMatchFiniteDifferences() {
        SDVariable previous = sd.placeHolder("previous", DataType.DOUBLE, -1, STEPS, CLASSES);
        SDVariable z = var("z", 1, BATCH, LATENT);
        ConductorGraph conductor = new ConductorGraph(sd, List.of(cell("cond0", 1, 2, 30), cell("cond1", 2, 2, 32)),
                var("cond_init/kernel", 34, LATENT, 2 * (2 + 2)), var("cond_init/bias", 35, 2 * (2 + 2)));
        NoteDecoderGraph decoder = noteDecoder(2);
        SDVariable[] previousGates = decoder.projectPrevious(previous, STEPS);
        List<SDVariable> embeddings = conductor.embeddings(z, 2);
        List<SDVariable> outputs = new ArrayList<>(decoder.run(previousGates, embeddings.get(0), 0, 2));
        outputs.addAll(decoder.run(previousGates, embeddings.get(1), 2, 4));
        GraphTesting.weightedSum(sd, decoder.logits(outputs), 7, "loss", BATCH * STEPS, CLASSES);

        FiniteDifferences.Result result = FiniteDifferences.checkDirections(sd, "loss", previousFeed(), variables, 4);

        assertThat(result.passed()).as(result.toString()).isTrue();
    }
}
