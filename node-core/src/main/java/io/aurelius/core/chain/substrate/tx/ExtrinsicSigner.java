package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.ExtrinsicInfo;
import io.aurelius.core.chain.substrate.metadata.PortableType;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueEncoder;
import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.OptionalInt;

/**
 * Builds signed extrinsics in the format the metadata declares (version 4): {@code compact(len) ‖
 * 0x84 ‖ address ‖ signature ‖ explicit extensions ‖ call}, the address a {@code MultiAddress::Id}
 * and the signature a {@code MultiSignature} variant named after the signer's scheme ({@code
 * Sr25519}, {@code Ed25519}), both encoded as the metadata's own types. The signed payload is
 * {@code call ‖ explicit ‖ implicit}, replaced by its blake2-256 hash when longer than 256 bytes.
 */
public final class ExtrinsicSigner {
  /** The only extrinsic format built here; version 5 needs metadata V16, which is not read. */
  public static final int VERSION = 4;

  private static final int SIGNED = 0x80;
  private static final int MAX_UNHASHED_PAYLOAD = 256;

  private final RuntimeMetadata metadata;
  private final TransactionExtensions extensions;
  private final ValueEncoder encoder;
  private final int addressType;
  private final int signatureType;

  public ExtrinsicSigner(RuntimeMetadata metadata) {
    this.metadata = requireNonNull(metadata, "metadata");
    ExtrinsicInfo info = metadata.extrinsic();
    if (info.version() != VERSION) {
      throw new IllegalArgumentException(
          "extrinsic version " + info.version() + " in the metadata (expected: " + VERSION + ")");
    }
    this.extensions = new TransactionExtensions(metadata);
    this.encoder = new ValueEncoder(metadata.types());
    this.addressType = type(info.addressType(), "Address");
    this.signatureType = type(info.signatureType(), "Signature");
  }

  /** The bytes a signer signs for this call (hashed when longer than 256 bytes). */
  public byte[] signingPayload(RuntimeCall call, SigningContext context, TransactionParams params) {
    TransactionExtensions.Encoded ext = extensions.encode(context, params);
    byte[] payload =
        new ScaleWriter()
            .raw(call.encoded().toArray())
            .raw(ext.explicit())
            .raw(ext.implicit())
            .toByteArray();
    return payload.length > MAX_UNHASHED_PAYLOAD ? Blake2b.digest(32, payload) : payload;
  }

  public SignedExtrinsic sign(
      RuntimeCall call, Signer signer, SigningContext context, TransactionParams params) {
    requireNonNull(signer, "signer");
    byte[] signature = signer.sign(signingPayload(call, context, params));
    return assemble(
        call, signer.publicKey().scheme(), signer.publicKey().bytes(), signature, context, params);
  }

  /** The extrinsic for a signature made elsewhere over {@link #signingPayload}. */
  public SignedExtrinsic assemble(
      RuntimeCall call,
      KeyScheme scheme,
      byte[] publicKey,
      byte[] signature,
      SigningContext context,
      TransactionParams params) {
    if (signature.length != scheme.signatureLength()) {
      throw new IllegalArgumentException(
          scheme.wireName()
              + " signature: "
              + signature.length
              + " bytes (expected: "
              + scheme.signatureLength()
              + ")");
    }
    KeyId sender = KeyId.ofAccount(publicKey);
    ScaleWriter body = new ScaleWriter().u8(SIGNED | VERSION);
    encoder.encode(addressType, variant("Id", Value.bytes(sender.accountBytes())), body);
    encoder.encode(signatureType, variant(signatureVariant(scheme), Value.bytes(signature)), body);
    body.raw(extensions.encode(context, params).explicit());
    body.raw(call.encoded().toArray());
    byte[] inner = body.toByteArray();
    byte[] encoded = new ScaleWriter().compact(inner.length).raw(inner).toByteArray();
    return new SignedExtrinsic(
        Bytes.of(encoded), Bytes.of(Blake2b.digest(32, encoded)), call, sender, params.nonce());
  }

  private static String signatureVariant(KeyScheme scheme) {
    return switch (scheme) {
      case SR25519 -> "Sr25519";
      case ED25519 -> "Ed25519";
    };
  }

  private static Value variant(String name, Value field) {
    return new Value.Variant(
        name, 0, List.of(new Value.NamedValue(java.util.Optional.empty(), field)));
  }

  /** V15 names the type; V14 only as a generic parameter of the extrinsic type. */
  private int type(OptionalInt declared, String param) {
    if (declared.isPresent()) {
      return declared.getAsInt();
    }
    OptionalInt extrinsic = metadata.extrinsic().extrinsicType();
    if (extrinsic.isPresent()) {
      PortableType t = metadata.types().get(extrinsic.getAsInt());
      for (PortableType.TypeParam p : t.params()) {
        if (p.name().equals(param) && p.type().isPresent()) {
          return p.type().getAsInt();
        }
      }
    }
    throw new IllegalArgumentException(
        "extrinsic "
            + param
            + " type: not in the metadata (expected: a type parameter "
            + param
            + ")");
  }
}
