package org.netgauss.kernel.output;

/** UTF-8 at the byte level, for cutting text at a byte count without cutting a character. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The length of the longest prefix of {@code b} that does not end inside a multi-byte sequence: a lead byte
     * {@code 110xxxxx}, {@code 1110xxxx} or {@code 11110xxx} announces 2, 3 or 4 bytes (RFC 3629, section 3), and a
     * sequence at the end with fewer is left out.
     */
    static int completePrefix(byte[] b) {
        int n = b.length;
        // look back over at most three continuation bytes (10xxxxxx) for the last lead byte
        for (int back = 1; back <= Math.min(4, n); back++) {
            int c = b[n - back] & 0xff;
            if ((c & 0xc0) == 0x80) {
                continue;
            }
            int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
