package org.melodypalette.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.music.Melody;

/**
 * What the commands say when an input's refined code does not give the input back: its argmax decode
 * differs in some steps (the model cannot play it note for note, or refinement ran out of steps), so output
 * built from that code, e.g. a path's end, is not the input. The workbench's status line says the same
 * ({@code LoadedModel.notGivenBack}). Commands ask only when they refine: posterior means are not meant to
 * give the melodies back.
 */
final class GivenBack {

    private GivenBack() {
    }

    /**
     * Prints {@code warning: FILE is not given back exactly by this model (N steps differ): CONSEQUENCE} on
     * {@code err} for each input whose code does not decode (argmax) to its melody.
     *
     * @param files        the inputs as named on the command line
     * @param melodies     their melodies as the model took them, in the same order
     * @param encodings    their refined codes, in the same order
     * @param consequences for each input, what differs from it in the output, e.g. "the path's end differs from it"
     */
    static void warn(LatentCodec codec, List<Path> files, List<Melody> melodies, List<Encoding> encodings,
            List<String> consequences, PrintStream err) {
        for (int i = 0; i < files.size(); i++) {
            // An exact code's decode was confirmed by the refiner; only the others need decoding here.
            if (encodings.get(i).exact()) {
                continue;
            }
            int[] decoded = codec.decodeCodes(List.of(encodings.get(i).code()), DecodeOptions.ARGMAX)[0];
            int differing = differences(decoded, codec.labels(melodies.get(i)));
            if (differing > 0) {
                err.println("warning: " + files.get(i) + " is not given back exactly by this model ("
                        + stepsDiffer(differing) + "): " + consequences.get(i));
            }
        }
    }

    /** Steps at which two label sequences of one length differ. */
    static int differences(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("label sequences of " + a.length + " and " + b.length + " steps");
        }
        int count = 0;
        for (int t = 0; t < a.length; t++) {
            count += a[t] == b[t] ? 0 : 1;
        }
        return count;
    }

    /** "1 step differs", "3 steps differ". */
    static String stepsDiffer(int count) {
        return String.format(Locale.ROOT, count == 1 ? "%d step differs" : "%d steps differ", count);
    }
}
