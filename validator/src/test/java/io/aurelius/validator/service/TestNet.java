package io.aurelius.validator.service;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SubnetParams;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.core.transport.netty.NettyTransport;
import io.aurelius.miner.intake.IntakePolicy;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.service.MinerService;
import io.aurelius.miner.service.MinerSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small network on loopback for the validator's tests: a dev chain (netuid 1, tempo 4,
 * commit-reveal, sealed by the test), real miners each serving one catalogue configuration, and
 * validator keys registered at genesis with equal stake.
 */
final class TestNet implements AutoCloseable {
  static final Ed25519KeyPair AUTHORITY = Ed25519KeyPair.fromSeed(seed(90));
  final DevChain chain;
  final List<MinerService> miners = new ArrayList<>();
  final List<Ed25519KeyPair> validatorKeys = new ArrayList<>();
  final List<ValidatorService> validators = new ArrayList<>();
  private final Path dir;

  /** One miner per configuration (null: a miner that is registered but serves nothing). */
  TestNet(Path dir, int validators, List<CompiledConfig> configs) throws Exception {
    this(dir, validators, configs, List.of());
  }

  /** Also registers {@code foreign} miners: servers the test runs itself (hostile ones). */
  TestNet(Path dir, int validators, List<CompiledConfig> configs, List<Foreign> foreign)
      throws Exception {
    this.dir = dir;
    List<Ed25519KeyPair> minerKeys = new ArrayList<>();
    for (int v = 0; v < validators; v++) {
      validatorKeys.add(Ed25519KeyPair.fromSeed(seed(10 + v)));
    }
    InMemoryPeerDirectory directory = new InMemoryPeerDirectory();
    validatorKeys.forEach(k -> directory.register(k.publicKey(), 1000));
    for (int m = 0; m < configs.size(); m++) {
      Ed25519KeyPair key = Ed25519KeyPair.fromSeed(seed(40 + m));
      minerKeys.add(key);
      Path home = dir.resolve("miner-" + m);
      try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
        if (configs.get(m) != null) {
          library.add(configs.get(m), Instant.now());
        }
      }
      MinerService miner =
          MinerService.builder(
                  new MinerSettings(
                      ConfigLibrary.inHome(home),
                      new InetSocketAddress("127.0.0.1", 0),
                      IntakePolicy.DEFAULT,
                      ServerLimits.defaults()),
                  key)
              .directory(directory)
              .servers(NettyProtocolServer::start)
              .build();
      miner.start();
      miners.add(miner);
    }
    List<Genesis.Neuron> neurons = new ArrayList<>();
    List<Genesis.Account> accounts = new ArrayList<>();
    for (int v = 0; v < validators; v++) {
      KeyId cold = KeyId.of(Ed25519KeyPair.fromSeed(seed(20 + v)).publicKey());
      accounts.add(new Genesis.Account(cold, 10_000));
      neurons.add(
          new Genesis.Neuron(
              KeyId.of(validatorKeys.get(v).publicKey()),
              KeyScheme.ED25519,
              cold,
              Role.VALIDATOR,
              Endpoint.NONE,
              1000));
    }
    for (int m = 0; m < minerKeys.size(); m++) {
      KeyId cold = KeyId.of(Ed25519KeyPair.fromSeed(seed(60 + m)).publicKey());
      accounts.add(new Genesis.Account(cold, 10_000));
      neurons.add(
          new Genesis.Neuron(
              KeyId.of(minerKeys.get(m).publicKey()),
              KeyScheme.ED25519,
              cold,
              Role.MINER,
              new Endpoint("127.0.0.1", miners.get(m).address().getPort()),
              0));
    }
    for (int f = 0; f < foreign.size(); f++) {
      KeyId cold = KeyId.of(Ed25519KeyPair.fromSeed(seed(80 + f)).publicKey());
      accounts.add(new Genesis.Account(cold, 10_000));
      neurons.add(
          new Genesis.Neuron(
              KeyId.of(foreign.get(f).key().publicKey()),
              KeyScheme.ED25519,
              cold,
              Role.MINER,
              new Endpoint("127.0.0.1", foreign.get(f).port()),
              0));
    }
    SubnetParams p = SubnetParams.defaults(1);
    SubnetParams params =
        new SubnetParams(
            1,
            4,
            100,
            p.immunityPeriod(),
            p.maxUids(),
            p.maxValidators(),
            p.minNonImmuneUids(),
            p.kappa(),
            p.bondsPenalty(),
            p.bondsMovingAverage(),
            p.activityCutoff(),
            p.stakeThreshold(),
            0,
            0,
            1,
            65535,
            true,
            1,
            0,
            0,
            3,
            p.emissionPerEpoch(),
            p.ownerCut());
    AtomicLong millis = new AtomicLong(System.currentTimeMillis());
    chain =
        DevChain.create(
            new ChainDataDir(dir.resolve("chain")),
            new Genesis(params, Optional.empty(), Optional.empty(), accounts, neurons),
            AUTHORITY,
            () -> Instant.ofEpochMilli(millis.addAndGet(10)));
    chain.seal();
  }

  /** A miner the test serves itself: its hotkey and port (1 for one that is not listening). */
  record Foreign(Ed25519KeyPair key, int port) {}

  static ValidatorSettings settings(Path home) {
    return ValidatorSettings.defaults(home)
        .withSeeds(1)
        .withTimeouts(
            Duration.ofSeconds(20),
            Duration.ofSeconds(120),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10));
  }

  ValidatorService validator(int v, ValidatorSettings settings) throws Exception {
    return validator(v, settings, new io.aurelius.core.metrics.MetricsRegistry());
  }

  ValidatorService validator(
      int v, ValidatorSettings settings, io.aurelius.core.metrics.MetricsRegistry metrics)
      throws Exception {
    return validator(v, settings, metrics, b -> b);
  }

  ValidatorService validator(
      int v,
      ValidatorSettings settings,
      io.aurelius.core.metrics.MetricsRegistry metrics,
      java.util.function.UnaryOperator<ValidatorService.Builder> more)
      throws Exception {
    ValidatorService service =
        more.apply(ValidatorService.builder(settings, validatorKeys.get(v)))
            .chain(chain)
            .transport(NettyTransport.INSTANCE)
            .metrics(metrics)
            .announce("127.0.0.1")
            .autoEpochs(false)
            .build();
    service.start();
    chain.seal();
    validators.add(service);
    return service;
  }

  Path home(int v) {
    return dir.resolve("validator-" + v);
  }

  /** Seals blocks until the chain is in epoch {@code epoch}. */
  void sealUntilEpoch(long epoch) {
    while ((chain.currentBlock() + 1 + 1) / 5 < epoch) {
      chain.seal();
    }
  }

  static CompiledConfig catalogue(int i) {
    return Catalogue.load(Catalogue.names().get(i)).orElseThrow();
  }

  static byte[] seed(int label) {
    byte[] s = new byte[32];
    s[0] = (byte) label;
    s[31] = 7;
    return s;
  }

  /** Closes the chain only (a child process then opens it from its data directory). */
  void closeChain() {
    chain.close();
  }

  @Override
  public void close() throws Exception {
    for (ValidatorService v : validators) {
      v.stop();
    }
    for (MinerService m : miners) {
      m.stop();
    }
    try {
      chain.close();
    } catch (RuntimeException alreadyClosed) {
      // closed by closeChain()
    }
  }
}
