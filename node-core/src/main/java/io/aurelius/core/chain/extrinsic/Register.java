package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;

/**
 * Registers a hotkey on the subnet, owned by the signing coldkey. {@code hotkeyProof} is the
 * hotkey's signature over {@link #proofMessage}, so nobody can register (and later answer for) a
 * hotkey whose private key they do not hold. {@code hotkeyScheme} is the scheme the proof is under;
 * the chain remembers it as the hotkey's, and nodes pin it for the hotkey's signed requests.
 */
public record Register(
    int netuid,
    KeyId hotkey,
    KeyScheme hotkeyScheme,
    Role role,
    Endpoint endpoint,
    String hotkeyProof)
    implements Call {
  public Register {
    Call.checkNetuid(netuid);
    requireNonNull(hotkey, "hotkey");
    requireNonNull(hotkeyScheme, "hotkeyScheme");
    requireNonNull(role, "role");
    requireNonNull(endpoint, "endpoint");
    Hex.checkSignature("hotkey_proof", hotkeyProof);
  }

  /** What the hotkey signs: binds it to this chain, subnet and owning coldkey. */
  public static byte[] proofMessage(String chainId, int netuid, KeyId coldkey) {
    return ("aurelius/register/v1:" + chainId + ":" + netuid + ":" + coldkey.address())
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String type() {
    return "register";
  }

  @Override
  public SignedBy signedBy() {
    return SignedBy.COLDKEY;
  }
}
