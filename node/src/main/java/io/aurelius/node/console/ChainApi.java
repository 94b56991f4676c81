package io.aurelius.node.console;

import static io.aurelius.node.console.ConsoleJson.F;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.store.Block;
import io.aurelius.core.chain.store.BlockCodec;
import io.aurelius.core.chain.store.StoredBlock;
import io.aurelius.core.ops.ApiQuery;
import io.aurelius.core.ops.ApiRoute;

/**
 * The chain as any node sees it ({@code /api/v1/chain/metagraph}: every UID with stake and the Yuma
 * outputs of the last epoch) and, on the dev chain itself, its blocks with their extrinsics ({@code
 * /api/v1/chain/blocks}).
 */
final class ChainApi {
  static final String METAGRAPH = "/api/v1/chain/metagraph";
  static final String BLOCKS = "/api/v1/chain/blocks";
  static final int MAX_BLOCKS = 100;

  /** With {@code extrinsics=only}, at most this many blocks are read to find non-empty ones. */
  static final int MAX_SCANNED = 1024;

  private ChainApi() {}

  /** Where blocks are read: the dev chain's own store. */
  interface BlockSource {
    long currentBlock();

    StoredBlock block(long number);

    static BlockSource of(DevChain chain) {
      requireNonNull(chain, "chain");
      return new BlockSource() {
        @Override
        public long currentBlock() {
          return chain.currentBlock();
        }

        @Override
        public StoredBlock block(long number) {
          return chain.block(number);
        }
      };
    }
  }

  static ApiRoute metagraph(Chain chain) {
    requireNonNull(chain, "chain");
    return new ApiRoute(METAGRAPH, query -> metagraphJson(chain));
  }

  static ApiRoute blocks(BlockSource chain) {
    requireNonNull(chain, "chain");
    return new ApiRoute(BLOCKS, query -> blocksJson(chain, query));
  }

  static JsonNode metagraphJson(Chain chain) {
    ChainInfo info = chain.info();
    Metagraph graph = chain.metagraph(true);
    ObjectNode o = F.objectNode();
    o.put("netuid", graph.netuid());
    o.put("block", graph.block());
    o.put("tempo", info.tempo());
    o.put("chain_id", info.chainId());
    ArrayNode neurons = o.putArray("neurons");
    for (NeuronInfo n : graph.neurons()) {
      ObjectNode row = ConsoleJson.neuron(n);
      ArrayNode weights = row.putArray("weights");
      for (NeuronInfo.UidWeight w : n.weights()) {
        weights.addObject().put("uid", w.uid()).put("value", w.value());
      }
      neurons.add(row);
    }
    return o;
  }

  private static JsonNode blocksJson(BlockSource chain, ApiQuery query) {
    int limit = (int) query.number("limit", 20, 1, MAX_BLOCKS);
    boolean onlyWithExtrinsics =
        switch (query.text("extrinsics").orElse("any")) {
          case "any" -> false;
          case "only" -> true;
          default ->
              throw new ApiQuery.BadQueryException(
                  "query parameter extrinsics: '"
                      + query.text("extrinsics").get()
                      + "' (expected: any or only)");
        };
    long head = chain.currentBlock();
    long before = query.number("before", head + 1, 1, head + 1);
    ObjectNode o = F.objectNode();
    o.put("head", head);
    ArrayNode blocks = o.putArray("blocks");
    long n = before - 1;
    for (int read = 0; n >= 0 && blocks.size() < limit && read < MAX_SCANNED; n--, read++) {
      StoredBlock stored = chain.block(n);
      Block b = BlockCodec.fromBytes(stored.bytes(), stored.label()).block();
      if (onlyWithExtrinsics && b.extrinsics().isEmpty()) {
        continue;
      }
      ObjectNode row = blocks.addObject();
      row.put("number", b.number());
      row.put("hash", b.hash());
      row.put("parent", b.parent());
      row.put("timestamp_ms", b.timestampMillis());
      row.put("state_root", b.stateRoot());
      ArrayNode xs = row.putArray("extrinsics");
      for (Extrinsic x : b.extrinsics()) {
        ObjectNode tree = ExtrinsicCodec.toTree(x);
        tree.remove("signature");
        xs.add(tree);
      }
    }
    o.put("next_before", n + 1);
    return o;
  }
}
