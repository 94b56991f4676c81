package io.aurelius.core.chain.substrate.runtime;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.substrate.metadata.MetadataDecoder;
import io.aurelius.core.chain.substrate.metadata.RuntimeApi;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.StorageEntry;
import io.aurelius.core.chain.substrate.rpc.RpcErrorResponse;
import io.aurelius.core.chain.substrate.rpc.SubstrateRpc;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleDecodeException;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.chain.substrate.storage.StorageKey;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueDecoder;
import io.aurelius.core.chain.substrate.value.ValueEncoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads a Substrate runtime over {@link SubstrateRpc}. Metadata is cached per spec version; the
 * version of a block is asked at its parent, as the Bittensor SDK does, so a block whose runtime
 * differs from the cached one fetches the new metadata before anything is decoded with it.
 */
public final class SubstrateRuntime {
  private static final String V15_ARGUMENT = "0x0f000000"; // u32 15, little-endian
  private final SubstrateRpc rpc;
  private final Duration timeout;
  private final Consumer<String> progress;
  private final Map<Integer, RuntimeMetadata> metadataBySpec = new ConcurrentHashMap<>();
  private volatile Integer lastSpec;
  private volatile Map.Entry<String, RuntimeVersion> lastVersion;

  public SubstrateRuntime(SubstrateRpc rpc, Duration timeout, Consumer<String> progress) {
    this.rpc = requireNonNull(rpc, "rpc");
    this.timeout = requireNonNull(timeout, "timeout");
    this.progress = requireNonNull(progress, "progress");
  }

  public SubstrateRpc rpc() {
    return rpc;
  }

  /** The node's best block ({@code chain_getHead}, as the SDK's current block). */
  public BlockRef head() {
    return header(text("chain_getHead", List.of(), "a block hash"));
  }

  /** The block of that number on the node's canonical chain. */
  public BlockRef block(long number) {
    JsonNode hash = rpc.call("chain_getBlockHash", List.of(number), timeout);
    if (hash.isNull()) {
      throw new ChainUnavailableException(
          "chain_getBlockHash " + number + ": the node has no such block");
    }
    return header(expectHex("chain_getBlockHash", hash, "a block hash"));
  }

  /** The hash of block 0, which names the chain. */
  public String genesisHash() {
    return expectHex(
        "chain_getBlockHash", rpc.call("chain_getBlockHash", List.of(0), timeout), "a block hash");
  }

  public BlockRef header(String hash) {
    JsonNode h = rpc.call("chain_getHeader", List.of(hash), timeout);
    if (!h.isObject() || !h.path("number").isTextual() || !h.path("parentHash").isTextual()) {
      throw new ChainUnavailableException(
          "chain_getHeader "
              + hash
              + ": "
              + preview(h)
              + " (expected: a header with number and parentHash)");
    }
    String number = h.get("number").asText();
    try {
      return new BlockRef(
          hash,
          Long.parseLong(number.startsWith("0x") ? number.substring(2) : number, 16),
          h.get("parentHash").asText());
    } catch (NumberFormatException e) {
      throw new ChainUnavailableException(
          "chain_getHeader " + hash + ": number '" + number + "' (expected: hex)");
    }
  }

  /** The runtime that produced {@code block}'s state (asked at its parent). */
  public RuntimeVersion version(BlockRef block) {
    Map.Entry<String, RuntimeVersion> known = lastVersion;
    if (known != null && known.getKey().equals(block.parentHash())) {
      return known.getValue(); // the runtime of a given block never changes
    }
    JsonNode v = rpc.call("state_getRuntimeVersion", List.of(block.parentHash()), timeout);
    if (!v.path("specVersion").canConvertToInt() || !v.path("specName").isTextual()) {
      throw new ChainUnavailableException(
          "state_getRuntimeVersion at "
              + block
              + ": "
              + preview(v)
              + " (expected: an object with specName and specVersion)");
    }
    RuntimeVersion version =
        new RuntimeVersion(
            v.get("specName").asText(),
            v.get("specVersion").asInt(),
            v.path("transactionVersion").asInt());
    lastVersion = Map.entry(block.parentHash(), version);
    return version;
  }

  /** The metadata of {@code block}'s runtime: cached, or fetched for a spec not seen before. */
  public RuntimeMetadata metadata(BlockRef block) {
    RuntimeVersion version = version(block);
    RuntimeMetadata cached = metadataBySpec.get(version.specVersion());
    if (cached != null) {
      return cached;
    }
    Integer previous = lastSpec;
    if (previous != null && previous != version.specVersion()) {
      progress.accept(
          "runtime upgraded from spec "
              + previous
              + " to "
              + version.specVersion()
              + " at "
              + block);
    }
    progress.accept("fetching runtime metadata of " + version + " at " + block);
    RuntimeMetadata md = fetchMetadata(block);
    progress.accept(
        "metadata V"
            + md.version()
            + ": "
            + md.pallets().size()
            + " pallets, "
            + md.types().size()
            + " types");
    metadataBySpec.put(version.specVersion(), md);
    lastSpec = version.specVersion();
    return md;
  }

  private RuntimeMetadata fetchMetadata(BlockRef block) {
    try {
      Optional<RuntimeMetadata> v15 =
          MetadataDecoder.decodeOpaque(
              hexBytes(
                  "state_call Metadata_metadata_at_version",
                  rpc.call(
                      "state_call",
                      List.of("Metadata_metadata_at_version", V15_ARGUMENT, block.hash()),
                      timeout)));
      if (v15.isPresent()) {
        return v15.get();
      }
    } catch (RpcErrorResponse e) {
      progress.accept("the runtime has no metadata V15 (" + e.getMessage() + "); reading V14");
    } catch (ScaleDecodeException e) {
      throw new ChainUnavailableException("metadata V15 at " + block + ": " + e.getMessage(), e);
    }
    try {
      return MetadataDecoder.decode(
          hexBytes(
              "state_getMetadata", rpc.call("state_getMetadata", List.of(block.hash()), timeout)));
    } catch (ScaleDecodeException e) {
      throw new ChainUnavailableException("metadata at " + block + ": " + e.getMessage(), e);
    }
  }

  /**
   * A storage value at {@code block}: empty when absent and the entry has no default; the default
   * when absent and it has one.
   */
  public Optional<Value> storage(BlockRef block, String pallet, String entry, Value... keys) {
    RuntimeMetadata md = metadata(block);
    StorageEntry e =
        md.storageEntry(pallet, entry)
            .orElseThrow(
                () ->
                    new ChainUnavailableException(
                        "storage " + pallet + "." + entry + ": not in the runtime's metadata"));
    String key = StorageKey.of(md, pallet, entry, keys).toPrefixedHex();
    JsonNode raw = rpc.call("state_getStorageAt", List.of(key, block.hash()), timeout);
    Bytes bytes;
    if (raw.isNull()) {
      if (e.modifier() == StorageEntry.Modifier.OPTIONAL) {
        return Optional.empty();
      }
      bytes = e.defaultValue();
    } else {
      bytes = hexBytes("state_getStorageAt " + pallet + "." + entry, raw);
    }
    return Optional.of(
        decode("storage " + pallet + "." + entry + " at " + block, md, e.valueType(), bytes));
  }

  /** A runtime-API call at {@code block}, arguments and result typed by the metadata V15. */
  public Value call(BlockRef block, String api, String method, Value... args) {
    RuntimeMetadata md = metadata(block);
    RuntimeApi.Method m = runtimeApiMethod(md, api, method);
    if (m.inputs().size() != args.length) {
      throw new IllegalArgumentException(
          api
              + "_"
              + method
              + ": "
              + args.length
              + " arguments (expected: "
              + m.inputs().size()
              + ")");
    }
    ScaleWriter w = new ScaleWriter();
    ValueEncoder encoder = new ValueEncoder(md.types());
    for (int i = 0; i < args.length; i++) {
      encoder.encode(m.inputs().get(i).type(), args[i], w);
    }
    String name = api + "_" + method;
    JsonNode raw =
        rpc.call("state_call", List.of(name, w.toBytes().toPrefixedHex(), block.hash()), timeout);
    return decode(
        "state_call " + name + " at " + block, md, m.output(), hexBytes("state_call " + name, raw));
  }

  /** The runtime-API method, or a one-line error naming it. */
  public static RuntimeApi.Method runtimeApiMethod(RuntimeMetadata md, String api, String method) {
    return md.runtimeApiMethod(api, method)
        .orElseThrow(
            () ->
                new ChainUnavailableException(
                    "runtime API "
                        + api
                        + "_"
                        + method
                        + ": not in the runtime's metadata V"
                        + md.version()
                        + (md.version() < 15 ? " (runtime-API types need V15)" : "")));
  }

  private static Value decode(String what, RuntimeMetadata md, int type, Bytes bytes) {
    try {
      return new ValueDecoder(md.types()).decode(type, bytes);
    } catch (ScaleDecodeException e) {
      throw new ChainUnavailableException(what + ": " + e.getMessage(), e);
    }
  }

  private String text(String method, List<?> params, String expected) {
    return expectHex(method, rpc.call(method, params, timeout), expected);
  }

  private static String expectHex(String method, JsonNode n, String expected) {
    if (!n.isTextual() || !n.asText().startsWith("0x")) {
      throw new ChainUnavailableException(
          method + ": " + preview(n) + " (expected: " + expected + ", 0x-prefixed hex)");
    }
    return n.asText();
  }

  private static Bytes hexBytes(String what, JsonNode n) {
    String hex = expectHex(what, n, "SCALE bytes");
    try {
      return Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new ChainUnavailableException(what + ": " + e.getMessage());
    }
  }

  private static String preview(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
