package org.netgauss.data;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class statistics of an image data set: how many examples each class has in the training and the test
 * set, and over the training images given, the mean pixel intensity, the share of "ink" pixels (above half the
 * largest value of [0, 1]-scaled pixels) and the mean image of each class.
 *
 * @param trainCounts examples per class in the training set
 * @param testCounts  examples per class in the test set
 * @param intensity   mean pixel value per class, over the training images given
 * @param inkShare    mean share of pixels above 0.5 per class
 * @param meanImages  the mean image of each class, {@code [classes][features]}
 */
public record ClassStatistics(int[] trainCounts, int[] testCounts, double[] intensity, double[] inkShare,
                              float[][] meanImages) {

    /** Counts over {@code train} and {@code test}; intensity, ink and mean images over {@code train}. */
    public static ClassStatistics of(Dataset train, Dataset test) {
        int classes = train.classCount();
        int f = train.featureCount();
        double[] intensity = new double[classes];
        double[] ink = new double[classes];
        double[][] sum = new double[classes][f];
        int[] seen = new int[classes];
        for (int i = 0; i < train.size(); i++) {
            int y = train.label(i);
            double s = 0;
            int dark = 0;
            for (int j = 0; j < f; j++) {
                float v = train.feature(i, j);
                s += v;
                dark += v > 0.5f ? 1 : 0;
                sum[y][j] += v;
            }
            intensity[y] += s / f;
            ink[y] += dark / (double) f;
            seen[y]++;
        }
        float[][] mean = new float[classes][f];
        for (int c = 0; c < classes; c++) {
            intensity[c] = seen[c] == 0 ? Double.NaN : intensity[c] / seen[c];
            ink[c] = seen[c] == 0 ? Double.NaN : ink[c] / seen[c];
            for (int j = 0; j < f; j++) {
                mean[c][j] = seen[c] == 0 ? 0 : (float) (sum[c][j] / seen[c]);
            }
        }
        return new ClassStatistics(train.classCounts(), test.classCounts(), intensity, ink, mean);
    }

    /** The mean images as a data set of one example per class, labelled by class (to draw them). */
    public Dataset meanImageSet() {
        int classes = meanImages.length;
        int f = meanImages[0].length;
        float[] pixels = new float[classes * f];
        int[] labels = new int[classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(meanImages[c], 0, pixels, c * f, f);
            labels[c] = c;
        }
        return new Dataset("class means", pixels, labels, f, classes);
    }

    /** One row per class: digit, train and test counts, mean intensity, ink share. */
    public Table toTable() {
        return Table.create("classes", IntColumn.indexColumn("digit", trainCounts.length, 0),
                IntColumn.create("train", trainCounts), IntColumn.create("test", testCounts),
                DoubleColumn.create("mean intensity", intensity), DoubleColumn.create("ink share (>0.5)", inkShare));
    }
}
