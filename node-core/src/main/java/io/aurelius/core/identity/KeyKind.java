package io.aurelius.core.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a stored key is for. */
public enum KeyKind {
  /** The node's operating key: signs protocol messages, stored in the clear with mode 0600. */
  HOTKEY,
  /** The owner key: authorises hotkeys and stake, stored encrypted under a passphrase. */
  COLDKEY;

  /** The name used in key files and on the command line: {@code hotkey} or {@code coldkey}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static KeyKind fromWireName(String name) {
    for (KeyKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "key kind '"
            + name
            + "' (expected one of: "
            + Arrays.stream(values()).map(KeyKind::wireName).collect(Collectors.joining(", "))
            + ")");
  }
}
