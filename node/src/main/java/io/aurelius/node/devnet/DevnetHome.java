package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyName;
import io.aurelius.core.identity.KeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The devnet's directory: a marker file, the chain's data dir, and one node home per miner and
 * validator. Coldkeys live in the devnet's own key store under a passphrase printed in the summary
 * (a devnet is disposable); hotkeys live in each node's home, as an operator's would. A directory
 * that holds an earlier devnet is wiped; any other non-empty directory is refused, so a mistyped
 * {@code --home} never deletes an operator's files.
 */
public final class DevnetHome {
  static final String MARKER = "devnet.txt";

  /** The passphrase of the devnet's coldkeys; they hold devnet funds only. */
  public static final String COLDKEY_PASSPHRASE = "devnet";

  private final Path root;

  private DevnetHome(Path root) {
    this.root = root;
  }

  /** Prepares {@code root} for a fresh devnet. */
  public static DevnetHome prepare(Path root) {
    requireNonNull(root, "root");
    Path dir = root.toAbsolutePath().normalize();
    try {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new IllegalArgumentException(
              dir + ": not a directory (expected: a directory for the devnet)");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(dir)) {
          empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dir.resolve(MARKER))) {
          throw new IllegalArgumentException(
              dir
                  + ": not empty and not an earlier devnet (expected: an "
                  + "empty or new directory, or one a devnet made)");
        }
        wipe(dir);
      }
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(MARKER),
          "made by 'aurelius devnet'; wiped by the next run\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    return new DevnetHome(dir);
  }

  public Path root() {
    return root;
  }

  public Path chainDir() {
    return root.resolve("chain");
  }

  public Path nodeHome(String name) {
    return root.resolve(name);
  }

  /** Makes a hotkey in a node's home key store. */
  Ed25519KeyPair newHotkey(String node) {
    KeyStore store = KeyStore.inHome(nodeHome(node));
    KeyName name = KeyName.of(node);
    store.createHotkey(name);
    return store.loadHotkey(name);
  }

  /** Makes a coldkey in the devnet's key store (cheap scrypt: devnet funds only). */
  Ed25519KeyPair newColdkey(String node) {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    KeyStore.inHome(root)
        .createColdkey(
            KeyName.of(node + "-cold"),
            pair,
            COLDKEY_PASSPHRASE.toCharArray(),
            ScryptParams.withLogN(10));
    return pair;
  }

  private static void wipe(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (!d.equals(dir)) {
              Files.delete(d);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
