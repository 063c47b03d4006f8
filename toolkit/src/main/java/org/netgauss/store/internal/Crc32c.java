package org.netgauss.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli, RFC 3720 §B.4) of a file or of its first bytes, as 8 lower-case hex digits. The JDK's
 * {@link CRC32C} uses the CPU's CRC instruction, so checking a checkpoint costs about as much as reading it.
 * A CRC detects every burst error up to 32 bits and any odd number of flipped bits: it guards against damage
 * (disk, copy, truncation), not against deliberate tampering.
 */
public final class Crc32c {
    private Crc32c() {
    }

    /** The checksum of the whole file. */
    public static String of(Path file) {
        return ofPrefix(file, Long.MAX_VALUE);
    }

    /** The checksum of the file's first {@code bytes} bytes (all of it if shorter). */
    public static String ofPrefix(Path file, long bytes) {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[1 << 16];
        long left = bytes;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                crc.update(buf, 0, n);
                left -= n;
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return hex(crc.getValue());
    }

    /** The checksum of bytes in memory. */
    public static String of(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        return hex(crc.getValue());
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "%08x", v);
    }
}
