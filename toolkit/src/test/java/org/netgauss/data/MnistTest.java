package org.netgauss.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @TempDir
    Path dir;

    @Test
    void zeroToOneScalingDividesBy255() {
        IdxFiles.fakeMnist(dir, 12, 5, false);
        Mnist mnist = Mnist.load(dir, PixelScale.ZERO_TO_ONE);
        Dataset train = mnist.train();
        assertEquals(12, train.size());
        assertEquals(784, train.featureCount());
        assertEquals(10, train.classCount());
        for (int i = 0; i < train.size(); i++) {
            assertEquals(i % 10, train.label(i));
            for (int p = 0; p < 784; p += 13) {
                assertEquals(IdxFiles.pixel(i, p) / 255f, train.feature(i, p), 0f);
            }
        }
        // image 0 pixel 0 is grey 0, image 0 pixel 255 is grey 255: the ends of the range exactly
        assertEquals(0f, train.feature(0, 0), 0f);
        assertEquals(1f, train.feature(0, 255), 0f);
        assertEquals(5, mnist.test().size());
    }

    @Test
    void minusOneToOneScalingMatchesTorchvisionNormalize() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        Dataset train = Mnist.load(dir, PixelScale.MINUS_ONE_TO_ONE).train();
        // grey 0 -> -1, 255 -> 1, 51 -> (0.2 - 0.5)/0.5 = -0.6, 153 -> 0.2 (float32 arithmetic as in torch)
        assertEquals(-1f, train.feature(0, 0), 0f);
        assertEquals(1f, train.feature(0, 255), 0f);
        assertEquals(-0.6f, train.feature(0, 51), 1e-6f);
        assertEquals(0.2f, train.feature(0, 153), 1e-6f);
        assertEquals((51f / 255f - 0.5f) / 0.5f, train.feature(0, 51), 0f);
        for (int p = 0; p < 784; p++) {
            float x = train.feature(1, p);
            assertTrue(x >= -1f && x <= 1f, "pixel " + p + " = " + x);
        }
    }

    @Test
    void gzippedFilesAreDetectedByContent() throws Exception {
        IdxFiles.fakeMnist(dir, 7, 4, true);
        Mnist mnist = Mnist.load(dir);
        assertEquals(7, mnist.train().size());
        assertEquals(IdxFiles.pixel(6, 100) / 255f, mnist.train().feature(6, 100), 0f);
        // a gzipped file without the .gz name is read as well
        Path other = dir.resolve("renamed");
        IdxFiles.fakeMnist(Files.createDirectory(other), 2, 2, true);
        for (String f : new String[] {Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS}) {
            assertTrue(other.resolve(f + ".gz").toFile().renameTo(other.resolve(f).toFile()));
        }
        assertEquals(2, Mnist.load(other).test().size());
    }

    @Test
    void truncatedImageFileNamesFileExpectedAndFoundLengths() throws Exception {
        IdxFiles.fakeMnist(dir, 4, 2, false);
        Path images = dir.resolve(Mnist.TRAIN_IMAGES);
        byte[] full = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(full, full.length - 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("4 x 28 x 28"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(full.length)), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(full.length - 100)), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("environment/bin/setup"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsAnIoErrorNamingTheFile() throws Exception {
        IdxFiles.fakeMnist(dir, 4, 2, true);
        Path images = dir.resolve(Mnist.TEST_IMAGES + ".gz");
        byte[] full = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(full, full.length / 2));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
    }

    @Test
    void wrongMagicNumberIsRejected() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        // a labels file where the images should be
        IdxFiles.write(dir.resolve(Mnist.TRAIN_IMAGES), IdxFiles.labels(new byte[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("0x00000803"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
        assertTrue(e.getMessage().contains(Mnist.TRAIN_IMAGES), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        IdxFiles.write(dir.resolve(Mnist.TRAIN_LABELS), IdxFiles.labels(new byte[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("2 labels"), e.getMessage());
    }

    @Test
    void imagesMustBe28By28() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        IdxFiles.write(dir.resolve(Mnist.TEST_IMAGES), IdxFiles.images(2, 16, 16, new byte[2 * 256]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("28 x 28") && e.getMessage().contains("2 x 16 x 16"), e.getMessage());
    }

    @Test
    void labelsMustBeDigits() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        IdxFiles.write(dir.resolve(Mnist.TRAIN_LABELS), IdxFiles.labels(new byte[] {1, 10, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("sample 1 is 10"), e.getMessage());
    }

    @Test
    void missingFileGivesTheDirectoryAndTheFix() {
        IdxFiles.fakeMnist(dir, 3, 2, false);
        assertTrue(dir.resolve(Mnist.TEST_LABELS).toFile().delete());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(Mnist.TEST_LABELS), e.getMessage());
        assertTrue(e.getMessage().contains("environment/bin/setup") && e.getMessage().contains(dir.toString()),
                e.getMessage());
    }

    @Test
    void cacheDirectoryFollowsNetgaussData() {
        Path home = Path.of("/home/someone");
        assertEquals(Path.of("/data/ng/mnist"), Mnist.directoryFor(Map.of("NETGAUSS_DATA", "/data/ng"), home));
        assertEquals(Path.of("/home/someone/.cache/netgauss/mnist"), Mnist.directoryFor(Map.of(), home));
    }

    @Test
    void realMnistHasKnownSizesAndClassCounts() {
        Path real = Mnist.defaultDirectory();
        boolean present = Files.isRegularFile(real.resolve(Mnist.TRAIN_IMAGES))
                || Files.isRegularFile(real.resolve(Mnist.TRAIN_IMAGES + ".gz"));
        Assumptions.assumeTrue(present, "MNIST not found in " + real + "; run environment/bin/setup to test on it");
        Mnist mnist = Mnist.load(real, PixelScale.MINUS_ONE_TO_ONE);
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        // the class counts of the MNIST training set, as published with the data set (and by torchvision)
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                mnist.train().classCounts());
        // the test set's counts add up to 10000; digit 1 is the most frequent (1135)
        assertEquals(1135, mnist.test().classCounts()[1]);
    }

    @Test
    void aDirectoryUnderHomeIsShownWithATilde() {
        Path home = Path.of("/home/ada");
        assertEquals("~/.cache/netgauss/mnist", Mnist.shown(Path.of("/home/ada/.cache/netgauss/mnist"), home));
        assertEquals("/data/mnist", Mnist.shown(Path.of("/data/mnist"), home));
        assertEquals("/home/adam/mnist", Mnist.shown(Path.of("/home/adam/mnist"), home));
    }
}
