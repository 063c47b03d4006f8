package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Npy;

/**
 * Crafted inputs for every subcommand and file reader: truncated, oversized, overflowing, wrongly typed, wrongly
 * signed, NaN/Inf, special files. Each must end with a non-zero exit, exactly one line on stderr and no stack trace,
 * print no NaN, and leave no output behind. (The .npy header cases are {@code NpyHostileInputTest}, the Slurm
 * injections {@code SubmitSafetyTest}; this class feeds them through every command that reads them.)
 */
class CliFuzzTest {
    @TempDir
    static Path dir;

    /** One crafted invocation: a name, and the arguments given the temporary directory. */
    record Case(String name, Function<Path, String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path file(Path d, String name, byte[] content) {
        try {
            Path p = d.resolve(name);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] npy(String descr, String shape, byte[] data) {
        return org.netgauss.store.NpyHostileInputTest.npy("{'descr': '" + descr + "', 'fortran_order': False, 'shape': "
                + shape + ", }", data);
    }

    private static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    /** A valid [20, 5, 5] ensemble with one entry replaced by {@code v}. */
    private static byte[] ensembleWith(double v) {
        WeightEnsemble e = PigmmParameters.of(5, NetgaussCliTest.F_STRUCT).sample(20, new SplittableRandom(1));
        double[] x = e.toArray();
        x[37] = v;
        return npy("<f8", "(20, 5, 5)", doubles(x));
    }

    /** Files that are valid .npy but wrong for an ensemble or a probability array. */
    static List<Object[]> wrongContent() {
        List<Object[]> c = new ArrayList<>();
        c.add(new Object[] {"NaN entry", ensembleWith(Double.NaN)});
        c.add(new Object[] {"+Inf entry", ensembleWith(Double.POSITIVE_INFINITY)});
        c.add(new Object[] {"-Inf entry", ensembleWith(Double.NEGATIVE_INFINITY)});
        c.add(new Object[] {"huge entry 1e308", ensembleWith(1e308)});
        c.add(new Object[] {"int32", npy("<i4", "(2, 4, 4)", new byte[128])});
        c.add(new Object[] {"int64", npy("<i8", "(2, 4, 4)", new byte[256])});
        c.add(new Object[] {"rank 2", npy("<f8", "(4, 4)", new byte[128])});
        c.add(new Object[] {"rank 4", npy("<f8", "(2, 2, 2, 2)", new byte[128])});
        c.add(new Object[] {"rank 0", npy("<f8", "()", new byte[8])});
        c.add(new Object[] {"one member", npy("<f8", "(1, 4, 4)", new byte[128])});
        c.add(new Object[] {"no members", npy("<f8", "(0, 4, 4)", new byte[0])});
        c.add(new Object[] {"zero-size member", npy("<f8", "(4, 0, 0)", new byte[0])});
        c.add(new Object[] {"D = 3", npy("<f8", "(4, 3, 3)", new byte[288])});
        c.add(new Object[] {"D = 1", npy("<f8", "(4, 1, 1)", new byte[32])});
        c.add(new Object[] {"all zeros", npy("<f8", "(4, 4, 4)", new byte[512])});
        return c;
    }

    /** The commands that read one .npy file, as a function of that file. */
    static List<Object[]> npyReaders() {
        return List.<Object[]>of(
                new Object[] {"fit", (Function<String, String[]>) f -> new String[] {"fit", f}},
                new Object[] {"fit iid", (Function<String, String[]>) f -> new String[] {"fit", f, "--model", "iid"}},
                new Object[] {"fit rectangular", (Function<String, String[]>) f -> new String[] {"fit", f, "--model",
                    "rectangular", "--json"}},
                new Object[] {"invariants", (Function<String, String[]>) f -> new String[] {"invariants", f, "--json"}},
                new Object[] {"wasserstein A", (Function<String, String[]>) f -> new String[] {"wasserstein", f, "--init",
                    "gaussian"}},
                new Object[] {"inpca", (Function<String, String[]>) f -> new String[] {"inpca", f, "--json"}});
    }

    @SuppressWarnings("unchecked")
    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // every crafted .npy (header attacks and wrong content) through every command that reads one
        List<Object[]> files = new ArrayList<>();
        org.netgauss.store.NpyHostileInputTest.hostileFiles().forEach(a -> files.add(new Object[] {a.get()[0], a.get()[1]}));
        files.addAll(wrongContent());
        for (Object[] reader : npyReaders()) {
            Function<String, String[]> args = (Function<String, String[]>) reader[1];
            for (Object[] f : files) {
                if (reader[0].equals("wasserstein A") && f[0].equals("all zeros")) {
                    continue; // a point mass has a defined W2 to the init reference: CliValidationTest checks its value
                }
                String fileName = "f" + Math.abs(f[0].hashCode()) + ".npy";
                cases.add(new Case(reader[0] + ": " + f[0], d -> args.apply(file(d, fileName, (byte[]) f[1]).toString())));
            }
            cases.add(new Case(reader[0] + ": FIFO", d -> args.apply(fifo(d).toString())));
            cases.add(new Case(reader[0] + ": directory", d -> args.apply(d.toString())));
            cases.add(new Case(reader[0] + ": missing", d -> args.apply(d.resolve("missing.npy").toString())));
            cases.add(new Case(reader[0] + ": /dev/zero", d -> args.apply("/dev/zero")));
            cases.add(new Case(reader[0] + ": /dev/null", d -> args.apply("/dev/null")));
            cases.add(new Case(reader[0] + ": dangling link", d -> args.apply(dangling(d).toString())));
        }
        // numbers out of range, wrongly typed, wrongly signed, NaN/Inf
        String[][] numeric = {
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "1000000000"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "2147483647", "--networks", "2"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "100000000", "--width", "2"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "0"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "-1", "--width", "3"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--networks", "0"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--networks", "-5"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--networks", "2147483647"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--sigma-w", "NaN"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--sigma-w", "Infinity"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--sigma-b", "-1"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--threads", "0"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--threads", "-2"},
            {"preact", "propagate", "--activation", "phi-odd-NaN", "--depth", "2", "--width", "3"},
            {"preact", "propagate", "--activation", "phi-odd-1e400", "--depth", "2", "--width", "3"},
            {"preact", "propagate", "--activation", "sigmoid", "--depth", "2", "--width", "3"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--input", "mnist:-1"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--input", "mnist:x"},
            {"preact", "propagate", "--activation", "tanh", "--depth", "2", "--width", "3", "--input", "two"},
            {"preact", "ks", "--widths", "1..2000000000", "--activation", "tanh", "--networks", "10"},
            {"preact", "ks", "--widths", "0..3", "--activation", "tanh"},
            {"preact", "ks", "--widths", "5..1", "--activation", "tanh"},
            {"preact", "ks", "--widths", "a,b", "--activation", "tanh"},
            {"preact", "ks", "--widths", "", "--activation", "tanh"},
            {"preact", "ks", "--widths", "1..99999999999", "--activation", "tanh"},
            {"preact", "ks", "--widths", "2", "--activation", "tanh", "--networks", "0"},
            {"preact", "ks", "--widths", "2", "--activation", "tanh", "--networks", "-1"},
            {"preact", "ks", "--widths", "2", "--activation", "tanh", "--networks", "2147483647"},
            {"preact", "ks", "--widths", "2", "--activation", "nope"},
            {"preact", "ks", "--widths", "2", "--config", "cfg99"},
            {"preact", "eoc", "--activation", "tanh", "--sigma-b2", "NaN"},
            {"preact", "eoc", "--activation", "tanh", "--sigma-b2", "-1"},
            {"preact", "eoc", "--activation", "tanh", "--sigma-b2", "Infinity"},
            {"preact", "eoc", "--activation", "phi-pos-0"},
            {"preact", "correlations", "--activation", "tanh", "--widths", "0"},
            {"preact", "correlations", "--activation", "tanh", "--widths", "3", "--per-class", "0"},
            {"preact", "correlations", "--activation", "tanh", "--widths", "3", "--per-class", "-1"},
            {"preact", "correlations", "--activation", "tanh", "--widths", "3", "--inits", "0"},
            {"wasserstein", "A", "--params", "1,2,3"},
            {"wasserstein", "A", "--params", "0,0,1,0,1,1,0,0,1,0,1,1,1,1"},
            {"wasserstein", "A", "--params", "0,0,1,0,1,1,0,0,1,0,1,1,NaN"},
            {"wasserstein", "A", "--params", "0,0,-1,0,1,1,0,0,1,0,1,1,1"},
            {"wasserstein", "A", "--init", "gaussian", "--params", "0,0,1,0,1,1,0,0,1,0,1,1,1"},
            {"wasserstein", "A"},
            {"wasserstein", "A", "A", "--init", "uniform"},
            {"inpca", "A", "--components", "0"},
            {"inpca", "A", "--components", "-3"},
            {"inpca", "A", "--components", "2147483647"},
        };
        for (String[] a : numeric) {
            cases.add(new Case(String.join(" ", a), d -> Arrays.stream(a).map(s -> s.equals("A")
                    ? file(d, "valid.npy", ensembleWith(0.1)).toString() : s).toArray(String[]::new)));
        }
        // training configs and job files: empty, junk, wrong types, unallocatable sizes, bombs
        String[][] configs = {
            {"empty", ""},
            {"null", "null"},
            {"a list", "[1, 2, 3]"},
            {"a number", "42"},
            {"unclosed", "{\"config\": {"},
            {"binary", "\u0000\u0001\u00ff\u00fe{"},
            {"nested 10000 deep", "[".repeat(10_000) + "]".repeat(10_000)},
            {"YAML alias bomb", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                    + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"},
            {"config without data", "{\"config\": {}}"},
            {"data without config", "{\"data\": {\"dataset\": \"synthetic\"}}"},
            {"config a string", "{\"config\": \"x\", \"data\": {}}"},
        };
        for (String[] c : configs) {
            for (String cmd : new String[] {"train", "train-shard"}) {
                cases.add(new Case(cmd + " config: " + c[0], d -> new String[] {cmd, "--config",
                        file(d, cmd + "-" + Math.abs(c[0].hashCode()) + ".json",
                                c[1].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).toString(),
                        "--out", d.resolve("never").toString()}));
            }
        }
        for (String[] shard : new String[][] {{"--shard", "3/2"}, {"--shard", "0/0"}, {"--shard", "-1/2"},
                {"--shard", "a/b"}, {"--shard", "1/99"}, {"--members", "5:2"}, {"--members", "0:99"},
                {"--members", "-1:2"}, {"--members", "x"}, {"--threads", "0"}, {"--threads", "-1"}}) {
            cases.add(new Case("train-shard " + String.join(" ", shard), d -> {
                try {
                    Path job = ShardedCliTest.writeJob(Files.createDirectories(d.resolve("job-" + shard[1].hashCode())), 5);
                    return new String[] {"train-shard", "--config", job.toString(), "--out",
                            d.resolve("never").toString(), shard[0], shard[1]};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        // a job file whose data object is wrongly typed, signed or sized
        String[] dataObjects = {
            "{\"dataset\": \"synthetic\", \"samples\": \"x\", \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 2.5, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 1e20, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 4294967297, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": -5, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 50, \"validation\": -10, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 2000000000, \"validation\": 2000000000, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 2000000000, \"classes\": 3, \"features\": 2000000000, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 50, \"classes\": 3, \"features\": 4, \"separation\": \"far\", \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 50, \"classes\": 3, \"features\": 4, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 50, \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1e30}",
            "{\"dataset\": \"synthetic\", \"samples\": 50, \"classes\": 0, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": 50, \"classes\": 3, \"features\": 4, \"separation\": -1, \"seed\": 1}",
            "{\"dataset\": \"synthetic\", \"samples\": [50], \"classes\": 3, \"features\": 4, \"separation\": 1, \"seed\": 1}",
            "{\"dataset\": 5}",
            "{\"dataset\": \"imagenet\"}",
            "{}",
            "[]",
            "\"synthetic\"",
        };
        for (String data : dataObjects) {
            cases.add(new Case("train-shard data " + data, d -> {
                try {
                    Path job = ShardedCliTest.writeJob(Files.createDirectories(d.resolve("job")), 5);
                    com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(job))
                            .getAsJsonObject();
                    o.add("data", com.google.gson.JsonParser.parseString(data));
                    Files.writeString(job, o.toString());
                    return new String[] {"train-shard", "--config", job.toString(), "--out", d.resolve("never").toString()};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        // merge and study with impossible directories
        cases.add(new Case("merge: shard missing", d -> new String[] {"merge", d.resolve("never").toString(),
                d.resolve("no-shard").toString()}));
        cases.add(new Case("merge: shard is a file", d -> new String[] {"merge", d.resolve("never").toString(),
                file(d, "plain", new byte[] {1}).toString()}));
        cases.add(new Case("merge: shard is a FIFO", d -> new String[] {"merge", d.resolve("never").toString(),
                fifo(d).toString()}));
        cases.add(new Case("merge: empty shard dir", d -> {
            try {
                return new String[] {"merge", d.resolve("never").toString(),
                        Files.createDirectories(d.resolve("empty-shard")).toString()};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        cases.add(new Case("study: unknown profile", d -> new String[] {"study", "--profile", "huge", "--results",
                d.resolve("never").toString()}));
        cases.add(new Case("study: unknown setting", d -> new String[] {"study", "--profile", "smoke", "--settings",
                "nope", "--results", d.resolve("never").toString(), "--runs", d.resolve("never-runs").toString()}));
        cases.add(new Case("study: results is a file", d -> new String[] {"study", "--profile", "smoke", "--results",
                file(d, "results-file", new byte[] {1}).toString(), "--runs", d.resolve("never-runs").toString()}));
        cases.add(new Case("study: threads 0", d -> new String[] {"study", "--profile", "smoke", "--threads", "0",
                "--results", d.resolve("never").toString(), "--runs", d.resolve("never-runs").toString()}));
        return cases.stream();
    }

    private static Path fifo(Path d) {
        Path p = d.resolve("fifo");
        try {
            if (!Files.exists(p)) {
                if (new ProcessBuilder("mkfifo", p.toString()).start().waitFor() != 0) {
                    throw new IllegalStateException("mkfifo failed");
                }
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path dangling(Path d) {
        Path p = d.resolve("dangling.npy");
        try {
            if (!Files.isSymbolicLink(p)) {
                Files.createSymbolicLink(p, d.resolve("nowhere"));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void craftedInputFailsInOneLineAndWritesNothing(Case c) throws IOException {
        Path d = Files.createTempDirectory(dir, "case");
        String[] args = c.args().apply(d);
        CliRun r = CliRun.of(args);
        assertTrue(r.code() == 1 || r.code() == 2, c + ": exit " + r.code() + "\n" + r.out() + r.err());
        CliFailureTest.assertOneLine(r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertFalse(Files.exists(d.resolve("never")), c + " left output behind");
        assertFalse(Files.exists(d.resolve("never-runs")), c + " left a runs directory behind");
    }
}
