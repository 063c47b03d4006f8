package org.netgauss.progress;

/**
 * A snapshot of a {@link Progress}: what a sink shows. {@code total <= 0} means the total is unknown.
 *
 * @param label        what is counted, e.g. "epochs"
 * @param done         steps completed
 * @param total        steps expected, or {@code <= 0} if unknown
 * @param message      the latest status text, e.g. "loss 0.31" (may be empty)
 * @param elapsedNanos time since the start
 * @param finished     true for the final state, sent once by {@link Progress#close()}
 */
record ProgressState(String label, long done, long total, String message, long elapsedNanos, boolean finished) {
    private static final int BAR_WIDTH = 30;

    boolean totalKnown() {
        return total > 0;
    }

    /** Fraction done in [0, 1]; 0 when the total is unknown. */
    double fraction() {
        return totalKnown() ? Math.min(1.0, Math.max(0.0, (double) done / total)) : 0.0;
    }

    /** One line of text, e.g. {@code epochs [#########.....................] 15/50  30%  0:12<0:28  loss 0.31}. */
    String text() {
        StringBuilder s = new StringBuilder(96).append(label).append(' ');
        if (totalKnown()) {
            int filled = (int) Math.floor(fraction() * BAR_WIDTH);
            s.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total)
                    .append(String.format(" %3d%%", (int) Math.floor(100 * fraction())));
        } else {
            s.append(done);
        }
        s.append("  ").append(duration(elapsedNanos));
        if (totalKnown() && !finished && done > 0 && done < total) {
            s.append('<').append(duration((long) ((double) elapsedNanos / done * (total - done))));
        }
        if (!message.isEmpty()) {
            s.append("  ").append(message);
        }
        return s.toString();
    }

    /** The same as compact HTML: a native {@code <progress>} bar and the text beside it. */
    String html() {
        StringBuilder s = new StringBuilder(160).append("<div><code>").append(escape(label))
                .append("</code> ");
        if (totalKnown()) {
            s.append("<progress value=\"").append(Math.min(done, total)).append("\" max=\"").append(total)
                    .append("\"></progress> ").append(done).append('/').append(total)
                    .append(" (").append((int) Math.floor(100 * fraction())).append("%)");
        } else {
            s.append(done);
        }
        s.append(' ').append(duration(elapsedNanos));
        if (totalKnown() && !finished && done > 0 && done < total) {
            s.append(", ").append(duration((long) ((double) elapsedNanos / done * (total - done)))).append(" left");
        }
        if (!message.isEmpty()) {
            s.append(" \u2014 ").append(escape(message));
        }
        return s.append("</div>").toString();
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    static String duration(long nanos) {
        long seconds = Math.max(0, nanos / 1_000_000_000L);
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long sec = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    /** {@code s} with the five HTML special characters escaped. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
