package org.netgauss.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted MNIST cache files: gzip bombs, headers announcing more than a JVM holds, FIFOs. */
class IdxHostileInputTest {
    @TempDir
    Path dir;

    /** gzip of an IDX image header for {@code count} 28 x 28 images followed by {@code zeros} zero bytes. */
    private static byte[] gzipBomb(int count, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            gz.write(ByteBuffer.allocate(16).putInt(Idx.UBYTE_3D).putInt(count).putInt(28).putInt(28).array());
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                gz.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void gzipBombIsRefusedAfterReadingOnlyWhatTheHeaderAnnounces() throws IOException {
        IdxFiles.fakeMnist(dir, 4, 2, false);
        // 4 images announced, 64 MiB inflated from ~64 KiB on disk (a real bomb has gigabytes; the reader stops
        // after the announced bytes plus 1 MiB either way)
        long zeros = 64L << 20;
        byte[] bomb = gzipBomb(4, zeros);
        assertTrue(bomb.length < 1 << 20, "bomb of " + bomb.length + " bytes");
        Path images = dir.resolve(Mnist.TRAIN_IMAGES);
        Files.delete(images);
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES + ".gz"), bomb);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("trailing bytes") && e.getMessage().contains("more than"), e.getMessage());
        assertTrue(e.getMessage().contains(Mnist.TRAIN_IMAGES + ".gz"), e.getMessage());
    }

    @Test
    void trailingBytesAreCountedExactlyWhenFew() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        Path labels = dir.resolve(Mnist.TRAIN_LABELS);
        IdxFiles.write(labels, IdxFiles.idx(Idx.UBYTE_1D, new int[] {3}, new byte[] {1, 2, 3, 4, 5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        // 8 header bytes + 3 labels expected, 8 + 5 found
        assertTrue(e.getMessage().contains("11 bytes in all, found 13 (trailing bytes)"), e.getMessage());
    }

    @Test
    void headerAnnouncingMoreThanAJavaArrayIsRefusedBeforeReading() throws IOException {
        IdxFiles.fakeMnist(dir, 4, 2, false);
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES),
                ByteBuffer.allocate(16).putInt(Idx.UBYTE_3D).putInt(Integer.MAX_VALUE).putInt(28).putInt(28).array());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("more than this JVM can hold"), e.getMessage());
        // the product 2^31 x 2^31 x 2^31 overflows a long: refused the same way, not wrapped around
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), ByteBuffer.allocate(16).putInt(Idx.UBYTE_3D)
                .putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).array());
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("more than this JVM can hold"), e.getMessage());
    }

    @Test
    void fifoInTheCacheIsRefusedNotWaitedOn() throws Exception {
        IdxFiles.fakeMnist(dir, 4, 2, false);
        Path labels = dir.resolve(Mnist.TEST_LABELS);
        Files.delete(labels);
        assertEquals(0, new ProcessBuilder("mkfifo", labels.toString()).start().waitFor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(labels + ": not a regular file"), e.getMessage());
    }

    @Test
    void truncatedHeaderAndEmptyFileSayWhatWasFound() {
        IdxFiles.fakeMnist(dir, 4, 2, false);
        IdxFiles.write(dir.resolve(Mnist.TRAIN_IMAGES), new byte[] {0, 0, 8, 3, 0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("truncated header") && e.getMessage().contains("found 6"), e.getMessage());
        IdxFiles.write(dir.resolve(Mnist.TRAIN_IMAGES), new byte[0]);
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("found a file of 0 bytes"), e.getMessage());
    }
}
