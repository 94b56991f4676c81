package io.aurelius.core.ops;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a node adds to its operator routes for the web console: its JSON API routes and the front
 * end's files (absent in a build without them, where {@code /} stays the plain status page).
 */
public record Console(List<ApiRoute> api, Optional<StaticAssets> assets) {
  /** No API and the plain status page. */
  public static final Console NONE = new Console(List.of(), Optional.empty());

  public Console {
    api = List.copyOf(api);
    requireNonNull(assets, "assets");
  }
}
