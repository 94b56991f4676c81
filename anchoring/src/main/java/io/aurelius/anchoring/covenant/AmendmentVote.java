package io.aurelius.anchoring.covenant;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validator's signed vote on an {@link AmendmentProposal}: by {@code voter} under its key's
 * scheme over {@code "aurelius/covenant-vote/v1\n"} ‖ the canonical JSON of {@code {proposal,
 * voter, approve}}, so a vote cannot be moved to another proposal or voter.
 */
public record AmendmentVote(
    ContentId proposal, KeyId voter, KeyScheme scheme, boolean approve, String signature) {
  private static final byte[] DOMAIN =
      "aurelius/covenant-vote/v1\n".getBytes(StandardCharsets.US_ASCII);

  public AmendmentVote {
    requireNonNull(proposal, "proposal");
    requireNonNull(voter, "voter");
    requireNonNull(scheme, "scheme");
    requireNonNull(signature, "signature");
  }

  public static AmendmentVote sign(ContentId proposal, boolean approve, Signer key) {
    KeyId voter = KeyId.of(key.publicKey());
    AmendmentVote unsigned = new AmendmentVote(proposal, voter, key.scheme(), approve, "");
    return new AmendmentVote(
        proposal,
        voter,
        key.scheme(),
        approve,
        Base64.getEncoder().encodeToString(key.sign(unsigned.message())));
  }

  /** Whether the signature is the voter's, under the one strict rule of its scheme. */
  public boolean verifies() {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return sig.length == 64 && scheme.verifier().verify(voter.accountBytes(), message(), sig);
  }

  private byte[] message() {
    ObjectNode o =
        Json.newObject()
            .put("proposal", proposal.hex())
            .put("voter", voter.address())
            .put("approve", approve);
    byte[] json = CanonicalJson.bytes(o);
    byte[] out = new byte[DOMAIN.length + json.length];
    System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
    System.arraycopy(json, 0, out, DOMAIN.length, json.length);
    return out;
  }
}
