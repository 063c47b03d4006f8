/**
 * Data sets: {@link org.netgauss.data.Dataset} (immutable, labelled, in memory), the MNIST loader
 * {@link org.netgauss.data.Mnist} with its {@link org.netgauss.data.PixelScale} options, seeded
 * train/validation splits ({@link org.netgauss.data.Dataset#split}) and synthetic sets
 * ({@link org.netgauss.data.Synthetic}) for fast tests.
 *
 * <p>Conventions: features are row-major {@code float}s, MNIST images 28 x 28 = 784 features in reading
 * order; pixel scaling follows torchvision ({@code ToTensor}, {@code Normalize(0.5, 0.5)}) so features
 * agree with a PyTorch pipeline bit for bit.
 */
package org.netgauss.data;
