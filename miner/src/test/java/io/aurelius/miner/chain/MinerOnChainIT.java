package io.aurelius.miner.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.submission.SubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.dev.BlockProducer;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SubnetParams;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.service.ServiceController;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import io.aurelius.miner.intake.IntakePolicy;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.service.MinerService;
import io.aurelius.miner.service.MinerSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A miner on a real dev chain (sealing blocks on its own thread): it registers itself with its
 * coldkey and serves its bound endpoint; the chain's validators may query it, anyone else is
 * refused; a restart on another port moves the endpoint on the chain.
 */
class MinerOnChainIT {
  private static final Ed25519KeyPair AUTHORITY = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair OWNER = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair VALIDATOR = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair OTHER_MINER = Ed25519KeyPair.generate();
  private static final Ed25519KeyPair MINER = Ed25519KeyPair.generate();

  @TempDir Path dir;
  private DevChain chain;
  private ServiceController chainServices;

  private static KeyId id(Ed25519KeyPair key) {
    return KeyId.of(key.publicKey());
  }

  @BeforeEach
  void startChain() throws Exception {
    Genesis genesis =
        new Genesis(
            SubnetParams.defaults(7),
            Optional.empty(),
            Optional.empty(),
            List.of(new Genesis.Account(id(OWNER), 10_000)),
            List.of(
                new Genesis.Neuron(
                    id(VALIDATOR),
                    KeyScheme.ED25519,
                    id(OWNER),
                    Role.VALIDATOR,
                    Endpoint.NONE,
                    500),
                new Genesis.Neuron(
                    id(OTHER_MINER), KeyScheme.ED25519, id(OWNER), Role.MINER, Endpoint.NONE, 0)));
    chain =
        DevChain.create(
            new ChainDataDir(dir.resolve("chain")), genesis, AUTHORITY, InstantSource.system());
    chainServices =
        new ServiceController(Duration.ofSeconds(5))
            .add(new BlockProducer(chain, 50, 0, block -> {}));
    chainServices.start();
    try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(dir))) {
      library.add(Catalogue.load(Catalogue.names().get(0)).orElseThrow(), Instant.now());
    }
  }

  @AfterEach
  void stopChain() {
    chainServices.stop();
    chain.close();
  }

  private ServiceController miner(Optional<Ed25519KeyPair> coldkey, MinerService[] started) {
    ValidatorDirectory directory = new ValidatorDirectory(Map.of());
    MinerService miner =
        MinerService.builder(
                new MinerSettings(
                    ConfigLibrary.inHome(dir),
                    new InetSocketAddress("127.0.0.1", 0),
                    IntakePolicy.DEFAULT,
                    ServerLimits.defaults()),
                MINER)
            .directory(directory)
            .servers(NettyProtocolServer::start)
            .announcer(
                new ChainEndpoint(chain, MINER, coldkey, "127.0.0.1", Duration.ofSeconds(10)))
            .build();
    started[0] = miner;
    return new ServiceController(Duration.ofSeconds(10))
        .add(new MetagraphSync(chain, directory, Duration.ofMillis(200)))
        .add(miner);
  }

  private static Reply query(Ed25519KeyPair as, PeerEndpoint miner) {
    try (ProtocolClient client = NettyProtocolClient.create(as, ClientLimits.defaults())) {
      return client
          .call(miner, SubmissionQuery.ROUTE, new SubmissionQuery(3, id(as), 65536).toJson())
          .join();
    }
  }

  @Test
  void registersServesItsEndpointAndAnswersOnlyTheChainsValidators() throws Exception {
    MinerService[] miner = new MinerService[1];
    ServiceController services = miner(Optional.of(OWNER), miner);
    services.start();
    try {
      int port = miner[0].address().getPort();
      NeuronInfo me = chain.metagraph().byHotkey(id(MINER)).orElseThrow();
      assertThat(me.role()).isEqualTo(Role.MINER);
      assertThat(me.endpoint()).isEqualTo(new Endpoint("127.0.0.1", port));
      assertThat(chain.currentBlock()).isGreaterThanOrEqualTo(me.registeredAt());

      // a validator finds the miner through the metagraph, as the validator role will
      PeerEndpoint found =
          new PeerEndpoint(
              me.endpoint().host(), me.endpoint().port(), me.hotkey(), me.hotkeyScheme());
      SubmissionQuery q = new SubmissionQuery(3, id(VALIDATOR), 65536);
      Reply.Ok ok = query(VALIDATOR, found).orThrow();
      assertThat(SubmissionVerifier.defaults().check(ok.body(), q, me.hotkey(), Instant.now()))
          .isInstanceOf(SubmissionCheck.Admitted.class);

      Reply fromMiner = query(OTHER_MINER, found);
      assertThat(fromMiner).isInstanceOf(Reply.Refused.class);
      assertThat(((Reply.Refused) fromMiner).status()).isEqualTo(403);
      Reply fromStranger = query(Ed25519KeyPair.generate(), found);
      assertThat(((Reply.Refused) fromStranger).status()).isEqualTo(403);
    } finally {
      services.stop();
    }

    MinerService[] again = new MinerService[1];
    ServiceController restarted = miner(Optional.empty(), again);
    restarted.start();
    try {
      int newPort = again[0].address().getPort();
      assertThat(chain.metagraph().byHotkey(id(MINER)).orElseThrow().endpoint())
          .isEqualTo(new Endpoint("127.0.0.1", newPort));
    } finally {
      restarted.stop();
    }
  }

  @Test
  void anUnregisteredHotkeyWithoutAColdkeyDoesNotStart() {
    MinerService[] miner = new MinerService[1];
    ServiceController services = miner(Optional.empty(), miner);
    assertThatThrownBy(services::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not registered on the chain")
        .hasMessageContaining("aurelius chain register --role miner");
    assertThat(chain.metagraph().byHotkey(id(MINER))).isEmpty();
  }

  @Test
  void theDirectoryAdmitsValidatorsAndTheOperatorsExtrasOnly() {
    KeyId extra = id(Ed25519KeyPair.generate());
    ValidatorDirectory directory = new ValidatorDirectory(Map.of(extra, KeyScheme.ED25519));
    assertThat(directory.standing(extra))
        .isEqualTo(new io.aurelius.core.protocol.PeerStanding.Registered(0, KeyScheme.ED25519));
    assertThat(directory.standing(id(VALIDATOR)))
        .isEqualTo(io.aurelius.core.protocol.PeerStanding.UNREGISTERED);
    directory.refresh(chain.metagraph());
    assertThat(directory.standing(id(VALIDATOR)))
        .isEqualTo(new io.aurelius.core.protocol.PeerStanding.Registered(500, KeyScheme.ED25519));
    assertThat(directory.standing(id(OTHER_MINER)))
        .isEqualTo(io.aurelius.core.protocol.PeerStanding.UNREGISTERED);
    assertThat(directory.size()).isEqualTo(2);
  }
}
