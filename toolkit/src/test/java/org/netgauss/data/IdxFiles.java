package org.netgauss.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, byte by byte as the format specifies (big-endian header). */
final class IdxFiles {
    private IdxFiles() {
    }

    static byte[] idx(int magic, int[] dims, byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return idx(0x00000803, new int[] {count, rows, cols}, pixels);
    }

    static byte[] labels(byte[] labels) {
        return idx(0x00000801, new int[] {labels.length}, labels);
    }

    static byte[] gzip(byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bytes)) {
                out.write(content);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A complete fake MNIST directory: {@code nTrain} and {@code nTest} 28 x 28 images where image i has
     * every pixel p set to {@code (i + p) % 256} and label {@code i % 10}.
     */
    static void fakeMnist(Path dir, int nTrain, int nTest, boolean gzipped) {
        writePart(dir, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, nTrain, gzipped);
        writePart(dir, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, nTest, gzipped);
    }

    private static void writePart(Path dir, String imagesName, String labelsName, int n, boolean gzipped) {
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) pixel(i, p);
            }
        }
        byte[] img = images(n, 28, 28, pixels);
        byte[] lab = labels(labels);
        String suffix = gzipped ? ".gz" : "";
        write(dir.resolve(imagesName + suffix), gzipped ? gzip(img) : img);
        write(dir.resolve(labelsName + suffix), gzipped ? gzip(lab) : lab);
    }

    /** The grey value of pixel p of image i in {@link #fakeMnist}. */
    static int pixel(int i, int p) {
        return (i + p) % 256;
    }
}
