package io.aurelius.core.chain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.dev.ChainDataDir;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.dev.Genesis;
import io.aurelius.core.chain.dev.SubnetParams;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.SetWeights;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev chain served over the signed protocol on loopback (real Netty server and client): nodes
 * that are not registered yet register through it, read the metagraph, set weights by commit and
 * reveal; bad extrinsics are rejected with reasons and change nothing; unreadable bodies are 400s;
 * the node keeps answering.
 */
class ChainNetworkIT {
  private static final Ed25519KeyPair AUTHORITY = TestKeys.key(90);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  @TempDir Path dir;
  private DevChain chain;
  private ProtocolServer server;
  private PeerEndpoint endpoint;
  private ProtocolClient coldClient;
  private ProtocolClient minerClient;
  private RemoteChain asOwner;
  private RemoteChain asMiner;

  @BeforeEach
  void start() {
    SubnetParams d = SubnetParams.defaults(7);
    SubnetParams p =
        new SubnetParams(
            7,
            4,
            20,
            3,
            8,
            2,
            0,
            d.kappa(),
            d.bondsPenalty(),
            d.bondsMovingAverage(),
            1000,
            0,
            1,
            0,
            1,
            65535,
            true,
            1,
            0,
            10,
            3,
            1_000_000,
            d.ownerCut());
    Genesis g =
        new Genesis(
            p,
            Optional.empty(),
            Optional.empty(),
            List.of(
                new Genesis.Account(TestKeys.id(1), 10_000),
                new Genesis.Account(TestKeys.id(3), 10_000)),
            List.of(
                new Genesis.Neuron(
                    TestKeys.id(100),
                    KeyScheme.ED25519,
                    TestKeys.id(1),
                    Role.VALIDATOR,
                    Endpoint.NONE,
                    600),
                new Genesis.Neuron(
                    TestKeys.id(101),
                    KeyScheme.ED25519,
                    TestKeys.id(1),
                    Role.VALIDATOR,
                    Endpoint.NONE,
                    400)));
    chain = DevChain.create(new ChainDataDir(dir), g, AUTHORITY, InstantSource.system());
    ChainPeers peers = new ChainPeers();
    peers.refresh(chain.metagraph());
    server =
        NettyProtocolServer.start(
            ChainRoutes.addTo(
                    ServerSpec.builder(AUTHORITY, peers).name("chain-it"), new ChainService(chain))
                .build());
    endpoint = server.loopbackEndpoint();
    // Neither envelope key is registered: the chain admits every signer.
    coldClient = NettyProtocolClient.create(TestKeys.key(3), ClientLimits.defaults());
    minerClient = NettyProtocolClient.create(TestKeys.key(200), ClientLimits.defaults());
    asOwner = new RemoteChain(coldClient, endpoint, TIMEOUT);
    asMiner = new RemoteChain(minerClient, endpoint, TIMEOUT);
  }

  @AfterEach
  void stop() {
    coldClient.close();
    minerClient.close();
    server.close();
    chain.close();
  }

  @Test
  void nodesRegisterReadAndWeightThroughTheSignedProtocol() {
    assertThat(asOwner.info()).isEqualTo(chain.info());
    Receipt registered =
        asOwner.register(
            TestKeys.key(3), TestKeys.key(200), Role.MINER, new Endpoint("10.1.1.1", 8091));
    assertThat(registered).isInstanceOf(Receipt.Accepted.class);
    Receipt second =
        asOwner.register(TestKeys.key(3), TestKeys.key(201), Role.MINER, Endpoint.NONE);
    assertThat(second.accepted()).as("nonces continue from this client").isTrue();
    Metagraph m = asMiner.metagraph();
    assertThat(m).isEqualTo(chain.metagraph());
    assertThat(m.byHotkey(TestKeys.id(200)).orElseThrow().endpoint())
        .isEqualTo(new Endpoint("10.1.1.1", 8091));
    assertThat(asOwner.account(TestKeys.id(3)).orElseThrow().nonce()).isEqualTo(2);
    assertThat(asOwner.account(TestKeys.id(77))).isEmpty();

    // Commit in epoch 2 (blocks 2-6), reveal in epoch 3 (blocks 7-11).
    while (chain.pendingBlock() < 3) {
      chain.seal();
    }
    Weights w = new Weights(List.of(2, 3), List.of(3, 1));
    Salt salt = Salt.random();
    RemoteChain asValidator = new RemoteChain(minerClient, endpoint, TIMEOUT);
    assertThat(asValidator.commitWeights(TestKeys.key(100), w, salt, 0).accepted()).isTrue();
    while (chain.pendingBlock() < 7) {
      chain.seal();
    }
    assertThat(asValidator.revealWeights(TestKeys.key(100), w, salt, 0).accepted()).isTrue();
    assertThat(asValidator.metagraph(true).byUid(0).orElseThrow().weights()).hasSize(2);
    assertThat(asOwner.currentBlock()).isEqualTo(6);
  }

  @Test
  void badExtrinsicsAreRejectedWithReasonsAndChangeNothing() {
    Metagraph before = chain.metagraph(true);
    AccountInfo owner = chain.account(TestKeys.id(1)).orElseThrow();
    String id = chain.chainId();
    Extrinsic stale = Extrinsic.sign(id, TestKeys.key(1), 5, new Transfer(TestKeys.id(3), 1));
    Extrinsic otherChain =
        Extrinsic.sign("00".repeat(32), TestKeys.key(1), 0, new Transfer(TestKeys.id(3), 1));
    Extrinsic duplicate =
        Extrinsic.sign(
            id,
            TestKeys.key(100),
            0,
            new SetWeights(7, new Weights(List.of(1, 1), List.of(1, 1)), 0));
    assertReason(asOwner.submit(stale), RejectReason.WRONG_NONCE);
    assertReason(asOwner.submit(otherChain), RejectReason.BAD_SIGNATURE);
    assertReason(asOwner.submit(duplicate), RejectReason.COMMIT_REVEAL_ENABLED);
    assertReason(
        asOwner.revealWeights(
            TestKeys.key(100), new Weights(List.of(1), List.of(1)), Salt.random(), 0),
        RejectReason.NO_WEIGHTS_COMMIT);
    assertReason(
        asOwner.transfer(TestKeys.key(1), TestKeys.id(3), 1_000_000),
        RejectReason.INSUFFICIENT_BALANCE);
    assertReason(
        asOwner.addStake(TestKeys.key(3), TestKeys.id(100), 1), RejectReason.NOT_HOTKEY_OWNER);
    assertThat(chain.metagraph(true)).isEqualTo(before);
    assertThat(chain.account(TestKeys.id(1)).orElseThrow()).isEqualTo(owner);
  }

  @Test
  void unreadableBodiesAre400sAndTheNodeKeepsAnswering() {
    Reply malformed =
        coldClient
            .send(
                endpoint,
                "chain/submit",
                "{\"extrinsic\": {\"signer\": 5}}".getBytes(StandardCharsets.UTF_8))
            .join();
    assertThat(malformed).isInstanceOf(Reply.Refused.class);
    assertThat(((Reply.Refused) malformed).status()).isEqualTo(400);
    assertThat(((Reply.Refused) malformed).message())
        .isEqualTo("/v1/chain/submit extrinsic: call: missing (expected: present)");
    Reply unknownField =
        coldClient
            .send(
                endpoint,
                "chain/metagraph",
                "{\"everything\": true}".getBytes(StandardCharsets.UTF_8))
            .join();
    assertThat(((Reply.Refused) unknownField).status()).isEqualTo(400);
    Reply noBlock =
        coldClient
            .send(endpoint, "chain/block", "{\"number\": 42}".getBytes(StandardCharsets.UTF_8))
            .join();
    assertThat(((Reply.Refused) noBlock).status()).isEqualTo(404);
    JsonNode block0 =
        coldClient
            .send(endpoint, "chain/block", "{\"number\": 0}".getBytes(StandardCharsets.UTF_8))
            .join()
            .orThrow()
            .json();
    assertThat(block0.get("block").get("block").get("chain").asText()).isEqualTo(chain.chainId());
    assertThat(asMiner.info().chainId()).isEqualTo(chain.chainId());
  }

  @Test
  void aChainThatCannotBeReachedIsUnavailable() {
    server.close();
    assertThatThrownBy(() -> asOwner.metagraph())
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageStartingWith("/v1/chain/metagraph at ");
  }

  private static void assertReason(Receipt receipt, RejectReason reason) {
    assertThat(receipt).isInstanceOf(Receipt.Rejected.class);
    assertThat(((Receipt.Rejected) receipt).reason()).as(receipt.toString()).isEqualTo(reason);
  }
}
