package io.aurelius.core.chain.substrate.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.substrate.fake.FakeSubstrateNode;
import io.aurelius.core.chain.substrate.fake.RecordedTraffic;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.Variant;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.storage.StorageKey;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chain behind the fake Substrate node, scripted for transactions: runtime version, genesis,
 * finalized head, nonces, storage values, and {@code author_submitAndWatchExtrinsic} answered with
 * a list of statuses; the block it names holds the submitted extrinsic (at index 1) and {@code
 * System.Events} say it succeeded or failed with a named module error, encoded as the metadata's
 * own types.
 */
public final class ScriptedChain implements AutoCloseable {
  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  public static final String GENESIS = "0x" + "11".repeat(32);
  public static final String HEAD = "0x" + "33".repeat(32);
  public static final long HEAD_NUMBER = 1000;
  public static final String BLOCK = "0x" + "44".repeat(32);
  public static final long BLOCK_NUMBER = 1001;

  public final RuntimeMetadata metadata;
  public final FakeSubstrateNode node;
  public final List<String> submitted = new CopyOnWriteArrayList<>();
  final Map<String, String> storage = new ConcurrentHashMap<>();
  public volatile long specVersion = 343;
  public volatile long nonce = 7;
  public volatile List<JsonNode> statuses =
      List.of(text("ready"), hashStatus("inBlock", BLOCK), hashStatus("finalized", BLOCK));
  public volatile Optional<String> failure = Optional.empty();
  public volatile boolean disconnectAfterFirstStatus;

  public ScriptedChain(RuntimeMetadata metadata) {
    this.metadata = metadata;
    this.node = FakeSubstrateNode.serve(RecordedTraffic.of("get_current_block"));
    node.onCall("state_getRuntimeVersion", p -> result(runtimeVersion()));
    node.onCall(
        "chain_getBlockHash",
        p -> result(text(p.get(0).asLong() == 0 ? GENESIS : "0x" + "55".repeat(32))));
    node.onCall("chain_getFinalizedHead", p -> result(text(HEAD)));
    node.onCall("chain_getHead", p -> result(text(HEAD)));
    node.onCall("chain_getHeader", p -> result(header(HEAD_NUMBER)));
    node.onCall("system_accountNextIndex", p -> result(JSON.numberNode(nonce)));
    node.onCall("chain_getBlock", p -> result(block()));
    node.onCall("state_getStorage", this::storage);
    // Subtensor's defaults are commit-reveal on (v4); this subnet has it off unless a test says.
    setStorage("CommitRevealWeightsEnabled", new Value.Bool(false), Value.of(1));
    node.onSubscribe(
        "author_submitAndWatchExtrinsic",
        (params, sink) -> {
          submitted.add(params.get(0).asText());
          for (JsonNode status : statuses) {
            sink.send(status);
            if (disconnectAfterFirstStatus) {
              sink.disconnect();
              return;
            }
          }
        });
  }

  /** The pool refuses every submission with this JSON-RPC error. */
  public void refuse(int code, String message, String data) {
    ObjectNode error =
        JSON.objectNode().put("code", code).put("message", message).put("data", data);
    node.onCall("author_submitAndWatchExtrinsic", p -> JSON.objectNode().set("error", error));
  }

  /** The pool refuses the next submission only with this JSON-RPC error. */
  public void refuseOnce(int code, String message, String data) {
    ObjectNode error =
        JSON.objectNode().put("code", code).put("message", message).put("data", data);
    var once = new java.util.concurrent.atomic.AtomicBoolean(true);
    node.onCall(
        "author_submitAndWatchExtrinsic",
        p -> {
          if (once.getAndSet(false)) {
            return JSON.objectNode().set("error", error);
          }
          // Then as a watch: the node's scripted statuses, sent on the subscription.
          return null;
        });
  }

  /** The extrinsic fails at dispatch with this SubtensorModule error. */
  public void failWith(String error) {
    failure = Optional.of(error);
  }

  public void setStorage(String entry, Value value, Value... keys) {
    var e = metadata.storageEntry("SubtensorModule", entry).orElseThrow();
    StorageKey key = StorageKey.of(metadata, "SubtensorModule", entry, keys);
    storage.put(
        key.bytes().toPrefixedHex(),
        new ValueEncoder(metadata.types()).encode(e.valueType(), value).toPrefixedHex());
  }

  private JsonNode storage(JsonNode params) {
    String key = params.get(0).asText();
    if (key.equals(StorageKey.of(metadata, "System", "Events").bytes().toPrefixedHex())) {
      return result(text(events().toPrefixedHex()));
    }
    String v = storage.get(key);
    return result(v == null ? JSON.nullNode() : text(v));
  }

  private JsonNode runtimeVersion() {
    return JSON.objectNode()
        .put("specName", "node-subtensor")
        .put("specVersion", specVersion)
        .put("transactionVersion", 1);
  }

  private JsonNode block() {
    ObjectNode block = JSON.objectNode();
    ObjectNode inner = block.putObject("block");
    inner.set("header", header(BLOCK_NUMBER));
    var extrinsics = inner.putArray("extrinsics");
    extrinsics.add("0x280402000b00000000000000"); // a stand-in for the block's timestamp inherent
    if (!submitted.isEmpty()) {
      extrinsics.add(submitted.get(submitted.size() - 1));
    }
    block.putNull("justifications");
    return block;
  }

  private static ObjectNode header(long number) {
    return JSON.objectNode()
        .put("parentHash", "0x" + "00".repeat(32))
        .put("number", "0x" + Long.toHexString(number));
  }

  /** Extrinsic 0 succeeds; extrinsic 1 (the submitted one) succeeds or fails as scripted. */
  private Bytes events() {
    int type = metadata.storageEntry("System", "Events").orElseThrow().valueType();
    List<Value> records = new ArrayList<>();
    records.add(record(0, systemEvent("ExtrinsicSuccess", dispatchInfo())));
    records.add(
        record(
            1,
            failure
                .map(e -> systemEvent("ExtrinsicFailed", moduleError(e), dispatchInfo()))
                .orElseGet(() -> systemEvent("ExtrinsicSuccess", dispatchInfo()))));
    return new ValueEncoder(metadata.types()).encode(type, new Value.Sequence(records));
  }

  private Value moduleError(String name) {
    Variant error =
        metadata.errors("SubtensorModule").stream()
            .filter(v -> v.name().equals(name))
            .findFirst()
            .orElseThrow();
    int pallet = metadata.pallet("SubtensorModule").orElseThrow().index();
    Value module =
        new Value.Composite(
            List.of(
                named("index", Value.of(pallet)),
                named("error", Value.bytes(new byte[] {(byte) error.index(), 0, 0, 0}))));
    return new Value.Variant("Module", 3, List.of(unnamed(module)));
  }

  private static Value dispatchInfo() {
    Value weight =
        new Value.Composite(
            List.of(named("ref_time", Value.of(1000)), named("proof_size", Value.of(0))));
    return new Value.Composite(
        List.of(
            named("weight", weight),
            named("class", new Value.Variant("Normal", 0, List.of())),
            named("pays_fee", new Value.Variant("Yes", 0, List.of()))));
  }

  private static Value systemEvent(String name, Value... fields) {
    List<Value.NamedValue> f = new ArrayList<>();
    for (Value v : fields) {
      f.add(unnamed(v));
    }
    return new Value.Variant("System", 0, List.of(unnamed(new Value.Variant(name, 0, f))));
  }

  private static Value record(int index, Value event) {
    return new Value.Composite(
        List.of(
            named(
                "phase", new Value.Variant("ApplyExtrinsic", 0, List.of(unnamed(Value.of(index))))),
            named("event", event),
            named("topics", new Value.Sequence(List.of()))));
  }

  private static Value.NamedValue named(String name, Value v) {
    return new Value.NamedValue(Optional.of(name), v);
  }

  private static Value.NamedValue unnamed(Value v) {
    return new Value.NamedValue(Optional.empty(), v);
  }

  public static JsonNode text(String s) {
    return JSON.textNode(s);
  }

  public static JsonNode hashStatus(String key, String hash) {
    return JSON.objectNode().put(key, hash);
  }

  private static JsonNode result(JsonNode r) {
    return JSON.objectNode().set("result", r);
  }

  @Override
  public void close() {
    node.close();
  }
}
