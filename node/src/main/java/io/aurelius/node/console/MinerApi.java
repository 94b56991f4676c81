package io.aurelius.node.console;

import static io.aurelius.node.console.ConsoleJson.F;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Role;
import io.aurelius.core.ops.ApiQuery;
import io.aurelius.core.ops.ApiRoute;
import io.aurelius.miner.service.MinerService;
import io.aurelius.miner.service.MinerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A miner's side: its library as served (and what it refuses, with the reason), which configuration
 * each validator took for which epoch, and the weights the validators set on it with what the chain
 * paid it (its Yuma outputs).
 */
final class MinerApi {
  static final String LIBRARY = "/api/v1/miner/library";
  static final String HANDOUTS = "/api/v1/miner/handouts";
  static final String RECEIVED = "/api/v1/miner/received";

  private final Supplier<MinerService> service;
  private final Optional<Chain> chain;

  MinerApi(Supplier<MinerService> service, Optional<Chain> chain) {
    this.service = requireNonNull(service, "service");
    this.chain = requireNonNull(chain, "chain");
  }

  List<ApiRoute> routes() {
    List<ApiRoute> routes = new ArrayList<>();
    routes.add(new ApiRoute(LIBRARY, q -> library()));
    routes.add(new ApiRoute(HANDOUTS, this::handouts));
    chain.ifPresent(c -> routes.add(new ApiRoute(RECEIVED, q -> received(c))));
    return routes;
  }

  private MinerService running() {
    MinerService s = service.get();
    if (s == null) {
      throw new IllegalStateException("the miner has not started");
    }
    return s;
  }

  private JsonNode library() {
    MinerView.Library lib =
        running()
            .library()
            .orElseThrow(() -> new IllegalStateException("the miner has not started"));
    ObjectNode o = F.objectNode();
    lib.tip().ifPresent(t -> o.put("tip", t));
    ArrayNode served = o.putArray("served");
    for (MinerView.Served s : lib.served()) {
      served.addObject().put("id", s.id()).put("name", s.name()).put("bytes", s.bytes());
    }
    ArrayNode refused = o.putArray("refused");
    for (Map.Entry<String, String> r : lib.refused().entrySet()) {
      refused.addObject().put("id", r.getKey()).put("reason", r.getValue());
    }
    return o;
  }

  private JsonNode handouts(ApiQuery query) {
    int limit = (int) query.number("limit", 50, 1, 256);
    ObjectNode o = F.objectNode();
    ArrayNode rows = o.putArray("handouts");
    for (MinerView.Handout h : running().handouts()) {
      if (rows.size() >= limit) {
        break;
      }
      rows.addObject()
          .put("epoch", h.epoch())
          .put("validator", h.validator())
          .put("config_id", h.configId())
          .put("at_ms", h.atMillis());
    }
    return o;
  }

  private JsonNode received(Chain chain) {
    String self = running().hotkey().address();
    Metagraph graph = chain.metagraph(true);
    ObjectNode o = F.objectNode();
    o.put("block", graph.block());
    NeuronInfo me =
        graph.neurons().stream()
            .filter(n -> n.hotkey().address().equals(self))
            .findFirst()
            .orElse(null);
    o.put("registered", me != null);
    if (me == null) {
      o.putArray("weights");
      return o;
    }
    o.set("neuron", ConsoleJson.neuron(me));
    ArrayNode weights = o.putArray("weights");
    for (NeuronInfo v : graph.neurons()) {
      if (v.role() != Role.VALIDATOR) {
        continue;
      }
      long total = v.weights().stream().mapToLong(NeuronInfo.UidWeight::value).sum();
      int mine =
          v.weights().stream()
              .filter(w -> w.uid() == me.uid())
              .mapToInt(NeuronInfo.UidWeight::value)
              .findFirst()
              .orElse(0);
      weights
          .addObject()
          .put("validator_uid", v.uid())
          .put("validator", v.hotkey().address())
          .put("stake", v.stake())
          .put("weight", mine)
          .put("share", total == 0 ? 0 : (double) mine / total)
          .put("last_update", v.lastUpdate());
    }
    return o;
  }
}
