package org.melodypalette.model.graphtrain;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Float32 values in and out of ND4J arrays, row-major: the edge between the graph's variables and float arrays. */
final class Nd4jCopies {

    private Nd4jCopies() {
    }

    /** The array's values, row-major (its own buffer's copy when it is a whole row-major float array). */
    static float[] rowMajor(INDArray array) {
        return wholeRowMajor(array) ? array.data().asFloat() : array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** Writes row-major {@code values} into {@code array}. */
    static void store(INDArray array, float[] values) {
        if (wholeRowMajor(array)) {
            array.data().setData(values);
        } else {
            try (INDArray source = Nd4j.create(values, array.shape(), 'c')) {
                array.assign(source);
            }
        }
    }

    private static boolean wholeRowMajor(INDArray array) {
        return !array.isView() && array.ordering() == 'c' && array.data().length() == array.length()
                && array.dataType() == DataType.FLOAT;
    }
}
