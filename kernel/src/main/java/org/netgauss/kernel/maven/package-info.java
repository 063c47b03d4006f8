/** Resolving Maven coordinates to jars for {@code %maven}, with Maven's own resolver. */
package org.netgauss.kernel.maven;
