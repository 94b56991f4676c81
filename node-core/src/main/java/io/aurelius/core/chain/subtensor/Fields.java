package io.aurelius.core.chain.subtensor;

import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.identity.KeyId;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads named fields of a decoded runtime-API result, unwrapping {@code Option}s and newtypes; a
 * missing or mistyped field is a one-line error naming the call and the field.
 */
final class Fields {
  private final String what;
  private final Value.Composite value;

  Fields(String what, Value value) {
    this.what = what;
    Value v = some(value).orElseThrow(() -> new ChainUnavailableException(what + ": none"));
    if (!(v.unwrapped() instanceof Value.Composite c)) {
      throw new ChainUnavailableException(what + ": " + kind(v) + " (expected: a struct)");
    }
    this.value = c;
  }

  /** {@code Some(x)} as x, {@code None} as empty, anything else as itself. */
  static Optional<Value> some(Value v) {
    if (v instanceof Value.Variant o && o.name().equals("None") && o.fields().isEmpty()) {
      return Optional.empty();
    }
    if (v instanceof Value.Variant o && o.name().equals("Some") && o.fields().size() == 1) {
      return Optional.of(o.fields().get(0).value());
    }
    return Optional.of(v);
  }

  Optional<Value> optional(String name) {
    return value.field(name).flatMap(Fields::some);
  }

  Value get(String name) {
    return optional(name)
        .orElseThrow(
            () ->
                new ChainUnavailableException(
                    what + ": no field " + name + " (expected: present)"));
  }

  long number(String name) {
    return number(name, get(name));
  }

  boolean bool(String name) {
    Value v = get(name).unwrapped();
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    throw mistyped(name, v, "a bool");
  }

  String text(String name) {
    Optional<Value> v = optional(name);
    if (v.isEmpty()) {
      return "";
    }
    Value u = v.get().unwrapped();
    if (u instanceof Value.Text t) {
      return t.value();
    }
    return new String(bytes(name, u), StandardCharsets.UTF_8);
  }

  List<Value> list(String name) {
    Value v = get(name).unwrapped();
    if (v instanceof Value.Sequence s) {
      return s.items();
    }
    throw mistyped(name, v, "a sequence");
  }

  long number(String name, Value v) {
    Value u = v.unwrapped();
    if (u instanceof Value.Int i) {
      BigInteger b = i.value();
      if (b.signum() < 0 || b.bitLength() > 63) {
        throw new ChainUnavailableException(
            what + ": " + name + " = " + b + " (expected: 0..2^63-1)");
      }
      return b.longValue();
    }
    throw mistyped(name, u, "an integer");
  }

  boolean bool(String name, Value v) {
    if (v.unwrapped() instanceof Value.Bool b) {
      return b.value();
    }
    throw mistyped(name, v, "a bool");
  }

  KeyId account(String name, Value v) {
    return KeyId.ofAccount(bytes(name, v.unwrapped()));
  }

  byte[] bytes(String name, Value v) {
    Value u = v.unwrapped();
    if (u instanceof Value.ByteString b) {
      return b.bytes().toArray();
    }
    if (u instanceof Value.Sequence s) {
      byte[] out = new byte[s.items().size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) number(name, s.items().get(i));
      }
      return out;
    }
    throw mistyped(name, u, "bytes");
  }

  /** An {@code AxonInfo} (ip as u128, ip_type 4 or 6, port) as an endpoint; ip 0 serves nothing. */
  Endpoint axon(String name, Value v) {
    Fields axon = new Fields(what + " " + name, v);
    BigInteger ip = ((Value.Int) axon.get("ip").unwrapped()).value();
    long port = axon.number("port");
    if (ip.signum() == 0) {
      return Endpoint.NONE;
    }
    int length = axon.number("ip_type") == 6 ? 16 : 4;
    byte[] raw = ip.toByteArray();
    byte[] address = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, address, length - copy, copy);
    try {
      return new Endpoint(InetAddress.getByAddress(address).getHostAddress(), (int) port);
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new ChainUnavailableException(
          what + ": " + name + " ip " + ip + " port " + port + ": " + e.getMessage());
    }
  }

  private ChainUnavailableException mistyped(String name, Value v, String expected) {
    return new ChainUnavailableException(
        what + ": " + name + " is " + kind(v) + " (expected: " + expected + ")");
  }

  private static String kind(Value v) {
    return v.getClass().getSimpleName();
  }
}
