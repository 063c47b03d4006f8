package org.netgauss.kernel.wire;

/** A message on the wire that the kernel will not act on; the message says why, in one line. */
public final class BadMessageException extends Exception {
    public BadMessageException(String reason) {
        super(reason, null, false, false);
    }
}
