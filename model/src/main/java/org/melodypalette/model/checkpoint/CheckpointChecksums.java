package org.melodypalette.model.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.BoundedFiles;
import org.melodypalette.model.config.ContinuationConfigJson;

/**
 * The SHA-256 of every file our checkpoints write, kept beside them in {@value #FILE_NAME} in
 * {@code sha256sum}'s format (one line {@code <64 hex digits><two spaces><file name>} per file, so
 * {@code sha256sum -c checksums.sha256} checks a folder too). Loading verifies every listed file
 * before reading any and names the first damaged one; a folder without the file (magenta.js's,
 * or one written before checksums) loads unverified. Files added to a folder later (a model card,
 * {@code attributes.json}) are not listed and not checked.
 */
public final class CheckpointChecksums {

    public static final String FILE_NAME = "checksums.sha256";
    /** A line per file; a checkpoint has a few dozen files. */
    private static final int MAX_FILE_BYTES = 1 << 20;
    /** Largest file hashed: the weights' limit, twice over for the optimizer state's two moments. */
    private static final long MAX_HASHED_BYTES = 2 * WeightsManifest.MAX_TOTAL_BYTES + (16 << 20);
    private static final HexFormat HEX = HexFormat.of();

    private CheckpointChecksums() {
    }

    /** Writes {@value #FILE_NAME} listing {@code names} (files in {@code dir}), atomically. */
    public static void write(Path dir, List<String> names) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
        }
        AtomicFiles.write(dir.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code dir} records checksums. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(FILE_NAME));
    }

    /**
     * Checks every file {@value #FILE_NAME} lists; does nothing when the folder has none.
     *
     * @throws CheckpointException naming the checksum file when it is malformed, or the first listed
     *                             file that is missing or whose content does not match
     */
    public static void verify(Path dir) throws CheckpointException {
        Path listFile = dir.resolve(FILE_NAME);
        if (!Files.exists(listFile)) {
            return;
        }
        for (Map.Entry<String, String> e : read(listFile).entrySet()) {
            Path file = dir.resolve(e.getKey());
            String actual;
            try {
                actual = sha256(file);
            } catch (BoundedFiles.Refused ex) {
                throw new CheckpointException(file, ex.problem());
            } catch (NoSuchFileException ex) {
                throw new CheckpointException(file, "is missing, but " + FILE_NAME + " lists it");
            } catch (IOException ex) {
                throw new CheckpointException(file, "cannot read: " + ex.getMessage(), ex);
            }
            if (!actual.equals(e.getValue())) {
                throw new CheckpointException(file, "is damaged: its SHA-256 differs from the one " + FILE_NAME
                        + " records (the file changed after the checkpoint was written)");
            }
        }
    }

    /** File name → expected SHA-256 (lower-case hex), in file order. */
    static Map<String, String> read(Path listFile) throws CheckpointException {
        String text;
        try {
            text = new String(BoundedFiles.read(listFile, MAX_FILE_BYTES), StandardCharsets.UTF_8);
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(listFile, e.problem());
        } catch (IOException e) {
            throw new CheckpointException(listFile, "cannot read: " + e.getMessage(), e);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String name = line.length() > 66 ? line.substring(66) : "";
            String hash = line.length() > 66 ? line.substring(0, 64) : "";
            if (!hash.matches("[0-9a-f]{64}") || !line.startsWith("  ", 64) || !isPlainName(name)) {
                throw new CheckpointException(listFile, "line " + (i + 1)
                        + " is not '<SHA-256 in 64 hex digits>  <file name in this folder>'");
            }
            if (expected.put(name, hash) != null) {
                throw new CheckpointException(listFile, "lists " + name + " twice");
            }
        }
        if (expected.isEmpty()) {
            throw new CheckpointException(listFile, "lists no files");
        }
        return expected;
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("\\") && name.chars().noneMatch(Character::isISOControl);
    }

    /** The file's SHA-256 in lower-case hex; refuses anything but a regular file within the limit. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = BoundedFiles.open(file, MAX_HASHED_BYTES)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HEX.formatHex(digest.digest());
    }

    /**
     * Writes the checksum file of each checkpoint folder given, over the files our checkpoints
     * write that it holds (config, manifest, shards, training files); the files are not changed.
     * Used once for checkpoints written before checksums existed.
     */
    public static void main(String[] folders) throws IOException {
        for (String folder : folders) {
            Path dir = Path.of(folder);
            List<String> names = new ArrayList<>(List.of(CheckpointFolder.CONFIG_FILE, WeightsManifest.FILE_NAME));
            names.addAll(WeightsManifest.shardNames(dir));
            for (String training : List.of("metrics.json", "optimizer_state.bin", "training_state.json")) {
                if (Files.isRegularFile(dir.resolve(training))) {
                    names.add(training);
                }
            }
            // Only a checkpoint that loads gets checksums (a continuation model: its weights).
            if (ContinuationConfigJson.isContinuation(
                    new ObjectMapper().readTree(dir.resolve(CheckpointFolder.CONFIG_FILE).toFile()))) {
                WeightsManifest.read(dir);
            } else {
                CheckpointFolder.load(dir);
            }
            write(dir, names);
            System.out.println(dir.resolve(FILE_NAME) + ": " + names.size() + " files");
        }
    }
}
