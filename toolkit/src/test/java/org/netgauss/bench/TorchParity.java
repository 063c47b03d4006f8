package org.netgauss.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.netgauss.data.Dataset;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Optimizer;
import org.netgauss.nn.Seeds;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.Npy;
import org.netgauss.store.RunDir;

/**
 * End-to-end parity with PyTorch: trains the PIGMM network (784→10→10→10→10, no bias, ReLU, Adam) for two
 * epochs on a 2 000-image MNIST subset, then {@code torch_parity.py} replays the same initial weights
 * (checkpoint 0) and the same per-member data orders with {@code torch.nn.Linear}/{@code torch.optim.Adam} and
 * reports the largest difference to netgauss's checkpoints. Not a unit test (needs MNIST and torch). Run:
 * <pre>
 *   java -cp toolkit/target/test-classes:toolkit/target/classes:$(cat toolkit/target/bench.cp) \
 *        org.netgauss.bench.TorchParity [mnist-dir]
 * </pre>
 */
public final class TorchParity {
    private TorchParity() {
    }

    public static void main(String[] args) throws Exception {
        Path mnist = Path.of(args.length > 0 ? args[0] : System.getProperty("user.home") + "/.cache/netgauss/mnist");
        Dataset train = readIdx(mnist.resolve("train-images-idx3-ubyte"), mnist.resolve("train-labels-idx1-ubyte"), 2000);
        Path dir = Files.createTempDirectory("netgauss-parity");
        int members = 3;
        TrainingConfig cfg = TrainingConfig.defaults(Mlp.of(784, 10, 10, 10, 10).withBias(false))
                .withEnsembleSize(members).withEpochs(2).withBatchSize(100).withSeed(5)
                .withOptimizer(new Optimizer.Adam(1e-3, 0.9, 0.999, 1e-8, 0.01));
        RunDir run = Training.of(cfg).withThreads(2).run(train, dir.resolve("run"));
        Npy.write(dir.resolve("x.npy"), train.features(), train.size(), 784);
        Npy.write(dir.resolve("y.npy"), train.labels(), train.size());
        for (int m = 0; m < members; m++) {
            for (int e = 1; e <= 2; e++) {
                int[] order = Seeds.rng(cfg.seed(), m, Seeds.Purpose.DATA_ORDER, e).permutation(train.size());
                Npy.write(dir.resolve(String.format(Locale.ROOT, "order-%d-%d.npy", m, e)), order, order.length);
            }
        }
        Path script = dir.resolve("torch_parity.py");
        try (InputStream in = TorchParity.class.getResourceAsStream("torch_parity.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("run directory: " + run.directory());
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), dir.toString(), Integer.toString(members), "2")
                .inheritIO().start();
        System.exit(p.waitFor());
    }

    /** A private IDX reader for this harness only (the data package owns the real loader). */
    static Dataset readIdx(Path images, Path labels, int limit) throws IOException {
        try (DataInputStream im = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(images)));
             DataInputStream lb = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(labels)))) {
            if (im.readInt() != 0x803 || lb.readInt() != 0x801) {
                throw new IOException("not MNIST IDX files: " + images + ", " + labels);
            }
            int n = Math.min(limit, im.readInt());
            lb.readInt();
            int rows = im.readInt();
            int cols = im.readInt();
            float[] x = new float[n * rows * cols];
            int[] y = new int[n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (im.readUnsignedByte() / 255f - 0.5f) / 0.5f; // ToTensor + Normalize(0.5, 0.5)
            }
            for (int i = 0; i < n; i++) {
                y[i] = lb.readUnsignedByte();
            }
            return new Dataset("mnist-train-" + n, x, y, rows * cols, 10);
        }
    }
}
