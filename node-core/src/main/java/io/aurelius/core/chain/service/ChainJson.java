package io.aurelius.core.chain.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.extrinsic.ReceiptCodec;
import io.aurelius.core.chain.store.StoredBlock;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON bodies of the chain RPCs (snake_case keys), both ways: servers write responses and read
 * requests; clients do the opposite. Reading is strict and fails with a 400 {@link
 * ChainRequestException} naming the field.
 */
public final class ChainJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final long MAX = (1L << 53) - 1;

  private ChainJson() {}

  public static ObjectNode info(ChainInfo i) {
    ObjectNode o = F.objectNode();
    o.put("chain_id", i.chainId());
    o.put("netuid", i.netuid());
    o.put("tempo", i.tempo());
    o.put("block_interval_ms", i.blockIntervalMillis());
    o.put("head", i.head());
    ObjectNode w = o.putObject("weight_setting");
    if (i.weightSetting() instanceof WeightSetting.CommitReveal cr) {
      w.put("mode", "commit_reveal");
      w.put("reveal_period_epochs", cr.revealPeriodEpochs());
      w.put("rate_limit_blocks", cr.rateLimitBlocks());
    } else if (i.weightSetting() instanceof WeightSetting.Direct d) {
      w.put("mode", "direct");
      w.put("rate_limit_blocks", d.rateLimitBlocks());
    }
    o.put("authority", i.authority().address());
    return o;
  }

  public static ChainInfo info(JsonNode node) {
    StrictReader r = new StrictReader("info");
    Set<String> keys =
        Set.of(
            "chain_id",
            "netuid",
            "tempo",
            "block_interval_ms",
            "head",
            "weight_setting",
            "authority");
    r.object(node, "", keys, keys);
    JsonNode w =
        r.object(
            node.get("weight_setting"),
            "weight_setting",
            Set.of("mode", "reveal_period_epochs", "rate_limit_blocks"),
            Set.of("mode", "rate_limit_blocks"));
    String mode = r.text(w, "mode", 20);
    long rate = r.integer(w, "rate_limit_blocks", 0, MAX);
    WeightSetting setting =
        switch (mode) {
          case "direct" -> new WeightSetting.Direct(rate);
          case "commit_reveal" ->
              new WeightSetting.CommitReveal(r.integer(w, "reveal_period_epochs", 1, MAX), rate);
          default ->
              throw r.fail(
                  "weight_setting.mode",
                  "'" + StrictReader.shorten(mode) + "'",
                  "direct or commit_reveal");
        };
    return new ChainInfo(
        r.text(node, "chain_id", 128),
        (int) r.integer(node, "netuid", 0, 65535),
        (int) r.integer(node, "tempo", 0, 65535),
        r.integer(node, "block_interval_ms", 0, MAX),
        r.integer(node, "head", 0, MAX),
        setting,
        r.keyId(node, "authority"));
  }

  public static ObjectNode metagraph(Metagraph m) {
    ObjectNode o = F.objectNode();
    o.put("netuid", m.netuid());
    o.put("block", m.block());
    ArrayNode neurons = o.putArray("neurons");
    for (NeuronInfo n : m.neurons()) {
      ObjectNode x = neurons.addObject();
      x.put("uid", n.uid());
      x.put("hotkey", n.hotkey().address());
      x.put("hotkey_scheme", n.hotkeyScheme().wireName());
      x.put("coldkey", n.coldkey().address());
      x.put("role", n.role().wireName());
      x.set("endpoint", ExtrinsicCodec.endpointToTree(n.endpoint()));
      x.put("stake", n.stake());
      x.put("active", n.active());
      x.put("validator_permit", n.validatorPermit());
      x.put("consensus", n.consensus());
      x.put("validator_trust", n.validatorTrust());
      x.put("incentive", n.incentive());
      x.put("dividends", n.dividends());
      x.put("emission", n.emission());
      x.put("last_update", n.lastUpdate());
      x.put("registered_at", n.registeredAt());
      x.put("immune", n.immune());
      ArrayNode w = x.putArray("weights");
      for (NeuronInfo.UidWeight uw : n.weights()) {
        w.addArray().add(uw.uid()).add(uw.value());
      }
    }
    return o;
  }

  public static Metagraph metagraph(JsonNode node) {
    StrictReader r = new StrictReader("metagraph");
    r.object(node, "", Set.of("netuid", "block", "neurons"), Set.of("netuid", "block", "neurons"));
    JsonNode list = node.get("neurons");
    if (!list.isArray() || list.size() > 65536) {
      throw r.fail("neurons", StrictReader.kind(list), "an array of at most 65536");
    }
    Set<String> keys =
        Set.of(
            "uid",
            "hotkey",
            "hotkey_scheme",
            "coldkey",
            "role",
            "endpoint",
            "stake",
            "active",
            "validator_permit",
            "consensus",
            "validator_trust",
            "incentive",
            "dividends",
            "emission",
            "last_update",
            "registered_at",
            "immune",
            "weights");
    List<NeuronInfo> neurons = new ArrayList<>();
    for (JsonNode x : list) {
      StrictReader nr = new StrictReader("metagraph neuron " + neurons.size());
      nr.object(x, "", keys, keys);
      JsonNode e =
          nr.object(x.get("endpoint"), "endpoint", Set.of("host", "port"), Set.of("host", "port"));
      List<NeuronInfo.UidWeight> weights = new ArrayList<>();
      for (JsonNode pair : x.get("weights")) {
        if (!pair.isArray()
            || pair.size() != 2
            || !pair.get(0).canConvertToInt()
            || !pair.get(1).canConvertToInt()) {
          throw nr.fail("weights", StrictReader.shorten(pair.toString()), "[uid, value] pairs");
        }
        weights.add(new NeuronInfo.UidWeight(pair.get(0).intValue(), pair.get(1).intValue()));
      }
      try {
        neurons.add(
            new NeuronInfo(
                (int) nr.integer(x, "uid", 0, 65535),
                nr.keyId(x, "hotkey"),
                KeyScheme.fromWireName(nr.text(x, "hotkey_scheme", 16)),
                nr.keyId(x, "coldkey"),
                Role.parse(nr.text(x, "role", 16)),
                new Endpoint(
                    nr.text(e, "host", Endpoint.MAX_HOST_LENGTH),
                    (int) nr.integer(e, "port", 0, 65535)),
                nr.integer(x, "stake", 0, MAX),
                nr.bool(x, "active", false),
                nr.bool(x, "validator_permit", false),
                nr.number(x, "consensus"),
                nr.number(x, "validator_trust"),
                nr.number(x, "incentive"),
                nr.number(x, "dividends"),
                nr.integer(x, "emission", 0, MAX),
                nr.integer(x, "last_update", 0, MAX),
                nr.integer(x, "registered_at", 0, MAX),
                nr.bool(x, "immune", false),
                weights));
      } catch (IllegalArgumentException ex) {
        throw new ChainRequestException(
            400, "metagraph neuron " + neurons.size() + ": " + ex.getMessage());
      }
    }
    return new Metagraph(
        (int) r.integer(node, "netuid", 0, 65535), r.integer(node, "block", 0, MAX), neurons);
  }

  public static ObjectNode account(AccountInfo a) {
    ObjectNode o = F.objectNode();
    o.put("account", a.account().address());
    o.put("balance", a.balance());
    o.put("nonce", a.nonce());
    ArrayNode stakes = o.putArray("stakes");
    for (AccountInfo.HotkeyStake s : a.stakes()) {
      stakes.addObject().put("hotkey", s.hotkey().address()).put("stake", s.stake());
    }
    return o;
  }

  public static AccountInfo account(JsonNode node) {
    StrictReader r = new StrictReader("account");
    Set<String> keys = Set.of("account", "balance", "nonce", "stakes");
    r.object(node, "", keys, keys);
    List<AccountInfo.HotkeyStake> stakes = new ArrayList<>();
    for (JsonNode s : node.get("stakes")) {
      r.object(
          s, "stakes[" + stakes.size() + "]", Set.of("hotkey", "stake"), Set.of("hotkey", "stake"));
      stakes.add(new AccountInfo.HotkeyStake(r.keyId(s, "hotkey"), r.integer(s, "stake", 0, MAX)));
    }
    return new AccountInfo(
        r.keyId(node, "account"),
        r.integer(node, "balance", 0, MAX),
        r.integer(node, "nonce", 0, MAX),
        stakes);
  }

  public static ObjectNode receipt(Receipt receipt) {
    return ReceiptCodec.toTree(receipt);
  }

  public static Receipt receipt(JsonNode node) {
    try {
      return ReceiptCodec.fromTree(node, "receipt");
    } catch (IllegalArgumentException e) {
      throw new ChainRequestException(400, e.getMessage());
    }
  }

  public static ObjectNode block(StoredBlock b) {
    ObjectNode o = F.objectNode();
    o.put("number", b.number());
    o.put("commit", b.commit());
    try {
      o.set(
          "block",
          Json.parse(b.bytes(), "block " + b.number(), new JsonLimits(32 << 20, 16, 64 * 1024)));
    } catch (JsonInputException e) {
      throw new IllegalStateException("stored " + e.getMessage(), e);
    }
    return o;
  }
}
