package io.aurelius.core.chain.substrate.metadata;

import java.util.List;
import java.util.OptionalInt;

/**
 * The extrinsic format: its version and its signed extensions in the order they are encoded. V15
 * also names the address, call, signature and extra types; V14 names only the extrinsic type.
 */
public record ExtrinsicInfo(
    int version,
    List<SignedExtension> signedExtensions,
    OptionalInt extrinsicType,
    OptionalInt addressType,
    OptionalInt callType,
    OptionalInt signatureType,
    OptionalInt extraType) {
  public ExtrinsicInfo {
    signedExtensions = List.copyOf(signedExtensions);
  }

  public List<String> signedExtensionNames() {
    return signedExtensions.stream().map(SignedExtension::identifier).toList();
  }
}
