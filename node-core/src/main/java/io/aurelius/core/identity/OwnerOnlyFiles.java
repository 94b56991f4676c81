package io.aurelius.core.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files only their owner may read: the directory is created with mode 0700, the file with
 * 0600 from the moment it exists. A write goes to a temporary file in the same directory, is forced
 * to disk, then moved into place atomically, so a crash leaves either no file or the whole file,
 * never half a key.
 */
public final class OwnerOnlyFiles {
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {}

  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, attributes(dir, DIR_MODE));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /**
   * Writes {@code bytes} to {@code target}, which must not exist yet (checked just before the move;
   * the key store is written by one process at a time).
   */
  static void writeNew(Path target, byte[] bytes) throws IOException {
    write(target, bytes, false);
  }

  /**
   * Writes {@code bytes} to {@code target} atomically with mode 0600; unless {@code replace}, a
   * target that exists (checked just before the move) is left alone and {@link
   * FileAlreadyExistsException} thrown.
   */
  public static void write(Path target, byte[] bytes, boolean replace) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
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
      if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      if (replace) {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    forceDirectory(dir);
  }

  /** Creates {@code dir} and any missing parents, each new one with mode 0700. */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
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

  /**
   * Creates {@code file} empty with mode 0600, and its missing directories with 0700, unless it
   * exists; for files another library then fills in place (SQLite gives its journal files the
   * database file's mode).
   */
  public static void createFile(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    createDirectories(dir);
    try {
      Files.createFile(file, attributes(dir, FILE_MODE));
    } catch (FileAlreadyExistsException e) {
      // kept as it is
    }
  }

  /** True if group or others have any permission on the file (always false off POSIX). */
  static boolean isOpenToOthers(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return false;
    }
    for (PosixFilePermission permission : view.readAttributes().permissions()) {
      if (!permission.name().startsWith("OWNER_")) {
        return true;
      }
    }
    return false;
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
