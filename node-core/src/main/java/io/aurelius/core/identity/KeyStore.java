package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyStoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keys of one node home: a directory ({@code <home>/keys}, mode 0700) of key files in the
 * format described by {@link KeyFileFormat}, one per key, named {@code <name>.json}. Keys are
 * created, never overwritten. Every failure is a {@link KeyStoreException} with a one-line message;
 * a failed operation leaves the directory as it was.
 */
public final class KeyStore {
  public static final String DIRECTORY_NAME = "keys";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final SecureRandom random;

  private KeyStore(Path directory, SecureRandom random) {
    this.directory = directory;
    this.random = random;
  }

  /** The key store of a node home directory: {@code <home>/keys}. */
  public static KeyStore inHome(Path home) {
    requireNonNull(home, "home");
    return at(home.resolve(DIRECTORY_NAME));
  }

  public static KeyStore at(Path directory) {
    return new KeyStore(requireNonNull(directory, "directory"), RANDOM);
  }

  public Path directory() {
    return directory;
  }

  public Path fileOf(KeyName name) {
    return directory.resolve(requireNonNull(name, "name").fileName());
  }

  /** True if a key (of either kind) has this name. */
  public boolean contains(KeyName name) {
    return Files.exists(fileOf(name), LinkOption.NOFOLLOW_LINKS);
  }

  /** Generates a hotkey and stores it in the clear with mode 0600. */
  public StoredKey createHotkey(KeyName name) {
    return createHotkey(name, Ed25519KeyPair.generate(random));
  }

  public StoredKey createHotkey(KeyName name, Ed25519KeyPair pair) {
    requireNonNull(name, "name");
    requireNonNull(pair, "pair");
    return write(name, KeyKind.HOTKEY, pair, HotkeyFile.encode(name, pair));
  }

  /** Generates a coldkey and stores it encrypted under {@code passphrase}. */
  public StoredKey createColdkey(KeyName name, char[] passphrase, ScryptParams cost) {
    return createColdkey(name, Ed25519KeyPair.generate(random), passphrase, cost);
  }

  public StoredKey createColdkey(
      KeyName name, Ed25519KeyPair pair, char[] passphrase, ScryptParams cost) {
    requireNonNull(name, "name");
    requireNonNull(pair, "pair");
    requireNonNull(passphrase, "passphrase");
    requireNonNull(cost, "cost");
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("passphrase: empty (expected: at least one character)");
    }
    refuseExisting(name);
    return write(
        name, KeyKind.COLDKEY, pair, ColdkeyFile.encode(name, pair, passphrase, cost, random));
  }

  /** Every key, sorted by name. A file that is not a well-formed key file is an error. */
  public List<StoredKey> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
      for (Path file : stream) {
        if (!file.getFileName().toString().startsWith(".")) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw io("cannot list " + directory, e);
    }
    files.sort(null);
    List<StoredKey> keys = new ArrayList<>(files.size());
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      KeyName name;
      try {
        name = KeyName.of(fileName.substring(0, fileName.length() - ".json".length()));
      } catch (IllegalArgumentException e) {
        throw new KeyStoreException(
            Reason.CORRUPTED,
            file
                + ": file name is not a key name ("
                + e.getMessage()
                + "; only key files belong in "
                + directory
                + ")");
      }
      keys.add(get(name));
    }
    return keys;
  }

  /** The public facts of a key, after checking that its file is well formed. */
  public StoredKey get(KeyName name) {
    Read read = read(name);
    switch (read.header().kind()) {
      case HOTKEY -> HotkeyFile.decode(read.fields(), read.header()).privateKey().destroy();
      case COLDKEY -> ColdkeyFile.checkStructure(read.fields());
    }
    return read.stored();
  }

  /** The key with this key id. */
  public StoredKey find(KeyId keyId) {
    requireNonNull(keyId, "keyId");
    for (StoredKey key : list()) {
      if (key.keyId().equals(keyId)) {
        return key;
      }
    }
    throw new KeyStoreException(
        Reason.NOT_FOUND, "key id " + keyId + ": no such key in " + directory);
  }

  /**
   * Loads a hotkey. Refuses a file that group or others may access, as ssh does for private keys.
   */
  public Ed25519KeyPair loadHotkey(KeyName name) {
    Read read = read(name);
    requireKind(read, KeyKind.HOTKEY);
    try {
      if (OwnerOnlyFiles.isOpenToOthers(read.stored().file())) {
        throw new KeyStoreException(
            Reason.INSECURE_PERMISSIONS,
            read.stored().file()
                + ": hotkey file is accessible by other users (expected: mode 0600; run chmod 600 on it)");
      }
    } catch (IOException e) {
      throw io("cannot read the mode of " + read.stored().file(), e);
    }
    return HotkeyFile.decode(read.fields(), read.header());
  }

  /** Decrypts a coldkey. A wrong passphrase is {@link Reason#WRONG_PASSPHRASE}. */
  public Ed25519KeyPair loadColdkey(KeyName name, char[] passphrase) {
    requireNonNull(passphrase, "passphrase");
    Read read = read(name);
    requireKind(read, KeyKind.COLDKEY);
    return ColdkeyFile.decrypt(read.fields(), read.header(), passphrase);
  }

  private record Read(KeyFileFields fields, KeyFileFormat.Header header, StoredKey stored) {}

  private Read read(KeyName name) {
    requireNonNull(name, "name");
    requirePrivateDirectory();
    Path file = fileOf(name);
    byte[] bytes = readBounded(file, name);
    KeyFileFields fields = KeyFileFormat.parse(bytes, file.toString());
    KeyFileFormat.Header header = KeyFileFormat.readHeader(fields, name);
    return new Read(fields, header, new StoredKey(name, header.kind(), header.keyId(), file));
  }

  /**
   * Refuses to load from a directory other users may enter or write to, as ssh refuses a loose
   * {@code ~/.ssh}: whoever can write there can swap a key file, whoever can list it learns the
   * node's key names.
   */
  private void requirePrivateDirectory() {
    try {
      if (Files.isDirectory(directory) && OwnerOnlyFiles.isOpenToOthers(directory)) {
        throw new KeyStoreException(
            Reason.INSECURE_PERMISSIONS,
            directory
                + ": key directory is accessible by other users (expected: mode 0700; run chmod 700 "
                + directory
                + ")");
      }
    } catch (IOException e) {
      throw io("cannot read the mode of " + directory, e);
    }
  }

  private byte[] readBounded(Path file, KeyName name) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(KeyFileFormat.MAX_FILE_BYTES + 1);
      if (bytes.length > KeyFileFormat.MAX_FILE_BYTES) {
        throw new KeyStoreException(
            Reason.CORRUPTED,
            file
                + ": larger than "
                + KeyFileFormat.MAX_FILE_BYTES
                + " bytes (expected: a small key file)");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new KeyStoreException(
          Reason.NOT_FOUND, "key '" + name + "': no such key in " + directory);
    } catch (IOException e) {
      throw io("cannot read " + file, e);
    }
  }

  private static void requireKind(Read read, KeyKind expected) {
    if (read.header().kind() != expected) {
      throw new KeyStoreException(
          Reason.WRONG_KIND,
          "key '"
              + read.header().name()
              + "' is a "
              + read.header().kind().wireName()
              + " (expected: a "
              + expected.wireName()
              + ")");
    }
  }

  private void refuseExisting(KeyName name) {
    if (contains(name)) {
      throw new KeyStoreException(
          Reason.ALREADY_EXISTS,
          "key '"
              + name
              + "' already exists at "
              + fileOf(name)
              + " (expected: a new name; keys are never overwritten)");
    }
  }

  private StoredKey write(KeyName name, KeyKind kind, Ed25519KeyPair pair, byte[] bytes) {
    refuseExisting(name);
    Path file = fileOf(name);
    try {
      OwnerOnlyFiles.createDirectory(directory);
      OwnerOnlyFiles.writeNew(file, bytes);
    } catch (FileAlreadyExistsException e) {
      throw new KeyStoreException(
          Reason.ALREADY_EXISTS,
          "key '"
              + name
              + "' already exists at "
              + file
              + " (expected: a new name; keys are never overwritten)");
    } catch (IOException e) {
      throw io("cannot write " + file, e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    return new StoredKey(name, kind, KeyId.of(pair.publicKey()), file);
  }

  private static KeyStoreException io(String what, IOException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new KeyStoreException(Reason.IO, what + ": " + detail, e);
  }
}
