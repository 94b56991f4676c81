package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Bittensor wallet folder as btcli and the SDK lay it out:
 *
 * <pre>
 * WALLETS/NAME/coldkey              the coldkey, encrypted ($NACL)
 * WALLETS/NAME/coldkeypub.txt       its public part, plain JSON
 * WALLETS/NAME/hotkeys/HOTKEY       a hotkey, usually plain JSON
 * WALLETS/NAME/hotkeys/HOTKEYpub.txt  its public part (bittensor-wallet 4+)
 * </pre>
 *
 * WALLETS is {@code ~/.bittensor/wallets} by default. Every file is written atomically with mode
 * 0600 (new folders 0700); nothing is replaced unless asked. Reads check each file in full (see
 * {@link Keyfile}); reading the coldkey also checks it against {@code coldkeypub.txt} when that
 * exists. Errors are {@link KeyStoreException}s with a one-line message naming the file.
 */
public final class BittensorWallet {
  public static final String DEFAULT_NAME = "default";
  static final String PUB_SUFFIX = "pub.txt";

  private final Path walletsDirectory;
  private final String name;
  private final KeyfileCipher cipher;

  /** The wallet {@code name} under {@code walletsDirectory}; it need not exist yet. */
  public BittensorWallet(Path walletsDirectory, String name) {
    this(walletsDirectory, name, KeyfileCipher.STANDARD);
  }

  BittensorWallet(Path walletsDirectory, String name, KeyfileCipher cipher) {
    this.walletsDirectory = requireNonNull(walletsDirectory, "walletsDirectory");
    this.name = checkName("wallet name", name);
    this.cipher = requireNonNull(cipher, "cipher");
  }

  /** {@code ~/.bittensor/wallets}, where btcli keeps wallets unless told otherwise. */
  public static Path defaultWalletsDirectory() {
    return Path.of(System.getProperty("user.home"), ".bittensor", "wallets");
  }

  public String name() {
    return name;
  }

  /** {@code WALLETS/NAME}. */
  public Path directory() {
    return walletsDirectory.resolve(name);
  }

  public Path coldkeyPath() {
    return directory().resolve("coldkey");
  }

  public Path coldkeypubPath() {
    return directory().resolve("coldkeypub.txt");
  }

  public Path hotkeyPath(String hotkey) {
    return directory().resolve("hotkeys").resolve(checkName("hotkey name", hotkey));
  }

  public Path hotkeypubPath(String hotkey) {
    return directory().resolve("hotkeys").resolve(checkName("hotkey name", hotkey) + PUB_SUFFIX);
  }

  /** The names of the hotkeys in {@code hotkeys/}, sorted; empty if there is no such folder. */
  public List<String> hotkeyNames() {
    Path dir = directory().resolve("hotkeys");
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        if (!file.startsWith(".") && !file.endsWith(PUB_SUFFIX) && Files.isRegularFile(entry)) {
          names.add(file);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new KeyStoreException(Reason.IO, dir + ": cannot list: " + e.getMessage(), e);
    }
    names.sort(null);
    return names;
  }

  /** How the coldkey file is stored. */
  public KeyfileEncryption coldkeyEncryption() {
    byte[] bytes = WalletFiles.read(coldkeyPath());
    try {
      return KeyfileEncryption.detect(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The coldkey's public part, from {@code coldkeypub.txt}; no passphrase needed. */
  public KeyfileData readColdkeypub() {
    return Keyfile.read(coldkeypubPath(), null, cipher);
  }

  /**
   * Decrypts and reads the coldkey. A file holding no secret, or one whose account differs from
   * {@code coldkeypub.txt}'s, is {@link Reason#CORRUPTED}. The passphrase is not modified.
   */
  public KeyfileData readColdkey(char[] passphrase) {
    requireNonNull(passphrase, "passphrase");
    KeyfileData coldkey = Keyfile.read(coldkeyPath(), passphrase, cipher);
    try {
      if (!coldkey.hasSecret()) {
        throw new KeyStoreException(
            Reason.CORRUPTED,
            coldkeyPath()
                + ": no secretPhrase, secretSeed or privateKey (expected: the coldkey's secret)");
      }
      if (WalletFiles.exists(coldkeypubPath())) {
        AccountId published = readColdkeypub().account();
        if (!published.equals(coldkey.account())) {
          throw new KeyStoreException(
              Reason.CORRUPTED,
              coldkeyPath()
                  + ": account "
                  + coldkey.account()
                  + " is not coldkeypub.txt's "
                  + published
                  + " (expected: the same key)");
        }
      }
      return coldkey;
    } catch (RuntimeException e) {
      coldkey.destroy();
      throw e;
    }
  }

  /** Reads a plain hotkey (as hotkeys usually are). */
  public KeyfileData readHotkey(String hotkey) {
    return readHotkeyFile(hotkey, null);
  }

  /** Reads a hotkey, decrypting it if it is encrypted. The passphrase is not modified. */
  public KeyfileData readHotkey(String hotkey, char[] passphrase) {
    return readHotkeyFile(hotkey, requireNonNull(passphrase, "passphrase"));
  }

  private KeyfileData readHotkeyFile(String hotkey, char[] passphrase) {
    KeyfileData data = Keyfile.read(hotkeyPath(hotkey), passphrase, cipher);
    if (!data.hasSecret()) {
      throw new KeyStoreException(
          Reason.CORRUPTED,
          hotkeyPath(hotkey)
              + ": no secretPhrase, secretSeed or privateKey (expected: the hotkey's secret)");
    }
    return data;
  }

  /** A hotkey's public part, from {@code hotkeys/HOTKEYpub.txt}. */
  public KeyfileData readHotkeypub(String hotkey) {
    return Keyfile.read(hotkeypubPath(hotkey), null, cipher);
  }

  /**
   * Writes the coldkey encrypted ({@code $NACL}) under {@code passphrase}, then {@code
   * coldkeypub.txt}. Without {@code overwrite}, an existing coldkey or coldkeypub.txt is {@link
   * Reason#ALREADY_EXISTS} and nothing is written.
   */
  public void writeColdkey(KeyfileData coldkey, char[] passphrase, boolean overwrite) {
    requireNonNull(coldkey, "coldkey");
    requireNonNull(passphrase, "passphrase");
    requireSecret(coldkey, "coldkey");
    refuseExisting(overwrite, coldkeyPath(), coldkeypubPath());
    Keyfile.write(coldkeyPath(), coldkey, passphrase, overwrite, cipher);
    Keyfile.write(coldkeypubPath(), coldkey.publicOnly(), null, overwrite, cipher);
  }

  /**
   * Writes the coldkey as plain JSON, as the SDK does with {@code use_password=False}, then {@code
   * coldkeypub.txt}: for keys that guard nothing of value (a devnet's), where the cost of {@code
   * $NACL}'s key derivation buys nothing.
   */
  public void writeUnencryptedColdkey(KeyfileData coldkey, boolean overwrite) {
    requireNonNull(coldkey, "coldkey");
    requireSecret(coldkey, "coldkey");
    refuseExisting(overwrite, coldkeyPath(), coldkeypubPath());
    Keyfile.write(coldkeyPath(), coldkey, null, overwrite, cipher);
    Keyfile.write(coldkeypubPath(), coldkey.publicOnly(), null, overwrite, cipher);
  }

  /**
   * Writes a hotkey as plain JSON, as the SDK does by default, and its {@code HOTKEYpub.txt}.
   * Without {@code overwrite}, an existing file is {@link Reason#ALREADY_EXISTS} and nothing is
   * written.
   */
  public void writeHotkey(String hotkey, KeyfileData data, boolean overwrite) {
    writeHotkeyFiles(hotkey, data, null, overwrite);
  }

  /** Writes a hotkey encrypted ({@code $NACL}) under {@code passphrase}, and its public file. */
  public void writeHotkey(String hotkey, KeyfileData data, char[] passphrase, boolean overwrite) {
    writeHotkeyFiles(hotkey, data, requireNonNull(passphrase, "passphrase"), overwrite);
  }

  private void writeHotkeyFiles(
      String hotkey, KeyfileData data, char[] passphrase, boolean overwrite) {
    requireNonNull(data, "data");
    requireSecret(data, "hotkey");
    refuseExisting(overwrite, hotkeyPath(hotkey), hotkeypubPath(hotkey));
    Keyfile.write(hotkeyPath(hotkey), data, passphrase, overwrite, cipher);
    Keyfile.write(hotkeypubPath(hotkey), data.publicOnly(), null, overwrite, cipher);
  }

  /** How a hotkey file is stored. */
  public KeyfileEncryption hotkeyEncryption(String hotkey) {
    byte[] bytes = WalletFiles.read(hotkeyPath(hotkey));
    try {
      return KeyfileEncryption.detect(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Copies {@code source}'s hotkey {@code hotkey} here byte for byte (an encrypted file stays
   * encrypted), with its public file when the source has one. A plain hotkey must read as a key
   * with a secret; an encrypted one must be of a known format. Without {@code overwrite}, an
   * existing file is {@link Reason#ALREADY_EXISTS} and nothing is written.
   */
  public void copyHotkeyFrom(BittensorWallet source, String hotkey, boolean overwrite) {
    requireNonNull(source, "source");
    byte[] key = WalletFiles.read(source.hotkeyPath(hotkey));
    try {
      if (KeyfileEncryption.detect(key) == KeyfileEncryption.NONE) {
        source.readHotkey(hotkey).destroy();
      }
      boolean hasPub = WalletFiles.exists(source.hotkeypubPath(hotkey));
      byte[] pub = hasPub ? WalletFiles.read(source.hotkeypubPath(hotkey)) : null;
      if (hasPub) {
        source.readHotkeypub(hotkey);
      }
      refuseExisting(overwrite, hotkeyPath(hotkey), hotkeypubPath(hotkey));
      WalletFiles.write(hotkeyPath(hotkey), key, overwrite);
      if (hasPub) {
        WalletFiles.write(hotkeypubPath(hotkey), pub, overwrite);
      }
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Copies {@code source}'s coldkey and {@code coldkeypub.txt} here byte for byte, without
   * decrypting the coldkey: {@code coldkeypub.txt} must read, and the coldkey must be of a known
   * format. Without {@code overwrite}, an existing file is {@link Reason#ALREADY_EXISTS} and
   * nothing is written.
   */
  public void copyColdkeyFrom(BittensorWallet source, boolean overwrite) {
    requireNonNull(source, "source");
    byte[] key = WalletFiles.read(source.coldkeyPath());
    try {
      source.readColdkeypub();
      if (KeyfileEncryption.detect(key) == KeyfileEncryption.NONE) {
        Keyfile.read(source.coldkeyPath(), null, cipher).destroy();
      }
      byte[] pub = WalletFiles.read(source.coldkeypubPath());
      refuseExisting(overwrite, coldkeyPath(), coldkeypubPath());
      WalletFiles.write(coldkeyPath(), key, overwrite);
      WalletFiles.write(coldkeypubPath(), pub, overwrite);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "BittensorWallet[" + directory() + "]";
  }

  private static void requireSecret(KeyfileData data, String what) {
    if (!data.hasSecret()) {
      throw new IllegalArgumentException(
          what + ": no secret (expected: a phrase, a seed or a private key)");
    }
  }

  private static void refuseExisting(boolean overwrite, Path... files) {
    if (overwrite) {
      return;
    }
    for (Path file : files) {
      if (WalletFiles.exists(file)) {
        throw new KeyStoreException(
            Reason.ALREADY_EXISTS, file + ": exists (expected: overwrite to replace it)");
      }
    }
  }

  /** A wallet or hotkey name is one path element: not empty, ".", "..", nor with / \ or NUL. */
  static String checkName(String what, String name) {
    requireNonNull(name, what);
    if (name.isEmpty()
        || name.equals(".")
        || name.equals("..")
        || name.length() > 200
        || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0) {
      String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
      throw new IllegalArgumentException(
          what
              + " '"
              + shown
              + "': not a file name (expected: 1-200 characters, no '/', '\\', NUL, '.' or"
              + " '..')");
    }
    return name;
  }
}
