package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small dev network for tests. Keys: coldkeys 1–3 funded with 10 000 each; genesis validators V0
 * (hotkey 100, coldkey 1, stake 600) and V1 (hotkey 101, coldkey 2, stake 400); miner hotkeys 200+
 * belong to coldkey 3. Netuid 7 and tempo 4 put epochs at blocks 2, 7, 12…
 */
final class DevNet {
  static final Ed25519KeyPair AUTHORITY = TestKeys.key(90);
  static final int NETUID = 7;
  final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
  final InstantSource clock = () -> java.time.Instant.ofEpochMilli(millis.addAndGet(10));

  static SubnetParams params(boolean commitReveal) {
    return new SubnetParams(
        NETUID,
        4,
        10,
        3,
        8,
        2,
        0,
        32767,
        65535,
        900_000,
        1000,
        0,
        2,
        0,
        1,
        65535,
        commitReveal,
        1,
        0,
        10,
        3,
        1_000_000,
        11796);
  }

  static Genesis genesis(SubnetParams params, Optional<KeyId> owner) {
    return new Genesis(
        params,
        Optional.empty(),
        owner,
        List.of(
            new Genesis.Account(cold(1), 10_000),
            new Genesis.Account(cold(2), 10_000),
            new Genesis.Account(cold(3), 10_000)),
        List.of(
            new Genesis.Neuron(
                hot(100),
                KeyScheme.ED25519,
                cold(1),
                Role.VALIDATOR,
                new Endpoint("127.0.0.1", 9100),
                600),
            new Genesis.Neuron(
                hot(101),
                KeyScheme.ED25519,
                cold(2),
                Role.VALIDATOR,
                new Endpoint("127.0.0.1", 9101),
                400)));
  }

  DevChain create(Path dir, SubnetParams params) {
    return DevChain.create(
        new ChainDataDir(dir), genesis(params, Optional.empty()), AUTHORITY, clock);
  }

  static KeyId cold(int label) {
    return TestKeys.id(label);
  }

  static KeyId hot(int label) {
    return TestKeys.id(label);
  }

  static Ed25519KeyPair key(int label) {
    return TestKeys.key(label);
  }

  /** Seals blocks until the next one to open is {@code number} (so that block is being built). */
  static void sealUntilBuilding(DevChain chain, long number) {
    while (chain.pendingBlock() < number) {
      chain.seal();
    }
  }
}
