package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.Field;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.SignedExtension;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.metadata.TypeRegistry;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueEncoder;
import java.util.List;

/**
 * Encodes the transaction extensions the metadata declares, by name and in its order: each one's
 * explicit part (carried in the extrinsic) and implicit part ({@code additional_signed}, only
 * signed). Values are encoded as the extension's own types, so a runtime that changes a type (a
 * compact nonce, a u64 tip) is followed. An extension this class does not know is accepted only if
 * both its parts are empty (as Subtensor's {@code SubtensorTransactionExtension} and {@code
 * DrandPriority}); otherwise signing is refused naming it, since a guessed value would be signed.
 */
public final class TransactionExtensions {
  private static final int MAX_DEPTH = 32;

  private final RuntimeMetadata metadata;
  private final ValueEncoder encoder;

  public TransactionExtensions(RuntimeMetadata metadata) {
    this.metadata = requireNonNull(metadata, "metadata");
    this.encoder = new ValueEncoder(metadata.types());
  }

  /** The explicit and implicit bytes of all extensions, in the metadata's order. */
  public Encoded encode(SigningContext context, TransactionParams params) {
    ScaleWriter explicit = new ScaleWriter();
    ScaleWriter implicit = new ScaleWriter();
    for (SignedExtension ext : metadata.extrinsic().signedExtensions()) {
      Parts parts = parts(ext, context, params);
      write(ext, "explicit", ext.type(), parts.explicit(), explicit);
      write(ext, "implicit", ext.additionalSigned(), parts.implicit(), implicit);
    }
    return new Encoded(explicit.toByteArray(), implicit.toByteArray());
  }

  /** The two parts, each {@code null} when the extension's type for it is empty. */
  private Parts parts(SignedExtension ext, SigningContext context, TransactionParams params) {
    Value none = new Value.Variant("None", 0, List.of());
    return switch (ext.identifier()) {
      case "CheckSpecVersion" -> new Parts(null, Value.of(context.specVersion()));
      case "CheckTxVersion" -> new Parts(null, Value.of(context.transactionVersion()));
      case "CheckGenesis" -> new Parts(null, Value.bytes(context.genesisHash().toArray()));
      case "CheckMortality", "CheckEra" ->
          new Parts(params.era().value(), Value.bytes(params.eraBlockHash().toArray()));
      case "CheckNonce" -> new Parts(Value.of(params.nonce()), null);
      case "ChargeTransactionPayment" -> new Parts(Value.of(params.tip()), null);
      // Mode Disabled: no metadata digest is signed (its implicit part is None).
      case "CheckMetadataHash" -> new Parts(new Value.Variant("Disabled", 0, List.of()), none);
      default -> {
        if (!empty(ext.type(), 0) || !empty(ext.additionalSigned(), 0)) {
          throw new IllegalArgumentException(
              "transaction extension "
                  + ext.identifier()
                  + ": not known and not empty (expected: one whose values can be signed)");
        }
        yield new Parts(null, null);
      }
    };
  }

  private void write(SignedExtension ext, String part, int type, Value value, ScaleWriter w) {
    if (value == null) {
      if (!empty(type, 0)) {
        throw new IllegalArgumentException(
            "transaction extension "
                + ext.identifier()
                + ": its "
                + part
                + " part is not empty in this runtime (expected: empty)");
      }
      return;
    }
    try {
      encoder.encode(type, value, w);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "transaction extension " + ext.identifier() + ", " + part + " part: " + e.getMessage(),
          e);
    }
  }

  /** Whether every value of the type encodes to no bytes (an empty struct or tuple). */
  private boolean empty(int type, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    TypeRegistry types = metadata.types();
    TypeDef def = types.get(type).def();
    if (def instanceof TypeDef.Composite c) {
      for (Field f : c.fields()) {
        if (!empty(f.type(), depth + 1)) {
          return false;
        }
      }
      return true;
    } else if (def instanceof TypeDef.Tuple t) {
      return t.elements().stream().allMatch(e -> empty(e, depth + 1));
    } else if (def instanceof TypeDef.Array a) {
      return a.length() == 0 || empty(a.element(), depth + 1);
    }
    return false;
  }

  private record Parts(Value explicit, Value implicit) {}

  /** The explicit bytes (in the extrinsic and the payload) and the implicit ones (payload only). */
  public record Encoded(byte[] explicit, byte[] implicit) {
    public Encoded {
      explicit = explicit.clone();
      implicit = implicit.clone();
    }

    @Override
    public byte[] explicit() {
      return explicit.clone();
    }

    @Override
    public byte[] implicit() {
      return implicit.clone();
    }
  }
}
