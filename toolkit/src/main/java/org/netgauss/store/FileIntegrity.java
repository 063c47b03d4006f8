package org.netgauss.store;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import com.google.gson.JsonElement;
import org.netgauss.store.internal.Crc32c;

/**
 * The checksums a run's manifest records (field {@code files}: relative path → bytes and CRC-32C of every file
 * the run wrote) and their checks. {@code metrics.csv} is the one file rewritten in place; its entry covers the
 * committed prefix (the rows of the epochs the manifest lists), so rows a killed writer added after its last
 * manifest are ignored by readers and dropped on resume. Runs written before checksums existed have no
 * {@code files} field and are read unchecked.
 */
final class FileIntegrity {
    static final String METRICS = "metrics.csv";
    private final Path dir;
    private final JsonObject files;

    FileIntegrity(Path dir, JsonObject manifest) {
        this.dir = dir;
        this.files = manifest.has("files") ? manifest.getAsJsonObject("files") : null;
    }

    /** Whether the manifest records checksums (false for runs of older netgauss versions). */
    boolean recorded() { return files != null; }

    /** The manifest key of a file of the run: its path relative to the run directory, with '/'. */
    String key(Path file) {
        return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** The committed length of {@code metrics.csv}, or -1 if unrecorded. */
    long metricsBytes() {
        return files != null && files.has(METRICS) ? files.getAsJsonObject(METRICS).get("bytes").getAsLong() : -1;
    }

    /** Cheap check of every listed file: it exists and has the recorded length. Names the first damaged file. */
    void checkPresent() {
        if (files == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            long want = e.getValue().getAsJsonObject().get("bytes").getAsLong();
            long size = size(f);
            if (e.getKey().equals(METRICS) ? size < want : size != want) {
                throw truncated(f, size, want);
            }
        }
    }

    /** Checks every listed file's checksum (resume, merge, {@link RunDir#verify}). */
    void verifyAll() {
        if (files == null) {
            return;
        }
        for (String k : files.keySet()) {
            verify(dir.resolve(k));
        }
    }

    /**
     * Checks {@code file} against its recorded length and checksum, if the run records checksums.
     *
     * @throws IllegalArgumentException naming the file if it is missing, truncated or its bytes changed
     * @return the file
     */
    Path verify(Path file) {
        if (files == null) {
            return file;
        }
        String k = key(file);
        JsonElement e = files.get(k);
        if (e == null) {
            throw new IllegalArgumentException(file + " is not among the files the manifest lists; the run directory"
                    + " is damaged or was written by hand");
        }
        long want = e.getAsJsonObject().get("bytes").getAsLong();
        String crc = e.getAsJsonObject().get("crc32c").getAsString();
        long size = size(file);
        boolean metrics = k.equals(METRICS);
        if (metrics ? size < want : size != want) {
            throw truncated(file, size, want);
        }
        String found = metrics ? Crc32c.ofPrefix(file, want) : Crc32c.of(file);
        if (!found.equals(crc)) {
            throw new IllegalArgumentException(file + " is damaged: its CRC-32C is " + found + ", the manifest recorded "
                    + crc + " when it was written; restore it from a copy or train the run again");
        }
        return file;
    }

    /** The manifest entry of a file just written (length and checksum of the whole file). */
    static JsonObject entry(Path file) {
        JsonObject o = new JsonObject();
        o.addProperty("bytes", size(file));
        o.addProperty("crc32c", Crc32c.of(file));
        return o;
    }

    /** The manifest entry of text just written. */
    static JsonObject entry(byte[] content) {
        JsonObject o = new JsonObject();
        o.addProperty("bytes", content.length);
        o.addProperty("crc32c", Crc32c.of(content));
        return o;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(f + " is missing, though the manifest lists it; the run directory is damaged", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + f + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException truncated(Path f, long size, long want) {
        return new IllegalArgumentException(f + " is damaged (" + (size < want ? "truncated" : "grown") + ": " + size
                + " bytes, the manifest recorded " + want + "); restore it from a copy or train the run again");
    }
}
