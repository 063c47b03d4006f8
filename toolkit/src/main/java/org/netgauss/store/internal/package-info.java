/** Support code of {@code org.netgauss.store}, not an API: atomic file writes. */
package org.netgauss.store.internal;
