/**
 * Measurements of the corpus log at scale (issue 15, item 5): appends, a stock-git clone over the
 * node's git smart HTTP, verification time and memory, beside the SHA-256 rate of the same machine
 * measured in the same run. Uses the log, the verifier, {@code core.githttp} and a {@code
 * core.transport.Transport} given by the caller; {@code aurelius bench corpus} prints it.
 */
package io.aurelius.anchoring.bench;
