package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * How the command line fails: a usage error is one line plus where the help is (exit 2); any failure, including
 * {@link Error}s such as {@link OutOfMemoryError} and {@link StackOverflowError}, is one line (exit 1); messages
 * carry no raw control bytes.
 */
class CliFailureTest {
    @TempDir
    Path dir;

    /** Exactly one non-empty line on stderr. */
    static void assertOneLine(String err) {
        assertFalse(err.isBlank(), "no message");
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("\tat "), "a stack trace: " + err);
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"fit", "--model", "foo", "w.npy"}, "netgauss fit", "'foo'"),
                Arguments.of(new String[] {"fit"}, "netgauss fit", "missing ENSEMBLE.npy"),
                Arguments.of(new String[] {"invariants"}, "netgauss invariants", "Missing required parameter"),
                Arguments.of(new String[] {"fit", "w.npy", "--terms", "3"}, "netgauss fit", "--model perturbative"),
                Arguments.of(new String[] {"fit", "--bogus", "w.npy"}, "netgauss fit", "Unknown option: '--bogus'"),
                Arguments.of(new String[] {"invariants", "w.npy", "--set", "quintic"}, "netgauss invariants", "'quintic'"),
                Arguments.of(new String[] {"wasserstein", "a.npy", "--init", "xavier"}, "netgauss wasserstein", "'xavier'"),
                Arguments.of(new String[] {"wasserstein", "a.npy", "--params", "1,x"}, "netgauss wasserstein", "'x'"),
                Arguments.of(new String[] {"preact", "propagate", "--activation", "tanh", "--depth", "two", "--width",
                        "3"}, "netgauss preact propagate", "'two'"),
                Arguments.of(new String[] {"preact", "propagate", "--activation", "tanh", "--depth", "99999999999",
                        "--width", "3"}, "netgauss preact propagate", "99999999999"),
                Arguments.of(new String[] {"preact", "frobnicate"}, "netgauss preact", "frobnicate"),
                Arguments.of(new String[] {"frobnicate"}, "netgauss", "frobnicate"),
                Arguments.of(new String[] {"submit", "--slurm"}, "netgauss submit", "Missing required options"),
                Arguments.of(new String[] {"submit", "--slurm", "--config", "j.json", "--shards", "NaN", "--out", "x"},
                        "netgauss submit", "'NaN'"),
                Arguments.of(new String[] {"inpca"}, "netgauss inpca", "Missing"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorIsOneLineNamingTheCommandAndItsHelp(String[] args, String command, String fragment) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code(), r.err());
        assertOneLine(r.err());
        assertTrue(r.err().startsWith(command + ": "), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertTrue(r.err().strip().endsWith("see '" + command + " --help'"), r.err());
        assertEquals("", r.out());
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String what;

        @Override
        public Integer call() {
            switch (what) {
                case "oom" -> {
                    long[] hog = new long[Integer.MAX_VALUE - 8]; // 16 GiB: more than any test heap
                    return hog.length;
                }
                case "stack" -> {
                    return recurse(0);
                }
                case "error" -> throw new AssertionError("an internal invariant");
                case "controls" -> throw new IllegalArgumentException("bad\u0000byte\u001b[31m and\nline\r\nbreaks");
                default -> throw new IllegalArgumentException("x".repeat(5000));
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    private static String[] runBoom(String what) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Boom());
        cli.setErr(new PrintWriter(err, true));
        int code = Netgauss.execute(cli, what);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void outOfMemoryIsOneLineAndExitOne() {
        String[] r = runBoom("oom");
        assertEquals("1", r[0]);
        assertOneLine(r[1]);
        assertTrue(r[1].startsWith("boom: out of memory") && r[1].contains("-Xmx"), r[1]);
    }

    @Test
    void stackOverflowIsOneLineAndExitOne() {
        String[] r = runBoom("stack");
        assertEquals("1", r[0]);
        assertOneLine(r[1]);
        assertTrue(r[1].startsWith("boom: stack overflow"), r[1]);
    }

    @Test
    void anyOtherErrorIsOneLineAndExitOne() {
        String[] r = runBoom("error");
        assertEquals("1", r[0]);
        assertOneLine(r[1]);
        assertTrue(r[1].contains("internal error") && r[1].contains("an internal invariant"), r[1]);
    }

    @Test
    void controlCharactersAreEscapedAndLineBreaksJoined() {
        String[] r = runBoom("controls");
        assertEquals("1", r[0]);
        assertOneLine(r[1]);
        assertEquals("boom: bad\\x00byte\\x1b[31m and line breaks", r[1].strip());
    }

    @Test
    void longMessagesAreCut() {
        String[] r = runBoom("long");
        assertOneLine(r[1]);
        assertEquals("boom: ".length() + Failures.MAX_LENGTH, r[1].strip().length());
        assertTrue(r[1].strip().endsWith("..."));
    }

    @Test
    void fifoAsEnsembleIsRefusedNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("w.npy");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (String cmd : new String[] {"fit", "invariants", "wasserstein"}) {
            String[] args = cmd.equals("wasserstein") ? new String[] {cmd, fifo.toString(), "--init", "gaussian"}
                    : new String[] {cmd, fifo.toString()};
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), cmd);
            assertOneLine(r.err());
            assertTrue(r.err().contains(fifo + ": not a regular file"), r.err());
        }
        CliRun r = CliRun.of("inpca", fifo.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not a regular file"), r.err());
        for (String cmd : new String[] {"train", "train-shard"}) {
            r = CliRun.of(cmd, "--config", fifo.toString(), "--out", dir.resolve(cmd + "-out").toString());
            assertEquals(1, r.code(), cmd + ": " + r.err());
            assertOneLine(r.err());
            assertTrue(r.err().contains(fifo + ": not a regular file"), r.err());
            assertFalse(Files.exists(dir.resolve(cmd + "-out")), cmd + " wrote its output directory");
        }
    }

    @Test
    void unreadableInputsSayWhy() {
        CliRun missing = CliRun.of("fit", dir.resolve("none.npy").toString());
        assertEquals(1, missing.code());
        assertOneLine(missing.err());
        assertTrue(missing.err().contains(dir.resolve("none.npy") + ": no such file"), missing.err());
        CliRun directory = CliRun.of("fit", dir.toString());
        assertEquals(1, directory.code());
        assertTrue(directory.err().contains(dir + ": is a directory"), directory.err());
    }

    @Test
    void sparseEnsembleLargerThanTheHeapIsOneLine() throws Exception {
        // a legal float64 [N, 2, 2] file of 8 x the heap (at most 16 GiB), sparse so it takes no disk
        long members = Math.min((Integer.MAX_VALUE - 16) / 4, Runtime.getRuntime().maxMemory() / 4);
        Path p = dir.resolve("big.npy");
        byte[] header = npyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (" + members + ", 2, 2), }");
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.wrap(header));
            ch.write(ByteBuffer.wrap(new byte[8]), header.length + members * 32 - 8);
        }
        CliRun r = CliRun.of("fit", p.toString(), "--model", "iid");
        assertEquals(1, r.code());
        assertOneLine(r.err());
        assertTrue(r.err().contains("GiB"), r.err());
        assertTrue(Files.size(p) > Runtime.getRuntime().maxMemory());
    }

    /** A version-1.0 .npy header holding {@code dict}, padded to 64 bytes as NumPy pads. */
    static byte[] npyHeader(String dict) {
        int padded = (10 + dict.length() + 1 + 63) / 64 * 64;
        ByteBuffer b = ByteBuffer.allocate(padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (padded - 10));
        b.put((dict + " ".repeat(padded - 11 - dict.length()) + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
