package org.netgauss.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.netgauss.store.InputFiles;

/**
 * Turns whatever a command threw, exception or {@link Error}, into the one line the command line prints: the
 * message with line breaks joined and control characters escaped (a message may quote bytes of a damaged file, and
 * raw bytes would make a terminal or {@code grep} misread it), at most {@value #MAX_LENGTH} characters.
 */
final class Failures {
    /** Longest message printed; a longer one is cut with "...". */
    static final int MAX_LENGTH = 600;

    private Failures() {
    }

    /** The one-line description of {@code ex}. */
    static String describe(Throwable ex) {
        return clean(raw(ex));
    }

    private static String raw(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory();
            return String.format(Locale.ROOT, "out of memory (%s): the input needs more than this JVM's %.1f GiB heap;"
                            + " use smaller sizes, or raise the heap with NETGAUSS_JAVA_OPTS=-Xmx<size>", ex.getMessage(),
                    max / (double) (1L << 30));
        }
        if (ex instanceof StackOverflowError) {
            return "stack overflow: the input is nested or recursive beyond what the JVM's stack holds";
        }
        if (ex instanceof Error) {
            return "internal error (" + ex + "); please report it with the command line that caused it";
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null && u.getMessage() != null
                && u.getMessage().equals(u.getCause().toString())) {
            return io(u.getCause());
        }
        if (ex instanceof IOException io) {
            return io(io);
        }
        if (ex instanceof NumberFormatException || ex instanceof ClassCastException
                || ex instanceof IllegalStateException && ex.getMessage() == null) {
            return "malformed input (" + ex + ")";
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    /** An I/O failure naming the file and why: no such file, permission denied, not a directory, ... */
    static String io(IOException e) {
        return InputFiles.reason(e);
    }

    /** Line breaks joined, other control characters as \xNN, cut to {@link #MAX_LENGTH}. */
    static String clean(String message) {
        StringBuilder b = new StringBuilder();
        String s = Netgauss.oneLine(message);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFD') {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c & 0xff));
            } else {
                b.append(c);
            }
        }
        if (b.length() > MAX_LENGTH) {
            b.setLength(MAX_LENGTH - 3);
            b.append("...");
        }
        return b.toString();
    }
}
