/**
 * Runtime metadata V14 and V15 as a Substrate node serves it ({@code state_getMetadata}, {@code
 * Metadata_metadata_at_version}): the portable type registry, pallets with their storage entries,
 * calls, events, errors and constants, the extrinsic format with its signed (transaction)
 * extensions in order, and V15's runtime APIs. Everything is looked up by name; indices come from
 * the metadata, never from code. Depends on the {@code scale} package only.
 */
package io.aurelius.core.chain.substrate.metadata;
