package io.aurelius.core.identity.wallet;

import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads keyfiles with a size bound, and writes them as bittensor-wallet leaves them (mode 0600) but
 * atomically: a temporary file in the same directory, created with mode 0600, forced to disk and
 * moved into place, so a crash leaves the old file or the new one, never half a key. New
 * directories get mode 0700.
 */
final class WalletFiles {
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

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
    Path dir = target.toAbsolutePath().getParent();
    try {
      createDirectories(dir);
      if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new KeyStoreException(
            Reason.ALREADY_EXISTS, target + ": exists (expected: overwrite to replace it)");
      }
      Path temp =
          Files.createTempFile(
              dir, "." + target.getFileName() + ".", ".tmp", attributes(dir, FILE_MODE));
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      forceDirectory(dir);
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

  private static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, attributes(dir, DIR_MODE));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  private static FileAttribute<?>[] attributes(Path dir, Set<PosixFilePermission> mode) {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
        : new FileAttribute<?>[0];
  }

  /** Makes the rename durable; some platforms cannot open a directory, which is harmless. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on this platform; the rename itself is still atomic.
    }
  }
}
