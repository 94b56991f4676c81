package io.aurelius.node.console;

import static io.aurelius.node.console.ConsoleJson.F;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.ops.ApiRoute;
import io.aurelius.core.ops.Console;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.StaticAssets;
import io.aurelius.core.ops.StatusSource;
import io.aurelius.miner.service.MinerService;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.service.ValidatorService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console of each role: the API routes it answers (every node: {@code /api/v1/node}, {@code
 * /api/v1/openapi.json} and the chain's metagraph; then its role's own) and the front end's files.
 *
 * <pre>{@code
 * NodeConsole.Validator c = NodeConsole.validator(service::get, chain, status);
 * builder.listener(c.recorder());   // judging and model health
 * OpsRoutes.addTo(spec, status, registry, c.console());
 * }</pre>
 */
public final class NodeConsole {
  static final String NODE = "/api/v1/node";
  static final String OPENAPI = "/api/v1/openapi.json";
  static final String WEB = "io/aurelius/node/console/web";
  static final List<String> WEB_FILES = List.of("index.html", "app.js", "app.css");

  private static final JsonNode OPENAPI_DOCUMENT = openapi();

  private NodeConsole() {}

  /** A validator's console and the listener that feeds its judging and model pages. */
  public record Validator(Console console, EpochListener recorder) {}

  public static Validator validator(
      Supplier<ValidatorService> service, Chain chain, StatusSource status) {
    ConsoleRecorder recorder = new ConsoleRecorder();
    List<ApiRoute> api = common(status, Optional.of(chain));
    api.addAll(new ValidatorApi(service).routes(recorder));
    api.addAll(new CorpusApi(service).routes());
    return new Validator(new Console(api, assets()), recorder);
  }

  /** A miner's console; without a chain (a miner run with no chain) it has no chain routes. */
  public static Console miner(
      Supplier<MinerService> service, Optional<Chain> chain, StatusSource status) {
    List<ApiRoute> api = common(status, chain);
    api.addAll(new MinerApi(service, chain).routes());
    return new Console(api, assets());
  }

  public static Console chain(DevChain chain, StatusSource status) {
    return chain(chain, ChainApi.BlockSource.of(chain), status);
  }

  static Console chain(Chain chain, ChainApi.BlockSource blocks, StatusSource status) {
    List<ApiRoute> api = common(status, Optional.of(chain));
    api.add(ChainApi.blocks(blocks));
    return new Console(api, assets());
  }

  private static List<ApiRoute> common(StatusSource status, Optional<Chain> chain) {
    requireNonNull(status, "status");
    List<ApiRoute> api = new ArrayList<>();
    api.add(new ApiRoute(NODE, q -> node(status.status())));
    api.add(new ApiRoute(OPENAPI, q -> OPENAPI_DOCUMENT));
    chain.ifPresent(c -> api.add(ChainApi.metagraph(c)));
    return api;
  }

  static JsonNode node(NodeStatus s) {
    ObjectNode o = F.objectNode();
    o.put("role", s.role());
    o.put("hotkey", s.hotkey());
    o.put("status", s.state().name().toLowerCase(Locale.ROOT));
    o.put("healthy", s.healthy());
    s.problem().ifPresent(p -> o.put("problem", p));
    o.set("facts", Json.toTree(s.facts()));
    String version = NodeConsole.class.getPackage().getImplementationVersion();
    o.put("version", version == null ? "dev" : version);
    return o;
  }

  private static Optional<StaticAssets> assets() {
    return StaticAssets.fromClassPath(NodeConsole.class.getClassLoader(), WEB, WEB_FILES);
  }

  private static JsonNode openapi() {
    try (InputStream in = NodeConsole.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/aurelius/node/console/openapi.json");
      }
      return Json.parse(in.readAllBytes(), "openapi.json", JsonLimits.UNTRUSTED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
