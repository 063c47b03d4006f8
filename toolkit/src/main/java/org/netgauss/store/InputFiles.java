package org.netgauss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Checks a path before it is opened for reading, so that every input channel fails the same way: one line naming
 * the file and why (no such file, a directory, not a regular file, permission denied).
 *
 * <p>Why before opening: opening a FIFO for reading blocks until some process writes to it, and a character device
 * such as {@code /dev/zero} never ends, so a reader handed one would hang or fill the heap instead of failing.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Returns {@code path} if it names an existing, readable regular file (symbolic links followed).
     *
     * @param expected what the file should hold, for the message, e.g. "a .npy ensemble"
     * @throws UncheckedIOException     naming the file if it does not exist or may not be read
     * @throws IllegalArgumentException naming the file if it is a directory, FIFO, socket or device
     */
    public static Path requireRegularFile(Path path, String expected) {
        if (!Files.exists(path)) {
            String why = Files.isSymbolicLink(path) ? "a symbolic link to a missing file" : "no such file";
            throw new UncheckedIOException(path + ": " + why + "; expected " + expected,
                    new NoSuchFileException(path.toString()));
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + ": is a directory; expected " + expected);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path + ": not a regular file (a FIFO, socket or device: reading it"
                    + " could block or never end); expected " + expected);
        }
        if (!Files.isReadable(path)) {
            throw new UncheckedIOException(path + ": permission denied; expected " + expected,
                    new AccessDeniedException(path.toString()));
        }
        return path;
    }

    /** "{@code path}: why", for an I/O failure on {@code path}; see {@link #reason}. */
    public static String describe(Path path, IOException e) {
        return e instanceof FileSystemException f && f.getFile() != null ? reason(e) : path + ": " + reason(e);
    }

    /** Why an I/O operation failed, naming the file: "F: no such file", "F: permission denied", ... */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + ": not a directory";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be accessed");
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
