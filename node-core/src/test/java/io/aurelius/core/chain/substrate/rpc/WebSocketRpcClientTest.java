package io.aurelius.core.chain.substrate.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.Fault;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-RPC client against a real WebSocket server on loopback serving recorded traffic. */
class WebSocketRpcClientTest {
  private static final Duration SECONDS_5 = Duration.ofSeconds(5);
  private static final String BLOCK =
      "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0";
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private FakeSubstrateNode node;
  private WebSocketRpcClient rpc;

  @BeforeEach
  void start() {
    node = FakeSubstrateNode.serve(RecordedTraffic.of("metagraph"));
    rpc = client(node.uri(), RpcSettings.DEFAULTS);
  }

  private WebSocketRpcClient client(URI uri, RpcSettings settings) {
    return WebSocketRpcClient.create(uri, settings, progress::add);
  }

  @AfterEach
  void stop() {
    rpc.close();
    node.close();
  }

  @Test
  void answersRecordedCallsOnOneConnection() {
    assertThat(rpc.call("chain_getBlockHash", List.of(6852690), SECONDS_5).asText())
        .isEqualTo(BLOCK);
    JsonNode header = rpc.call("chain_getHeader", List.of(BLOCK), SECONDS_5);
    assertThat(header.get("number").asText()).isEqualTo("0x689052");
    assertThat(
            rpc.call(
                    "state_getStorageAt",
                    List.of(
                        "0x658faa385070e074c85bf6b568cf0555604fb97037feb8522bf37d42d54fa6e9f1577fbf1d628fdd0100",
                        BLOCK),
                    SECONDS_5)
                .isNull())
        .isTrue();
    assertThat(node.connections()).isEqualTo(1);
    assertThat(progress).containsExactly("connecting to " + node.uri());
  }

  @Test
  void aJsonRpcErrorIsSurfacedWithCodeAndMessage() {
    assertThatThrownBy(() -> rpc.call("system_name", List.of(), SECONDS_5))
        .isInstanceOfSatisfying(RpcErrorResponse.class, e -> assertThat(e.code()).isEqualTo(-32000))
        .hasMessageStartingWith("system_name: node answered error -32000 'not recorded in")
        .hasMessageNotContaining("\n");
    node.fault(Fault.UNKNOWN_METHOD);
    assertThatThrownBy(() -> rpc.call("chain_getHead", List.of(), SECONDS_5))
        .isInstanceOf(RpcErrorResponse.class)
        .hasMessage("chain_getHead: node answered error -32601 'Method not found'");
  }

  @Test
  void aCallWithoutAnAnswerInTimeFailsAndALateAnswerIsIgnored() {
    node.latency(Duration.ofMillis(400));
    assertThatThrownBy(() -> rpc.call("chain_getHead", List.of(), Duration.ofMillis(100)))
        .isInstanceOf(RpcException.class)
        .hasMessage("chain_getHead: no answer from " + node.uri() + " (expected: within 100 ms)");
    node.latency(Duration.ZERO);
    assertThat(rpc.call("chain_getHead", List.of(), SECONDS_5).asText()).isEqualTo(BLOCK);
  }

  @Test
  void garbageFromTheNodeFailsTheCallInOneLine() {
    node.fault(Fault.GARBAGE);
    assertThatThrownBy(() -> rpc.call("author_submitExtrinsic", List.of("0x00"), SECONDS_5))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("author_submitExtrinsic: connection to " + node.uri() + " lost")
        .hasMessageContaining("node sent a message that is not JSON")
        .hasMessageContaining("(expected: JSON-RPC 2.0)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void reconnectsAfterTheConnectionIsLost() {
    assertThat(rpc.call("chain_getHead", List.of(), SECONDS_5).asText()).isEqualTo(BLOCK);
    node.disconnectAll();
    assertThat(rpc.call("chain_getHead", List.of(), SECONDS_5).asText()).isEqualTo(BLOCK);
    assertThat(node.connections()).isEqualTo(2);
    assertThat(progress).contains("reconnecting to " + node.uri());
  }

  @Test
  void aSafeReadInFlightIsRetriedAndASubmissionIsNot() throws Exception {
    node.latency(Duration.ofMillis(300));
    CompletableFuture<JsonNode> read =
        CompletableFuture.supplyAsync(() -> rpc.call("chain_getHead", List.of(), SECONDS_5));
    waitUntilAsked("chain_getHead");
    node.disconnectAll();
    assertThat(read.get(5, TimeUnit.SECONDS).asText()).isEqualTo(BLOCK);
    assertThat(progress).anyMatch(p -> p.startsWith("retrying chain_getHead once: "));

    CompletableFuture<JsonNode> submit =
        CompletableFuture.supplyAsync(
            () -> rpc.call("author_submitExtrinsic", List.of("0x00"), SECONDS_5));
    waitUntilAsked("author_submitExtrinsic");
    node.disconnectAll();
    assertThatThrownBy(() -> submit.join())
        .hasCauseInstanceOf(RpcException.class)
        .hasMessageContaining(
            "author_submitExtrinsic: connection to " + node.uri() + " lost before the answer");
    assertThat(node.asked().stream().filter("author_submitExtrinsic"::equals)).hasSize(1);
  }

  private void waitUntilAsked(String method) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!node.asked().contains(method) && System.nanoTime() < until) {
      Thread.sleep(5);
    }
  }

  @Test
  void aSubscriptionDeliversNotificationsUntilTheConnectionIsLost() throws Exception {
    LinkedBlockingQueue<JsonNode> heads = new LinkedBlockingQueue<>();
    CompletableFuture<RpcException> ended = new CompletableFuture<>();
    node.onSubscribe(
        "author_submitAndWatchExtrinsic",
        (params, sink) -> {
          sink.send(com.fasterxml.jackson.databind.node.TextNode.valueOf("ready"));
          sink.send(com.fasterxml.jackson.databind.node.TextNode.valueOf("inBlock"));
        });
    LinkedBlockingQueue<JsonNode> statuses = new LinkedBlockingQueue<>();
    Subscription watch =
        rpc.subscribe(
            "author_submitAndWatchExtrinsic",
            List.of("0x00"),
            "author_unwatchExtrinsic",
            statuses::add,
            e -> {},
            SECONDS_5);
    assertThat(statuses.poll(5, TimeUnit.SECONDS).asText()).isEqualTo("ready");
    assertThat(statuses.poll(5, TimeUnit.SECONDS).asText()).isEqualTo("inBlock");
    watch.close();
    assertThat(watch.active()).isFalse();

    node.fault(Fault.DISCONNECT_MID_SUBSCRIPTION);
    Subscription s =
        rpc.subscribe(
            "chain_subscribeFinalizedHeads",
            List.of(),
            "chain_unsubscribeFinalizedHeads",
            heads::add,
            ended::complete,
            SECONDS_5);
    assertThat(s.id()).startsWith("sub-");
    assertThat(heads.poll(5, TimeUnit.SECONDS).get("number").asText()).isEqualTo("0x689052");
    assertThat(ended.get(5, TimeUnit.SECONDS))
        .hasMessage(
            "chain_subscribeFinalizedHeads subscription "
                + s.id()
                + ": connection to "
                + node.uri()
                + " lost (connection closed)");
    assertThat(s.active()).isFalse();
  }

  @Test
  void aMessageLargerThanTheLimitIsRefused() {
    try (WebSocketRpcClient small =
        client(
            node.uri(),
            new RpcSettings(
                4096, Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(50)))) {
      assertThat(small.call("chain_getHead", List.of(), SECONDS_5).asText()).isEqualTo(BLOCK);
      assertThatThrownBy(() -> small.call("state_getMetadata", List.of(), SECONDS_5))
          .isInstanceOf(RpcException.class)
          .hasMessageContaining("state_getMetadata")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void anUnreachableNodeIsNamed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI nowhere = URI.create("ws://127.0.0.1:" + port);
    try (WebSocketRpcClient c = client(nowhere, RpcSettings.DEFAULTS)) {
      assertThatThrownBy(() -> c.call("system_chain", List.of(), SECONDS_5))
          .isInstanceOf(RpcException.class)
          .hasMessageStartingWith("system_chain: cannot connect to " + nowhere + ": ");
    }
  }

  @Test
  void anEndpointMustBeWebSocket() {
    assertThatThrownBy(
            () ->
                WebSocketRpcClient.create(
                    URI.create("http://127.0.0.1:9944"), RpcSettings.DEFAULTS, p -> {}))
        .hasMessage(
            "substrate endpoint 'http://127.0.0.1:9944' (expected: ws://HOST:PORT or wss://HOST:PORT)");
  }
}
