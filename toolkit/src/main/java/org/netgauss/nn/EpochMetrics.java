package org.netgauss.nn;

/**
 * What one epoch produced for each member of the run (index = local member, 0 .. memberCount-1).
 *
 * @param epoch          the epoch just completed (1-based)
 * @param trainLoss      mean training loss over the epoch's minibatches, weighted by batch size (the running
 *                       loss while the weights move, as a PyTorch training loop reports it)
 * @param trainAccuracy  fraction of training samples classified correctly during the epoch (running, as above)
 * @param validationLoss loss on the validation set after the epoch (NaN without a validation set)
 * @param validationAccuracy accuracy on the validation set after the epoch (NaN without one)
 * @param lr             the learning rate used during the epoch
 * @param stopped        whether the member was already stopped before this epoch (its values then repeat)
 */
public record EpochMetrics(int epoch, double[] trainLoss, double[] trainAccuracy, double[] validationLoss,
                           double[] validationAccuracy, double[] lr, boolean[] stopped) {
    public EpochMetrics {
        trainLoss = trainLoss.clone();
        trainAccuracy = trainAccuracy.clone();
        validationLoss = validationLoss.clone();
        validationAccuracy = validationAccuracy.clone();
        lr = lr.clone();
        stopped = stopped.clone();
    }

    @Override
    public double[] trainLoss() { return trainLoss.clone(); }

    @Override
    public double[] trainAccuracy() { return trainAccuracy.clone(); }

    @Override
    public double[] validationLoss() { return validationLoss.clone(); }

    @Override
    public double[] validationAccuracy() { return validationAccuracy.clone(); }

    @Override
    public double[] lr() { return lr.clone(); }

    @Override
    public boolean[] stopped() { return stopped.clone(); }

    /**
     * "epoch 3, mean loss 0.4123, mean test acc 0.8812": the line a progress bar shows beside each epoch (the
     * accuracy part only when a validation set was given).
     */
    public String status() {
        double acc = java.util.Arrays.stream(validationAccuracy).filter(Double::isFinite).average().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "epoch %d, mean loss %.4f%s", epoch, meanTrainLoss(),
                Double.isNaN(acc) ? "" : String.format(java.util.Locale.ROOT, ", mean test acc %.4f", acc));
    }

    /** Mean training loss over members. */
    public double meanTrainLoss() {
        return java.util.Arrays.stream(trainLoss).average().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "EpochMetrics[epoch %d, %d members, mean train loss %.4f, mean val acc %.4f]",
                epoch, trainLoss.length, meanTrainLoss(), java.util.Arrays.stream(validationAccuracy).average().orElse(Double.NaN));
    }
}
