package org.netgauss.store;

/** The element types {@link Npy} reads and writes, with their NumPy little-endian descriptors. */
public enum DType {
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8),
    INT32("<i4", 4),
    INT64("<i8", 8);

    private final String descr;
    private final int bytes;

    DType(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    /** The NumPy {@code descr} string, e.g. {@code "<f4"}. */
    public String descr() { return descr; }

    /** Bytes per element. */
    public int bytes() { return bytes; }

    /** The type for a NumPy descriptor; {@code '|'} and {@code '='} byte orders are not accepted (only explicit little-endian). */
    static DType ofDescr(String descr, String where) {
        for (DType t : values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
        }
        String hint = descr.startsWith(">") ? "big-endian data: convert with arr.astype(arr.dtype.newbyteorder('<'))"
                : "supported: <f4 (float32), <f8 (float64), <i4 (int32), <i8 (int64); convert with arr.astype(np.float32)";
        throw new IllegalArgumentException(where + ": unsupported dtype '" + descr + "'; " + hint);
    }
}
