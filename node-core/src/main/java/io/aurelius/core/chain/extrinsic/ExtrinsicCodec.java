package io.aurelius.core.chain.extrinsic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of extrinsics, both ways. Reading is strict: every field required, no unknown
 * fields, integers exact and in range, arrays bounded; a failure is a {@link
 * MalformedExtrinsicException} naming the field.
 *
 * <pre>{"signer": "5F…", "nonce": 3, "signature": "…128 hex…",
 *  "call": {"type": "set_weights", "netuid": 37, "uids": [1, 2], "values": [100, 65535],
 *           "version_key": 0}}</pre>
 */
public final class ExtrinsicCodec {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ExtrinsicCodec() {}

  public static ObjectNode toTree(Extrinsic x) {
    requireNonNull(x, "x");
    ObjectNode o = F.objectNode();
    o.put("signer", x.signer().address());
    if (x.scheme() != KeyScheme.ED25519) {
      o.put("scheme", x.scheme().wireName());
    }
    o.put("nonce", x.nonce());
    o.set("call", callToTree(x.call()));
    o.put("signature", x.signature());
    return o;
  }

  public static ObjectNode callToTree(Call call) {
    ObjectNode o = F.objectNode();
    o.put("type", call.type());
    if (call instanceof Register r) {
      o.put("netuid", r.netuid());
      o.put("hotkey", r.hotkey().address());
      if (r.hotkeyScheme() != KeyScheme.ED25519) {
        o.put("hotkey_scheme", r.hotkeyScheme().wireName());
      }
      o.put("role", r.role().wireName());
      o.set("endpoint", endpointToTree(r.endpoint()));
      o.put("hotkey_proof", r.hotkeyProof());
    } else if (call instanceof ServeEndpoint s) {
      o.put("netuid", s.netuid());
      o.set("endpoint", endpointToTree(s.endpoint()));
    } else if (call instanceof SetWeights s) {
      o.put("netuid", s.netuid());
      o.set("uids", ints(s.weights().uids()));
      o.set("values", ints(s.weights().values()));
      o.put("version_key", s.versionKey());
    } else if (call instanceof CommitWeights c) {
      o.put("netuid", c.netuid());
      o.put("commit_hash", c.commitHash());
    } else if (call instanceof RevealWeights r) {
      o.put("netuid", r.netuid());
      o.set("uids", ints(r.weights().uids()));
      o.set("values", ints(r.weights().values()));
      o.set("salt", ints(r.salt().values()));
      o.put("version_key", r.versionKey());
    } else if (call instanceof AddStake a) {
      o.put("hotkey", a.hotkey().address());
      o.put("amount", a.amount());
    } else if (call instanceof RemoveStake r) {
      o.put("hotkey", r.hotkey().address());
      o.put("amount", r.amount());
    } else if (call instanceof Transfer t) {
      o.put("to", t.to().address());
      o.put("amount", t.amount());
    } else {
      throw new IllegalStateException("unknown call " + call.type());
    }
    return o;
  }

  public static ObjectNode endpointToTree(Endpoint e) {
    ObjectNode o = F.objectNode();
    o.put("host", e.host());
    o.put("port", e.port());
    return o;
  }

  /** Reads an extrinsic; {@code what} names it in errors (e.g. {@code "block 12 extrinsic 3"}). */
  public static Extrinsic fromTree(JsonNode node, String what) {
    requireNonNull(node, "node");
    Reader r = new Reader(what);
    r.fields(node, "", Set.of("signer", "nonce", "call", "signature"), Set.of("scheme"));
    KeyId signer = r.keyId(node, "signer");
    KeyScheme scheme = r.scheme(node, "scheme");
    long nonce = r.integer(node, "nonce", 0, Call.MAX_AMOUNT);
    Call call = callFromTree(r.object(node, "call"), r);
    String signature = r.text(node, "signature", 128);
    return r.build(() -> new Extrinsic(signer, scheme, nonce, call, signature));
  }

  private static Call callFromTree(JsonNode c, Reader r) {
    String type = r.text(c, "type", 32);
    String at = "call.";
    return switch (type) {
      case "register" -> {
        r.fields(
            c,
            at,
            Set.of("type", "netuid", "hotkey", "role", "endpoint", "hotkey_proof"),
            Set.of("hotkey_scheme"));
        yield r.build(
            () ->
                new Register(
                    r.netuid(c),
                    r.keyId(c, "hotkey"),
                    r.scheme(c, "hotkey_scheme"),
                    r.role(c),
                    r.endpoint(c),
                    r.text(c, "hotkey_proof", 128)));
      }
      case "serve_endpoint" -> {
        r.fields(c, at, Set.of("type", "netuid", "endpoint"));
        yield r.build(() -> new ServeEndpoint(r.netuid(c), r.endpoint(c)));
      }
      case "set_weights" -> {
        r.fields(c, at, Set.of("type", "netuid", "uids", "values", "version_key"));
        yield r.build(
            () ->
                new SetWeights(
                    r.netuid(c),
                    new Weights(
                        r.u16s(c, "uids", Weights.MAX_ENTRIES),
                        r.u16s(c, "values", Weights.MAX_ENTRIES)),
                    r.integer(c, "version_key", 0, Call.MAX_AMOUNT)));
      }
      case "commit_weights" -> {
        r.fields(c, at, Set.of("type", "netuid", "commit_hash"));
        yield r.build(() -> new CommitWeights(r.netuid(c), r.text(c, "commit_hash", 64)));
      }
      case "reveal_weights" -> {
        r.fields(c, at, Set.of("type", "netuid", "uids", "values", "salt", "version_key"));
        yield r.build(
            () ->
                new RevealWeights(
                    r.netuid(c),
                    new Weights(
                        r.u16s(c, "uids", Weights.MAX_ENTRIES),
                        r.u16s(c, "values", Weights.MAX_ENTRIES)),
                    new Salt(r.u16s(c, "salt", Salt.MAX_LENGTH)),
                    r.integer(c, "version_key", 0, Call.MAX_AMOUNT)));
      }
      case "add_stake" -> {
        r.fields(c, at, Set.of("type", "hotkey", "amount"));
        yield r.build(
            () -> new AddStake(r.keyId(c, "hotkey"), r.integer(c, "amount", 1, Call.MAX_AMOUNT)));
      }
      case "remove_stake" -> {
        r.fields(c, at, Set.of("type", "hotkey", "amount"));
        yield r.build(
            () ->
                new RemoveStake(r.keyId(c, "hotkey"), r.integer(c, "amount", 1, Call.MAX_AMOUNT)));
      }
      case "transfer" -> {
        r.fields(c, at, Set.of("type", "to", "amount"));
        yield r.build(
            () -> new Transfer(r.keyId(c, "to"), r.integer(c, "amount", 1, Call.MAX_AMOUNT)));
      }
      default ->
          throw r.fail(
              "call.type",
              "'" + shorten(type) + "'",
              "one of register, serve_endpoint, set_weights, commit_weights, reveal_weights, "
                  + "add_stake, remove_stake, transfer");
    };
  }

  private static ArrayNode ints(List<Integer> values) {
    ArrayNode a = F.arrayNode(values.size());
    values.forEach(a::add);
    return a;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Field readers that fail with "what: field: value (expected: …)". */
  private static final class Reader {
    private final String what;

    Reader(String what) {
      this.what = what;
    }

    MalformedExtrinsicException fail(String field, String found, String expected) {
      return new MalformedExtrinsicException(
          what + ": " + field + ": " + found + " (expected: " + expected + ")");
    }

    <T> T build(java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        throw new MalformedExtrinsicException(what + ": " + e.getMessage(), e);
      }
    }

    void fields(JsonNode node, String at, Set<String> allowed) {
      fields(node, at, allowed, Set.of());
    }

    /** Exactly the {@code required} fields, plus any of the {@code optional} ones. */
    void fields(JsonNode node, String at, Set<String> required, Set<String> optional) {
      Set<String> allowed = new java.util.HashSet<>(required);
      allowed.addAll(optional);
      if (!node.isObject()) {
        throw fail(
            at.isEmpty() ? "extrinsic" : at.substring(0, at.length() - 1),
            node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
            "an object");
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!allowed.contains(name)) {
          throw fail(
              at + shorten(name),
              "unknown field",
              "only " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
      }
      for (String name : new java.util.TreeSet<>(required)) {
        if (!node.has(name)) {
          throw fail(at + name, "missing", "present");
        }
      }
    }

    JsonNode object(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isObject()) {
        throw fail(
            field,
            v == null ? "missing" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
            "an object");
      }
      return v;
    }

    String text(JsonNode node, String field, int maxLength) {
      JsonNode v = node.get(field);
      if (v == null || !v.isTextual()) {
        throw fail(field, v == null ? "missing" : "not a string", "a string");
      }
      String s = v.textValue();
      if (s.length() > maxLength) {
        throw fail(field, s.length() + " chars", "at most " + maxLength);
      }
      return s;
    }

    long integer(JsonNode node, String field, long min, long max) {
      JsonNode v = node.get(field);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
        throw fail(
            field, v == null ? "missing" : shorten(v.toString()), "an integer " + min + ".." + max);
      }
      long value = v.longValue();
      if (value < min || value > max) {
        throw fail(field, Long.toString(value), min + ".." + max);
      }
      return value;
    }

    int netuid(JsonNode node) {
      return (int) integer(node, "netuid", 0, 65535);
    }

    /** An optional scheme name; absent means Ed25519, the only scheme before schemes were named. */
    KeyScheme scheme(JsonNode node, String field) {
      if (!node.has(field)) {
        return KeyScheme.ED25519;
      }
      String text = text(node, field, 16);
      try {
        return KeyScheme.fromWireName(text);
      } catch (IllegalArgumentException e) {
        throw fail(field, "'" + shorten(text) + "'", "ed25519 or sr25519");
      }
    }

    KeyId keyId(JsonNode node, String field) {
      String text = text(node, field, 64);
      try {
        return KeyId.parse(text);
      } catch (IllegalArgumentException e) {
        throw new MalformedExtrinsicException(what + ": " + field + ": " + e.getMessage(), e);
      }
    }

    Role role(JsonNode node) {
      String text = text(node, "role", 16);
      try {
        return Role.parse(text);
      } catch (IllegalArgumentException e) {
        throw new MalformedExtrinsicException(what + ": " + e.getMessage(), e);
      }
    }

    Endpoint endpoint(JsonNode node) {
      JsonNode e = object(node, "endpoint");
      fields(e, "endpoint.", Set.of("host", "port"));
      String host = text(e, "host", Endpoint.MAX_HOST_LENGTH);
      int port = (int) integer(e, "port", 0, 65535);
      return build(() -> new Endpoint(host, port));
    }

    List<Integer> u16s(JsonNode node, String field, int maxSize) {
      JsonNode v = node.get(field);
      if (v == null || !v.isArray()) {
        throw fail(field, v == null ? "missing" : "not an array", "an array of integers 0..65535");
      }
      if (v.size() > maxSize) {
        throw fail(field, v.size() + " entries", "at most " + maxSize);
      }
      List<Integer> out = new ArrayList<>(v.size());
      for (int i = 0; i < v.size(); i++) {
        JsonNode item = v.get(i);
        if (!item.isIntegralNumber()
            || !item.canConvertToInt()
            || item.intValue() < 0
            || item.intValue() > 65535) {
          throw fail(field + "[" + i + "]", shorten(item.toString()), "an integer 0..65535");
        }
        out.add(item.intValue());
      }
      return out;
    }
  }
}
