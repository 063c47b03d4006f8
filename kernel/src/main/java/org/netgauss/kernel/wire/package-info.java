/**
 * Jupyter's wire protocol, hardened: {@link org.netgauss.kernel.wire.WireCodec} turns the frames of one ZeroMQ
 * message into a request or says in one line why it will not; {@link org.netgauss.kernel.wire.GuardedShellChannel}
 * serves the shell and control sockets with it, dropping what is badly signed or malformed and serving on;
 * {@link org.netgauss.kernel.wire.KernelConnection} puts these channels in place of JJava's.
 */
package org.netgauss.kernel.wire;
