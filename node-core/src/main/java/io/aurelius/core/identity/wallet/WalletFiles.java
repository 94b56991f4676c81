package io.aurelius.core.identity.wallet;

import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.identity.OwnerOnlyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads keyfiles with a size bound, and writes them as bittensor-wallet leaves them (mode 0600) but
 * atomically, through the key store's {@link OwnerOnlyFiles}: a crash leaves the old file or the
 * new one, never half a key. New directories get mode 0700.
 */
final class WalletFiles {
  private WalletFiles() {}

  static byte[] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(Keyfile.MAX_FILE_BYTES + 1);
      if (bytes.length > Keyfile.MAX_FILE_BYTES) {
        throw new KeyStoreException(
            Reason.CORRUPTED,
            file
                + ": larger than "
                + Keyfile.MAX_FILE_BYTES
                + " bytes (expected: a Bittensor keyfile)");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new KeyStoreException(Reason.NOT_FOUND, file + ": no such keyfile", e);
    } catch (IOException e) {
      throw new KeyStoreException(Reason.IO, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static void write(Path target, byte[] bytes, boolean overwrite) {
    try {
      OwnerOnlyFiles.createDirectories(target.toAbsolutePath().getParent());
      if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new KeyStoreException(
            Reason.ALREADY_EXISTS, target + ": exists (expected: overwrite to replace it)");
      }
      OwnerOnlyFiles.write(target, bytes, overwrite);
    } catch (FileAlreadyExistsException e) {
      throw new KeyStoreException(
          Reason.ALREADY_EXISTS, target + ": exists (expected: overwrite to replace it)", e);
    } catch (IOException e) {
      throw new KeyStoreException(Reason.IO, target + ": cannot write: " + e.getMessage(), e);
    }
  }

  static boolean exists(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }
}
