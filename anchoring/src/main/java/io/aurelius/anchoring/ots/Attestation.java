package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A leaf of the timestamp tree: a claim that the message at that node existed by some time. Known
 * kinds are decoded; any other tag is kept verbatim so a proof re-serializes exactly. Ordering is
 * python-opentimestamps': by tag bytes, then within a kind by URI, height or payload.
 */
public sealed interface Attestation {
  int TAG_LENGTH = 8;
  int MAX_PAYLOAD = 8192;
  int MAX_URI_LENGTH = 1000;
  String URI_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._/:";

  HexFormat HEX = HexFormat.of();
  byte[] PENDING_TAG = HEX.parseHex("83dfe30d2ef90c8e");
  byte[] BITCOIN_TAG = HEX.parseHex("0588960d73d71901");
  byte[] LITECOIN_TAG = HEX.parseHex("06869a0d73d71b45");
  byte[] ETHEREUM_TAG = HEX.parseHex("30fe8087b5c7ead7");

  Comparator<Attestation> ORDER =
      (a, b) -> {
        int byTag = Arrays.compareUnsigned(a.tag(), b.tag());
        if (byTag != 0) {
          return byTag;
        }
        if (a instanceof Pending pa && b instanceof Pending pb) {
          return pa.uri().compareTo(pb.uri());
        }
        if (a instanceof BlockHeight ha && b instanceof BlockHeight hb) {
          return Long.compare(ha.height(), hb.height());
        }
        return Arrays.compareUnsigned(a.payload(), b.payload());
      };

  byte[] tag();

  /** The payload bytes exactly as serialized (inside the varbytes wrapper). */
  byte[] payload();

  default void write(OtsWriter out) {
    out.writeBytes(tag());
    out.writeVarbytes(payload());
  }

  static Attestation read(OtsReader in) throws OtsFormatException {
    byte[] tag = in.readBytes(TAG_LENGTH);
    int payloadStart = in.position();
    byte[] payload = in.readVarbytes(MAX_PAYLOAD, 0, "attestation payload");
    OtsReader p = new OtsReader(payload, "attestation payload at byte " + payloadStart);
    Attestation a;
    if (Arrays.equals(tag, PENDING_TAG)) {
      byte[] uri = p.readVarbytes(MAX_URI_LENGTH, 0, "pending URI");
      for (byte c : uri) {
        if (URI_CHARS.indexOf(c) < 0) {
          throw p.error(
              "pending URI contains 0x"
                  + HEX.toHexDigits(c)
                  + " (expected: letters, digits and -._/:)");
        }
      }
      a = new Pending(new String(uri, StandardCharsets.US_ASCII));
    } else if (Arrays.equals(tag, BITCOIN_TAG)) {
      a = new BlockHeight(Chain.BITCOIN, p.readVaruint());
    } else if (Arrays.equals(tag, LITECOIN_TAG)) {
      a = new BlockHeight(Chain.LITECOIN, p.readVaruint());
    } else if (Arrays.equals(tag, ETHEREUM_TAG)) {
      a = new BlockHeight(Chain.ETHEREUM, p.readVaruint());
    } else {
      return new Unknown(tag, payload);
    }
    p.assertEof();
    return a;
  }

  /** The chains whose block-header attestations have a known tag. */
  enum Chain {
    BITCOIN(BITCOIN_TAG),
    LITECOIN(LITECOIN_TAG),
    ETHEREUM(ETHEREUM_TAG);

    private final byte[] tag;

    Chain(byte[] tag) {
      this.tag = tag;
    }
  }

  /** A calendar holds the commitment and will answer at {@code uri} with a fuller proof. */
  record Pending(String uri) implements Attestation {
    public Pending {
      requireNonNull(uri, "uri");
      if (uri.length() > MAX_URI_LENGTH || uri.chars().anyMatch(c -> URI_CHARS.indexOf(c) < 0)) {
        throw new IllegalArgumentException(
            "pending URI '" + uri + "' (expected: at most 1000 of [A-Za-z0-9-._/:])");
      }
    }

    @Override
    public byte[] tag() {
      return PENDING_TAG.clone();
    }

    @Override
    public byte[] payload() {
      OtsWriter w = new OtsWriter();
      w.writeVarbytes(uri.getBytes(StandardCharsets.US_ASCII));
      return w.toByteArray();
    }

    @Override
    public String toString() {
      return "pending at " + uri;
    }
  }

  /** The message is the Merkle root of the block at {@code height} of {@code chain}. */
  record BlockHeight(Chain chain, long height) implements Attestation {
    public BlockHeight {
      requireNonNull(chain, "chain");
      if (height < 0) {
        throw new IllegalArgumentException("block height: " + height + " (expected: ≥ 0)");
      }
    }

    @Override
    public byte[] tag() {
      return chain.tag.clone();
    }

    @Override
    public byte[] payload() {
      OtsWriter w = new OtsWriter();
      w.writeVaruint(height);
      return w.toByteArray();
    }

    @Override
    public String toString() {
      return chain.name().toLowerCase(java.util.Locale.ROOT) + " block " + height;
    }
  }

  /** An attestation of a kind this node does not know, kept byte for byte. */
  record Unknown(byte[] tag, byte[] payload) implements Attestation {
    public Unknown {
      requireNonNull(tag, "tag");
      requireNonNull(payload, "payload");
      if (tag.length != TAG_LENGTH || payload.length > MAX_PAYLOAD) {
        throw new IllegalArgumentException(
            "unknown attestation: tag "
                + tag.length
                + " bytes, payload "
                + payload.length
                + " (expected: 8 and at most "
                + MAX_PAYLOAD
                + ")");
      }
      tag = tag.clone();
      payload = payload.clone();
    }

    @Override
    public byte[] tag() {
      return tag.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u
          && Arrays.equals(tag, u.tag)
          && Arrays.equals(payload, u.payload);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(tag) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "unknown attestation " + HEX.formatHex(tag);
    }
  }
}
