package org.melodypalette.datasets;

import org.melodypalette.files.BoundedFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.melodypalette.files.AtomicFiles;

/**
 * The compact dataset file training reads: {@code "MPWIN1\n"}, a big-endian int header length,
 * the {@link DatasetInfo} as JSON, two big-endian ints (train and eval window counts), then the
 * train and eval labels, one byte per step. Written atomically; read with every size checked
 * against the file before anything is allocated.
 */
public final class WindowDatasetFile {

    private static final byte[] MAGIC = "MPWIN1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Jackson puts in a location's text when it may not quote the input; says nothing to a user. */
    private static final String REDACTED_SOURCE =
            "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

    private WindowDatasetFile() {
    }

    public static void write(Path file, WindowDataset dataset) throws IOException {
        byte[] header = JSON.writeValueAsBytes(dataset.info());
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.write(MAGIC);
            data.writeInt(header.length);
            data.write(header);
            data.writeInt(dataset.train().count());
            data.writeInt(dataset.eval().count());
            data.write(dataset.train().toFlat());
            data.write(dataset.eval().toFlat());
            data.flush();
        });
    }

    /**
     * The header's {@link DatasetInfo}; a problem is one line naming what is wrong and where,
     * without Jackson's internals.
     */
    private static DatasetInfo parseHeader(Path file, byte[] header) throws DatasetFormatException {
        DatasetInfo info;
        try {
            info = JSON.readValue(header, DatasetInfo.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String problem = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : cause instanceof NullPointerException ? "a required field is missing or null"
                    : e.getOriginalMessage().replace(REDACTED_SOURCE, "");
            JsonLocation at = e.getLocation();
            throw new DatasetFormatException(file, "header is not valid: " + problem + (at == null || at.getLineNr() < 0
                    ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new DatasetFormatException(file, "header is not valid: " + e.getMessage());
        }
        if (info == null) {
            throw new DatasetFormatException(file, "header is not valid: it is JSON null");
        }
        if ((long) info.bars() * info.stepsPerBar() > Integer.MAX_VALUE) {
            throw new DatasetFormatException(file, "windows of " + info.bars() + " bars of " + info.stepsPerBar()
                    + " steps are too long");
        }
        return info;
    }

    /** Reads a dataset file; any problem is a {@link DatasetFormatException} naming the file. */
    public static WindowDataset read(Path file) throws IOException {
        long size;
        try {
            size = BoundedFiles.regularSize(file);
        } catch (BoundedFiles.Refused e) {
            throw new DatasetFormatException(file, e.problem());
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file, "file not found");
        }
        try (InputStream in = BoundedFiles.open(file, size)) {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DatasetFormatException(file, "not a Melody Palette dataset file (bad magic)");
            }
            int headerLength = data.readInt();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size) {
                throw new DatasetFormatException(file, "header length " + headerLength + " is invalid");
            }
            byte[] header = data.readNBytes(headerLength);
            if (header.length != headerLength) {
                throw new DatasetFormatException(file, "truncated in the header");
            }
            DatasetInfo info = parseHeader(file, header);
            int trainCount = data.readInt();
            int evalCount = data.readInt();
            if (trainCount < 0 || evalCount < 0) {
                throw new DatasetFormatException(file, "declares a negative window count (" + trainCount
                        + " train, " + evalCount + " eval)");
            }
            long expected = (long) MAGIC.length + 4 + headerLength + 8
                    + ((long) trainCount + evalCount) * info.numSteps();
            if (expected != size) {
                throw new DatasetFormatException(file, "declares " + trainCount + " train and "
                        + evalCount + " eval windows of " + info.numSteps() + " steps ("
                        + expected + " bytes) but has " + size + " bytes");
            }
            byte[] train = data.readNBytes(trainCount * info.numSteps());
            byte[] eval = data.readNBytes(evalCount * info.numSteps());
            try {
                return new WindowDataset(info, LabelWindows.fromFlat(info.numSteps(), train),
                        LabelWindows.fromFlat(info.numSteps(), eval));
            } catch (IllegalArgumentException e) {
                throw new DatasetFormatException(file, e.getMessage());
            }
        } catch (EOFException e) {
            throw new DatasetFormatException(file, "file is truncated");
        }
    }
}
