/**
 * A generic value tree for any type of a runtime's type registry: {@link
 * io.aurelius.core.chain.substrate.value.ValueDecoder} turns SCALE bytes of a type id (a storage
 * value, a runtime-API result, a constant) into {@link
 * io.aurelius.core.chain.substrate.value.Value}s and {@link
 * io.aurelius.core.chain.substrate.value.ValueEncoder} encodes them back (storage keys, runtime-API
 * arguments). Depends on the {@code scale} and {@code metadata} packages.
 */
package io.aurelius.core.chain.substrate.value;
