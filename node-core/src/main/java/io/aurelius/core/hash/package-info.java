/**
 * Content addressing: SHA-256 digests and the {@link io.aurelius.core.hash.ContentId} that names
 * every configuration, aene, entry and checkpoint. Depends on the JDK only.
 */
package io.aurelius.core.hash;
