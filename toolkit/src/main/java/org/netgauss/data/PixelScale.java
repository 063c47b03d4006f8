package org.netgauss.data;

/**
 * How an 8-bit grey value {@code u} in {@code [0, 255]} becomes a feature.
 *
 * <p>Both scalings are computed in {@code float} arithmetic in the same order as torchvision, so the
 * features equal a PyTorch pipeline's bit for bit:
 * <ul>
 *   <li>{@link #ZERO_TO_ONE}: {@code x = u / 255} ({@code transforms.ToTensor()});</li>
 *   <li>{@link #MINUS_ONE_TO_ONE}: {@code x = (u / 255 - 0.5) / 0.5}
 *       ({@code ToTensor()} then {@code Normalize((0.5,), (0.5,))}), the scaling of Hirst &amp; Ramgoolam
 *       (arXiv 2510.05218), see {@code docs/spec/pigmm.md}.</li>
 * </ul>
 */
public enum PixelScale {
    /** {@code u / 255}, in {@code [0, 1]}. */
    ZERO_TO_ONE,
    /** {@code (u / 255 - 0.5) / 0.5}, in {@code [-1, 1]}. */
    MINUS_ONE_TO_ONE;

    /** The feature for grey value {@code u}, {@code 0 <= u <= 255}. */
    public float apply(int u) {
        if (u < 0 || u > 255) {
            throw new IllegalArgumentException("grey value must be in [0, 255], found " + u);
        }
        float x = u / 255f;
        return this == ZERO_TO_ONE ? x : (x - 0.5f) / 0.5f;
    }

    /** The 256 features for grey values 0..255 (a lookup table for bulk conversion). */
    float[] table() {
        float[] t = new float[256];
        for (int u = 0; u < 256; u++) {
            t[u] = apply(u);
        }
        return t;
    }
}
