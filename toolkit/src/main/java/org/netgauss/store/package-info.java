/**
 * Run directories and NumPy interchange.
 *
 * <ul>
 *   <li>{@link org.netgauss.store.Npy} / {@link org.netgauss.store.NpyArray} — read and write {@code .npy}
 *       (v1.0/v2.0; {@code <f4 <f8 <i4 <i8}, C order), the exchange format with NumPy and PyTorch.</li>
 *   <li>{@link org.netgauss.store.RunDir} — a training run on disk, read-only: {@code manifest.json},
 *       {@code metrics.csv} ({@link org.netgauss.store.MetricsCsv}), {@code checkpoints/epoch-XXX/W1.npy ...}
 *       holding all members' weights {@code [E, out, in]} (row i = output neuron i, as PyTorch's
 *       {@code Linear.weight}); epoch 0 is the initialisation. Every file's length and CRC-32C is in the manifest
 *       and checked on read.</li>
 *   <li>{@link org.netgauss.store.RunWriter} — writes a run under its {@link org.netgauss.store.RunLock} (one
 *       writer per directory), cleans what a killed writer left, and orders writes so that a kill at any moment
 *       leaves a run that resumes bit-identical.</li>
 *   <li>{@link org.netgauss.store.Checkpoint} — one epoch's arrays: {@code weights("W2")},
 *       {@code probabilities()}; {@code open("W2")} reads it member by member for ensembles larger than memory.</li>
 *   <li>{@link org.netgauss.store.NpyFile} — a {@code .npy} file read one first-axis slice (ensemble member) at a
 *       time, from {@link org.netgauss.store.Npy#map}; {@code Npy.concatenate} streams files into one.</li>
 *   <li>{@link org.netgauss.store.MemberRange} — the members a shard trains: {@code --members FROM:TO},
 *       {@code --shard K/N}.</li>
 *   <li>{@link org.netgauss.store.RunMerge} — shard runs merged into one run, bit-identical to a one-process run.</li>
 * </ul>
 *
 * Every write is atomic (temporary file in the same directory, then {@code ATOMIC_MOVE}); the manifest is
 * written last, so readers only ever see complete checkpoints. Damaged runs fail with one line naming the file.
 */
package org.netgauss.store;
