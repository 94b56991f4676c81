package io.aurelius.node.devnet;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.service.Service;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.miner.chain.ChainEndpoint;
import io.aurelius.miner.chain.MetagraphSync;
import io.aurelius.miner.chain.ValidatorDirectory;
import io.aurelius.miner.intake.IntakePolicy;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.miner.service.MinerService;
import io.aurelius.miner.service.MinerSettings;
import io.aurelius.node.console.NodeConsole;
import io.aurelius.node.daemon.ChainFacts;
import io.aurelius.node.daemon.ClosingService;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One devnet miner: a node home with its hotkey and a library of catalogue configurations,
 * registered on the chain by its own coldkey when it starts (through the chain protocol, as {@code
 * aurelius miner run --coldkey} does).
 */
public final class DevnetMiner {
  private MetagraphSync sync;
  private final String name;
  private final Path home;
  private final Signer hotkey;
  private final Signer coldkey;
  private List<String> configurations;
  private List<JsonNode> documents = List.of();
  private final MetricsRegistry registry = new MetricsRegistry();
  private MinerService service;

  DevnetMiner(String name, Path home, Signer hotkey, Signer coldkey, List<String> configurations) {
    this.name = requireNonNull(name, "name");
    this.home = requireNonNull(home, "home");
    this.hotkey = requireNonNull(hotkey, "hotkey");
    this.coldkey = requireNonNull(coldkey, "coldkey");
    this.configurations = List.copyOf(configurations);
  }

  /** Where this miner keeps the world-model modules it submits (see MinerService). */
  Path modulesDirectory() {
    return MinerModules.inHome(home);
  }

  /** The miner's hotkey, which signs the modules it authors. */
  Signer signer() {
    return hotkey;
  }

  /**
   * Makes {@code documents} the library instead of the catalogue share (before the miner starts):
   * they may import the miner's own modules.
   */
  void libraryOf(List<JsonNode> documents) {
    this.documents = List.copyOf(documents);
    this.configurations = documents.stream().map(d -> d.path("name").asText()).toList();
  }

  /** The documents that replaced the catalogue share ({@link #libraryOf}), if any. */
  List<JsonNode> documents() {
    return documents.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
  }

  /** Writes the catalogue configurations into the library (as {@code aurelius miner add}). */
  void fillLibrary() {
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
      if (!documents.isEmpty()) {
        ModuleSet own = new MinerModules(modulesDirectory()).known();
        for (JsonNode d : documents) {
          library.add(ConfigLoader.load(d, "devnet " + name, own), Instant.now());
        }
        return;
      }
      for (String c : configurations) {
        CompiledConfig config =
            Catalogue.load(c)
                .orElseThrow(
                    () -> new IllegalStateException("catalogue has no configuration " + c));
        library.add(config, Instant.now());
      }
    }
  }

  /** The services of this node, in start order. */
  List<Service> services(DevnetChain chain) {
    ProtocolClient client = NettyProtocolClient.create(hotkey, ClientLimits.defaults());
    Chain remote = chain.remote(client);
    ValidatorDirectory directory = new ValidatorDirectory(Map.of());
    MinerSettings settings =
        new MinerSettings(
            ConfigLibrary.inHome(home),
            new InetSocketAddress("127.0.0.1", 0),
            IntakePolicy.DEFAULT,
            ServerLimits.defaults());
    service =
        MinerService.builder(settings, hotkey)
            .directory(directory)
            .servers(NettyProtocolServer::start)
            .announcer(
                new ChainEndpoint(
                    remote,
                    hotkey,
                    java.util.Optional.of(coldkey),
                    "127.0.0.1",
                    Duration.ofSeconds(60)))
            .metrics(registry)
            .statusFacts(ChainFacts.of(remote, registry))
            .console(NodeConsole.miner(() -> service, Optional.of(remote), () -> service.status()))
            .build();
    sync = new MetagraphSync(remote, directory, Duration.ofSeconds(1));
    return List.of(new ClosingService(name + "-chain-client", client), sync, service);
  }

  /** The block of the metagraph this miner last read (who may query it), -1 before the first. */
  long syncedBlock() {
    return sync == null ? -1 : sync.lastBlock();
  }

  public String name() {
    return name;
  }

  public KeyId hotkey() {
    return KeyId.of(hotkey.publicKey());
  }

  public KeyId coldkey() {
    return KeyId.of(coldkey.publicKey());
  }

  public List<String> configurations() {
    return configurations;
  }

  public int port() {
    return service.address().getPort();
  }

  public String gitUrl() {
    return "http://127.0.0.1:" + port() + "/git/" + ConfigLibrary.SERVED_NAME;
  }
}
