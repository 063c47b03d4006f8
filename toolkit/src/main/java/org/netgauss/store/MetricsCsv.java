package org.netgauss.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The rows of a run's {@code metrics.csv}: one per member and epoch,
 * {@code member,epoch,lr,train_loss,train_accuracy,validation_loss,test_accuracy,stopped}. The held-out set a
 * run is given (MNIST's test set in the studies) yields {@code validation_loss}, which early stopping monitors,
 * and {@code test_accuracy}; runs written before the rename call the latter {@code validation_accuracy} and are
 * read alike. An empty number field is a quantity not measured (no held-out set, or a member stopped early).
 *
 * <p>Parsing names the file and the line of the first bad field, never a bare {@code NumberFormatException}.
 */
public final class MetricsCsv {
    /** The header a run writes. */
    public static final String HEADER = "member,epoch,lr,train_loss,train_accuracy,validation_loss,test_accuracy,stopped";
    /** The header of runs written before {@code validation_accuracy} was renamed {@code test_accuracy}. */
    static final String OLD_HEADER = "member,epoch,lr,train_loss,train_accuracy,validation_loss,validation_accuracy,stopped";
    private static final String[] NUMBERS = {"lr", "train_loss", "train_accuracy", "validation_loss", "test_accuracy"};

    private MetricsCsv() {
    }

    /**
     * One member's numbers after one epoch (NaN where not measured).
     */
    public record Row(int member, int epoch, double lr, double trainLoss, double trainAccuracy, double validationLoss,
                      double testAccuracy, boolean stopped) {
        /** The CSV line (no newline): shortest round-trip decimals, empty for NaN. */
        public String line() {
            return member + "," + epoch + "," + num(lr) + "," + num(trainLoss) + "," + num(trainAccuracy) + ","
                    + num(validationLoss) + "," + num(testAccuracy) + "," + stopped;
        }

        double value(int k) {
            return switch (k) {
                case 0 -> lr;
                case 1 -> trainLoss;
                case 2 -> trainAccuracy;
                case 3 -> validationLoss;
                default -> testAccuracy;
            };
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /**
     * Parses the lines of {@code file} (header first; blank lines ignored; an empty list is an empty run).
     *
     * @throws IllegalArgumentException naming the file and line of the first bad header or field
     */
    public static List<Row> parse(Path file, List<String> lines) {
        List<Row> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        String header = lines.get(0).strip();
        if (!header.equals(HEADER) && !header.equals(OLD_HEADER)) {
            throw new IllegalArgumentException(file + ": line 1: header '" + shorten(header) + "' is not " + HEADER);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String at = file + ": line " + (i + 1) + ": ";
            if (f.length != 8) {
                throw new IllegalArgumentException(at + f.length + " fields, expected 8 (" + HEADER + ")");
            }
            double[] v = new double[5];
            for (int k = 0; k < 5; k++) {
                v[k] = number(at, NUMBERS[k], f[k + 2]);
            }
            if (!f[7].equals("true") && !f[7].equals("false")) {
                throw new IllegalArgumentException(at + "'stopped' should be true or false, found '" + shorten(f[7]) + "'");
            }
            rows.add(new Row(integer(at, "member", f[0]), integer(at, "epoch", f[1]), v[0], v[1], v[2], v[3], v[4],
                    f[7].equals("true")));
        }
        return rows;
    }

    /** The whole file's text for these rows, header first. */
    public static String text(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(r.line()).append('\n');
        }
        return sb.toString();
    }

    /** The rows as a table named {@code name}: member, epoch (int), the five numbers (double), stopped. */
    public static Table table(String name, List<Row> rows) {
        IntColumn member = IntColumn.create("member");
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn[] v = new DoubleColumn[5];
        for (int k = 0; k < 5; k++) {
            v[k] = DoubleColumn.create(NUMBERS[k]);
        }
        BooleanColumn stopped = BooleanColumn.create("stopped");
        for (Row r : rows) {
            member.append(r.member());
            epoch.append(r.epoch());
            for (int k = 0; k < 5; k++) {
                v[k].append(r.value(k));
            }
            stopped.append(r.stopped());
        }
        return Table.create(name, member, epoch, v[0], v[1], v[2], v[3], v[4], stopped);
    }

    /**
     * One row per epoch: the number of members and the means over members of train loss, train accuracy,
     * validation loss and test accuracy (NaN where no member measured it).
     */
    public static Table epochSummary(String name, List<Row> rows) {
        TreeMap<Integer, double[]> acc = new TreeMap<>();
        for (Row r : rows) {
            // sums at 0..3, counts at 4..7, members at 8
            double[] a = acc.computeIfAbsent(r.epoch(), e -> new double[9]);
            a[8]++;
            for (int k = 0; k < 4; k++) {
                double x = r.value(k + 1);
                if (!Double.isNaN(x)) {
                    a[k] += x;
                    a[4 + k]++;
                }
            }
        }
        IntColumn epoch = IntColumn.create("epoch");
        IntColumn members = IntColumn.create("members");
        DoubleColumn[] means = new DoubleColumn[4];
        for (int k = 0; k < 4; k++) {
            means[k] = DoubleColumn.create("mean_" + NUMBERS[k + 1]);
        }
        for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
            epoch.append(e.getKey());
            double[] a = e.getValue();
            members.append((int) a[8]);
            for (int k = 0; k < 4; k++) {
                means[k].append(a[4 + k] > 0 ? a[k] / a[4 + k] : Double.NaN);
            }
        }
        return Table.create(name, epoch, members, means[0], means[1], means[2], means[3]);
    }

    private static int integer(String at, String field, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + "'" + field + "' should be an integer, found '" + shorten(s) + "'");
        }
    }

    private static double number(String at, String field, String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || !s.matches("[-+0-9.eE]+")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + "'" + field + "' should be a finite number or empty, found '"
                    + shorten(s) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
