package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

/**
 * A signed (transaction) extension: its identifier, the type it adds to the extrinsic and the type
 * it adds to the signed payload only ({@code additional_signed}, e.g. the genesis hash).
 */
public record SignedExtension(String identifier, int type, int additionalSigned) {
  public SignedExtension {
    requireNonNull(identifier, "identifier");
  }
}
