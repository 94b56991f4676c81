package io.aurelius.core.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.util.List;

/**
 * An account as the chain sees it: free balance, the next extrinsic nonce, and (for a coldkey) the
 * stake on each hotkey it owns.
 */
public record AccountInfo(KeyId account, long balance, long nonce, List<HotkeyStake> stakes) {
  public AccountInfo {
    requireNonNull(account, "account");
    stakes = List.copyOf(stakes);
  }

  public record HotkeyStake(KeyId hotkey, long stake) {
    public HotkeyStake {
      requireNonNull(hotkey, "hotkey");
    }
  }
}
