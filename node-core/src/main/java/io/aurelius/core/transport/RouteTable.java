package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The routes of one server: signed routes by path, plain routes by path (longest first). */
public final class RouteTable {
  private final Map<String, ProtocolRoute> signed;
  private final List<PlainRoute> plain;

  RouteTable(List<ProtocolRoute> signedRoutes, List<PlainRoute> plainRoutes) {
    Map<String, ProtocolRoute> byPath = new TreeMap<>();
    for (ProtocolRoute r : signedRoutes) {
      if (byPath.put(r.path(), r) != null) {
        throw new IllegalArgumentException("route " + r.name() + " registered twice");
      }
    }
    List<PlainRoute> sorted = new ArrayList<>(plainRoutes);
    sorted.sort(Comparator.comparingInt((PlainRoute r) -> r.path().length()).reversed());
    for (int i = 1; i < sorted.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (sorted.get(i).path().equals(sorted.get(j).path())) {
          throw new IllegalArgumentException(
              "plain route " + sorted.get(i).path() + " registered twice");
        }
      }
    }
    this.signed = Map.copyOf(byPath);
    this.plain = List.copyOf(sorted);
  }

  /** The signed route for a request path like {@code /v1/chain/metagraph}. */
  public Optional<ProtocolRoute> signed(String path) {
    requireNonNull(path, "path");
    return Optional.ofNullable(signed.get(path));
  }

  public Optional<PlainRoute> plain(String path) {
    requireNonNull(path, "path");
    for (PlainRoute r : plain) {
      if (r.matches(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public List<String> signedNames() {
    return signed.values().stream().map(ProtocolRoute::name).sorted().toList();
  }
}
