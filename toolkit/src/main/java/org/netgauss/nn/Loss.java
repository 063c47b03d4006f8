package org.netgauss.nn;

/**
 * Training losses, with PyTorch's default {@code reduction='mean'}.
 */
public enum Loss {
    /**
     * {@code torch.nn.CrossEntropyLoss} on logits z: {@code L = (1/B) sum_b [log sum_c exp(z_bc) - z_b,y_b]};
     * dL/dz_bc = (softmax(z_b)_c - [c = y_b]) / B. The softmax is inside the loss, the network ends linearly.
     */
    CROSS_ENTROPY,
    /**
     * {@code torch.nn.MSELoss} against one-hot targets t: {@code L = (1/(B C)) sum_bc (z_bc - t_bc)^2};
     * dL/dz_bc = 2 (z_bc - t_bc) / (B C).
     */
    MSE
}
