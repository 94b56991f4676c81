/**
 * Transactions on a Substrate chain, driven by its runtime metadata: calls encoded by pallet and
 * call name ({@link io.aurelius.core.chain.substrate.tx.CallEncoder}, Subtensor's calls in {@link
 * io.aurelius.core.chain.substrate.tx.SubtensorCalls}), signed v4 extrinsics with the transaction
 * extensions the metadata declares ({@link io.aurelius.core.chain.substrate.tx.ExtrinsicSigner}),
 * the commit hash of Subtensor's hash-based commit-reveal ({@link
 * io.aurelius.core.chain.substrate.tx.CommitHash}), and submission watched to inclusion and
 * finality with dispatch errors decoded by name ({@link
 * io.aurelius.core.chain.substrate.tx.TransactionSubmitter}). No pallet index, call index or
 * extension list is fixed in code. Depends on the {@code scale}, {@code metadata}, {@code storage}
 * and {@code value} packages and reaches the node only through {@link
 * io.aurelius.core.chain.substrate.tx.TransactionRpc}.
 */
package io.aurelius.core.chain.substrate.tx;
