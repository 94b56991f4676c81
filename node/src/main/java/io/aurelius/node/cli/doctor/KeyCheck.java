package io.aurelius.node.cli.doctor;

import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.StoredKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The key store: the directory is private, and the hotkey (or every hotkey) loads. */
final class KeyCheck {
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private KeyCheck() {}

  static List<Finding> run(Path home, Optional<String> hotkey) {
    KeyStore store = KeyStore.inHome(home);
    Path dir = store.directory();
    List<Finding> findings = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      findings.add(
          Finding.fail(
              "keys",
              dir + ": no key directory",
              "aurelius keys new --home " + home + " --name " + hotkey.orElse("miner")));
      return findings;
    }
    mode(dir)
        .filter(m -> !openTo(m).isEmpty())
        .ifPresent(
            m ->
                findings.add(
                    Finding.fail(
                        "keys",
                        dir + ": mode " + PosixFilePermissions.toString(m) + " lets other users in",
                        "chmod 700 " + dir)));
    List<StoredKey> keys;
    try {
      keys = store.list();
    } catch (KeyStoreException e) {
      findings.add(
          Finding.fail("keys", e.getMessage(), "move the stray or damaged file out of " + dir));
      return findings;
    }
    List<StoredKey> hotkeys = new ArrayList<>();
    for (StoredKey k : keys) {
      if (k.kind() == KeyKind.HOTKEY && hotkey.map(h -> matches(k, h)).orElse(true)) {
        hotkeys.add(k);
      }
    }
    if (hotkeys.isEmpty()) {
      String name = hotkey.filter(KeyName::looksLikeName).orElse("miner");
      findings.add(
          Finding.fail(
              "keys",
              hotkey.map(h -> "hotkey " + h + ": not in " + dir).orElse("no hotkey in " + dir),
              "aurelius keys new --home " + home + " --name " + name));
      return findings;
    }
    for (StoredKey k : hotkeys) {
      findings.add(load(store, k));
    }
    return findings;
  }

  private static Finding load(KeyStore store, StoredKey key) {
    String check = "key " + key.name().value();
    try {
      store.loadHotkey(key.name());
      return Finding.ok(
          check, "hotkey " + key.keyId() + " loads; " + key.file().getFileName() + " is private");
    } catch (KeyStoreException e) {
      return switch (e.reason()) {
        case INSECURE_PERMISSIONS -> Finding.fail(check, e.getMessage(), "chmod 600 " + key.file());
        default ->
            Finding.fail(
                check,
                e.getMessage(),
                "restore "
                    + key.file()
                    + " from your backup, or make a new key with aurelius keys new");
      };
    }
  }

  private static boolean matches(StoredKey key, String wanted) {
    if (key.name().value().equals(wanted)) {
      return true;
    }
    try {
      return key.keyId().equals(KeyId.parse(wanted));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<Set<PosixFilePermission>> mode(Path dir) {
    try {
      return Optional.of(Files.getPosixFilePermissions(dir));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static Set<PosixFilePermission> openTo(Set<PosixFilePermission> mode) {
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(mode);
    open.retainAll(OTHERS);
    return open;
  }
}
