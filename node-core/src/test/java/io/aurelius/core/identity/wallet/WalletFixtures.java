package io.aurelius.core.identity.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * The fixtures under {@code src/test/resources/wallet/}, made by bittensor-wallet 4.1.1, PyNaCl and
 * Python's cryptography (see the README there), and the values they hold.
 */
final class WalletFixtures {
  static final String PASSWORD = "correct horse battery staple ünïcode";
  static final String PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  static final String COLD_PUBLIC =
      "0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
  static final String COLD_SS58 = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";
  static final String COLD_SEED =
      "0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";
  static final String COLD_PRIVATE =
      "0x05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a"
          + "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34";
  static final String HOT_PUBLIC =
      "0x7a6c1d8148265cc8258454f26b84f803f4d96bf4fcebd25bff2d043b3969355f";
  static final String HOT_SS58 = "5EqDpHPYMg7kuv1xSz4THGZTtfVuJdST5rG3FUob97TCRkVC";
  static final String HOT_SEED =
      "0xff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  static final String ED_PUBLIC =
      "0x57e3dc4e0bf79a6c1fdca5328c8f38d48c83ea711bfef53a1c4a76dcd5845e56";
  static final String ED_SS58 = "5E3wiEwPPoBXb4ujnqWUs2k8AZFDL4zY9antJrs4sfTiJTsQ";
  static final String ED_SEED =
      "0xfe2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

  /** Cheap costs for round trips: files written with them are readable only with them. */
  static final KeyfileCipher CHEAP = new KeyfileCipher(3, 8192, 1000, new SecureRandom());

  private static final List<String> WALLET_FILES =
      List.of(
          "coldkey", "coldkeypub.txt", "hotkeys/miner", "hotkeys/minerpub.txt", "hotkeys/edminer");

  private WalletFixtures() {}

  static byte[] resource(String name) {
    try (InputStream in = WalletFixtures.class.getResourceAsStream("/wallet/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource /wallet/" + name + " not found");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the bittensor-wallet wallet {@code fixture} to {@code walletsDir/fixture}. */
  static void copyWallet(Path walletsDir) throws IOException {
    for (String file : WALLET_FILES) {
      Path target = walletsDir.resolve("fixture").resolve(file);
      Files.createDirectories(target.getParent());
      Files.write(target, resource("wallets/fixture/" + file));
    }
  }

  static char[] password() {
    return PASSWORD.toCharArray();
  }
}
