package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.core.identity.wallet.BittensorWallet;
import io.aurelius.core.identity.wallet.CryptoType;
import io.aurelius.core.identity.wallet.KeyfileData;
import io.aurelius.core.identity.wallet.WalletKeys;
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
 * validator. Each node's keys are an sr25519 Bittensor wallet in its home ({@code
 * <home>/wallets/<node>}: hotkey {@code default} and an unencrypted coldkey, a devnet being
 * disposable), as an operator's would be. A directory that holds an earlier devnet is wiped; any
 * other non-empty directory is refused, so a mistyped {@code --home} never deletes an operator's
 * files.
 */
public final class DevnetHome {
  static final String MARKER = "devnet.txt";

  /** Where a node home keeps its Bittensor wallets. */
  public static final String WALLETS = "wallets";

  /** The hotkey name of every devnet node's wallet. */
  public static final String HOTKEY = "default";

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
      OwnerOnlyFiles.createDirectories(dir);
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

  /**
   * Makes a node's hotkey: an sr25519 key as a stock Bittensor wallet in the node's home ({@code
   * <home>/wallets/<node>/hotkeys/default}), so any Bittensor tool can sign as the node.
   */
  Signer newHotkey(String node) {
    KeyfileData key = WalletKeys.generate(CryptoType.SR25519);
    BittensorWallet wallet = wallet(node);
    wallet.writeHotkey(HOTKEY, key, false);
    return WalletKeys.signer(key.keyMaterial().orElseThrow(), wallet.hotkeyPath(HOTKEY).toString());
  }

  /**
   * Makes a node's coldkey in the same wallet ({@code <home>/wallets/<node>/coldkey}), unencrypted:
   * it holds devnet funds only, and {@code $NACL}'s key derivation costs seconds per key.
   */
  Signer newColdkey(String node) {
    KeyfileData key = WalletKeys.generate(CryptoType.SR25519);
    BittensorWallet wallet = wallet(node);
    wallet.writeUnencryptedColdkey(key, false);
    return WalletKeys.signer(key.keyMaterial().orElseThrow(), wallet.coldkeyPath().toString());
  }

  /** The node's wallet: named after the node, under its home's {@code wallets}. */
  public BittensorWallet wallet(String node) {
    return new BittensorWallet(nodeHome(node).resolve(WALLETS), node);
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
