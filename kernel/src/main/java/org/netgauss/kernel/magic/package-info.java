/** IJava's line magics, one class each: {@code %jars}, {@code %classpath}, {@code %load}, {@code %maven},
 * {@code %mavenRepo}. */
package org.netgauss.kernel.magic;
