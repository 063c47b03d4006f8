/**
 * Run directories and NumPy interchange.
 *
 * <ul>
 *   <li>{@link org.netgauss.store.Npy} / {@link org.netgauss.store.NpyArray} — read and write {@code .npy}
 *       (v1.0/v2.0; {@code <f4 <f8 <i4 <i8}, C order), the exchange format with NumPy and PyTorch.</li>
 *   <li>{@link org.netgauss.store.RunDir} — a training run on disk: {@code manifest.json}, {@code metrics.csv},
 *       {@code checkpoints/epoch-XXX/W1.npy ...} holding all members' weights {@code [E, out, in]} (row i =
 *       output neuron i, as PyTorch's {@code Linear.weight}); epoch 0 is the initialisation.</li>
 *   <li>{@link org.netgauss.store.Checkpoint} — one epoch's arrays: {@code weights("W2")},
 *       {@code probabilities()}.</li>
 * </ul>
 *
 * Every write is atomic (temporary file in the same directory, then {@code ATOMIC_MOVE}); the manifest is
 * written last, so readers only ever see complete checkpoints. Damaged runs fail with a message naming the file.
 */
package org.netgauss.store;
