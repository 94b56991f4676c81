package io.aurelius.core.chain.dev;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The layout of a dev chain's data directory:
 *
 * <pre>
 * blocks.git/       bare repository, one commit per block
 * authority.seed    the block-signing key (64 hex chars), created on first start, mode 0600
 * chain.lock        held by the process that produces blocks
 * endpoint.json     where the running chain serves the signed protocol (host, port, authority)
 * </pre>
 */
public record ChainDataDir(Path root) {
  public ChainDataDir {
    requireNonNull(root, "root");
  }

  public Path blocks() {
    return root.resolve("blocks.git");
  }

  public Path authoritySeed() {
    return root.resolve("authority.seed");
  }

  public Path lockFile() {
    return root.resolve("chain.lock");
  }

  /** Written by a running chain after it binds: where it serves the signed protocol. */
  public Path endpointFile() {
    return root.resolve("endpoint.json");
  }

  public boolean hasChain() {
    return Files.isRegularFile(blocks().resolve("HEAD"));
  }

  /**
   * Takes the writer's lock, or says which data dir is busy. Release by closing the lock's channel.
   */
  public FileLock lock() {
    try {
      Files.createDirectories(root);
      FileChannel channel =
          FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new ChainStartException(
            root + ": the chain is running in another process (chain.lock is held)");
      }
      return lock;
    } catch (IOException e) {
      throw new ChainStartException(root + ": cannot lock the data dir: " + e.getMessage(), e);
    }
  }

  /** Whether another process holds the writer's lock right now. */
  public boolean isLocked() {
    if (!Files.exists(lockFile())) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return true;
      }
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** The authority key from {@code file} (or this dir's seed file), created there if absent. */
  public Ed25519KeyPair authorityKey(Optional<Path> file) {
    Path path = file.orElse(authoritySeed());
    if (Files.exists(path)) {
      return readSeed(path, "authority seed");
    }
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    writeSeed(path, key);
    return key;
  }

  /** Reads a key seed file: 64 hex characters, optionally followed by a newline. */
  public static Ed25519KeyPair readSeed(Path path, String what) {
    String text;
    try {
      if (Files.size(path) > 256) {
        throw new IllegalArgumentException(
            path + ": " + what + " file is too large (expected: 64 hex chars)");
      }
      text = Files.readString(path, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          path + ": cannot read " + what + " file: " + e.getMessage(), e);
    }
    if (!text.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(
          path
              + ": "
              + what
              + " file holds "
              + text.length()
              + " chars (expected: 64 hex chars, a 32-byte Ed25519 seed)");
    }
    return Ed25519KeyPair.fromSeed(HexFormat.of().parseHex(text));
  }

  /** Writes a seed file with owner-only permissions, never replacing an existing one. */
  public static void writeSeed(Path path, Ed25519KeyPair key) {
    if (Files.exists(path)) {
      throw new IllegalStateException(path + ": exists already; not replacing a key");
    }
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".seed", ".tmp");
      try {
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system; the directory's own protection applies
        }
        Files.writeString(
            tmp,
            HexFormat.of().formatHex(key.privateKey().seed()) + "\n",
            StandardCharsets.US_ASCII);
        try {
          Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, path);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new IllegalStateException(path + ": cannot write seed: " + e.getMessage(), e);
    }
  }
}
