package org.netgauss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netgauss.store.internal.CrashPoints;

/**
 * The exclusive right to write one run directory: an operating-system lock ({@link FileChannel#tryLock}) on the
 * file {@code .netgauss.lock} in the directory, held until {@link #close} or until the process ends (a killed
 * process's lock is released by the kernel, so a crash never leaves a run locked). The file records who holds the
 * lock (pid, host, since when) so that a refused writer can name it.
 *
 * <p>What it protects: every write of a run directory ({@link RunWriter}) happens under the lock, and a run is
 * created only after the lock is taken and the directory is seen to hold no run, so two trainers (or a trainer
 * and a merge) never interleave their writes and there is no check-then-create race. Readers ({@link RunDir})
 * take no lock: they only ever see files the manifest lists, which are complete. Locks on network file systems
 * are only as good as the file system's lock support (NFSv4 and Lustre with {@code flock} support them).
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name inside the run directory. */
    public static final String FILE = ".netgauss.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}, creating the directory if needed; never waits.
     *
     * @throws IllegalStateException naming the holder if another process (or another writer in this process)
     *                               holds it
     * @throws UncheckedIOException  if the directory or lock file cannot be created
     */
    public static RunLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException(dir + " is locked by another writer in this process ("
                        + holder(ch) + "); one writer per run directory");
            }
            if (l == null) {
                throw new IllegalStateException(dir + " is locked by another netgauss process (" + holder(ch)
                        + "); wait for it to finish or stop it, then resume");
            }
            RunLock r = new RunLock(dir, ch, l);
            ch = null;
            r.recordHolder();
            CrashPoints.reached();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + dir + " (" + file.getFileName() + "): " + e.getMessage(), e);
        } finally {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the refusal is what the caller needs to hear
                }
            }
        }
    }

    /**
     * Refuses, naming the holder, if another writer holds the lock of {@code dir} now; creates nothing. For a
     * clear message before work starts: the lock itself is taken by {@link #acquire}.
     */
    public static void checkFree(Path dir) {
        if (Files.exists(dir.resolve(FILE))) {
            acquire(dir).close();
        }
    }

    /** The run directory this lock guards. */
    public Path directory() { return dir; }

    private void recordHolder() throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        byte[] text = ("pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(false);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(256);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "holder not yet recorded" : s;
        } catch (IOException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    /** Releases the lock (the file stays: deleting it would race with a writer that just opened it). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release the lock of " + dir + ": " + e.getMessage(), e);
        }
    }
}
