package io.aurelius.node.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.NeuronInfo;
import java.util.Collection;

/** Small builders shared by the API routes. */
final class ConsoleJson {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConsoleJson() {}

  static ArrayNode strings(Collection<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  static ArrayNode numbers(Collection<? extends Number> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(v -> a.add(v.longValue()));
    return a;
  }

  /** One metagraph row: identity, stake, the Yuma outputs of the last epoch, permit and axon. */
  static ObjectNode neuron(NeuronInfo n) {
    ObjectNode o = F.objectNode();
    o.put("uid", n.uid());
    o.put("hotkey", n.hotkey().address());
    o.put("coldkey", n.coldkey().address());
    o.put("role", n.role().wireName());
    o.put("stake", n.stake());
    o.put("trust", n.validatorTrust());
    o.put("consensus", n.consensus());
    o.put("incentive", n.incentive());
    o.put("dividends", n.dividends());
    o.put("emission", n.emission());
    o.put("permit", n.validatorPermit());
    o.put("active", n.active());
    o.put("axon", n.endpoint().serving() ? n.endpoint().host() + ":" + n.endpoint().port() : "");
    o.put("last_update", n.lastUpdate());
    return o;
  }
}
