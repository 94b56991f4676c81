package io.aurelius.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.ops.ApiRoute;
import io.aurelius.core.ops.Console;
import io.aurelius.core.ops.NodeStatus;
import io.aurelius.core.ops.StatusSource;
import io.aurelius.core.service.Service;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI file and the routes agree: every route any role mounts is documented, every
 * documented path is mounted by some role with the role its tag names, and the file the jar serves
 * is the one in docs/.
 */
class NodeConsoleTest {
  private static final StatusSource STATUS =
      () -> NodeStatus.of("validator", "5Fhot", Service.State.RUNNING);

  /** Never called: the routes only hold it until a request comes. */
  private static final Chain UNUSED_CHAIN =
      (Chain)
          Proxy.newProxyInstance(
              Chain.class.getClassLoader(),
              new Class<?>[] {Chain.class},
              (proxy, method, args) -> {
                throw new AssertionError("chain called while mounting: " + method.getName());
              });

  private static final ChainApi.BlockSource UNUSED_BLOCKS =
      new ChainApi.BlockSource() {
        @Override
        public long currentBlock() {
          throw new AssertionError("blocks read while mounting");
        }

        @Override
        public io.aurelius.core.chain.store.StoredBlock block(long number) {
          throw new AssertionError("blocks read while mounting");
        }
      };

  private static JsonNode docsFile() throws Exception {
    Path file = Path.of(System.getProperty("basedir", "."), "..", "docs", "api", "openapi.json");
    return Json.parse(Files.readAllBytes(file), file.toString(), JsonLimits.UNTRUSTED);
  }

  private static Set<String> paths(Console c) {
    Set<String> out = new TreeSet<>();
    c.api().stream().map(ApiRoute::path).forEach(out::add);
    return out;
  }

  private static Set<String> tagged(JsonNode doc, String... tags) {
    Set<String> wanted = Set.of(tags);
    Set<String> out = new TreeSet<>();
    Iterator<String> names = doc.path("paths").fieldNames();
    while (names.hasNext()) {
      String path = names.next();
      if (wanted.contains(doc.path("paths").path(path).path("get").path("tags").path(0).asText())) {
        out.add(path);
      }
    }
    return out;
  }

  @Test
  void everyMountedRouteIsDocumentedAndEveryDocumentedRouteIsMountedForItsRole() throws Exception {
    JsonNode doc = docsFile();
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    Console validator = NodeConsole.validator(() -> null, UNUSED_CHAIN, STATUS).console();
    Console miner = NodeConsole.miner(() -> null, Optional.of(UNUSED_CHAIN), STATUS);
    Console chain = NodeConsole.chain(UNUSED_CHAIN, UNUSED_BLOCKS, STATUS);

    Set<String> everyNode = tagged(doc, "node");
    Set<String> metagraph = Set.of(ChainApi.METAGRAPH);
    Set<String> expectedValidator = new TreeSet<>(everyNode);
    expectedValidator.addAll(metagraph);
    expectedValidator.addAll(tagged(doc, "validator", "corpus"));
    Set<String> expectedMiner = new TreeSet<>(everyNode);
    expectedMiner.addAll(metagraph);
    expectedMiner.addAll(tagged(doc, "miner"));
    Set<String> expectedChain = new TreeSet<>(everyNode);
    expectedChain.addAll(tagged(doc, "chain"));

    assertThat(paths(validator)).isEqualTo(expectedValidator);
    assertThat(paths(miner)).isEqualTo(expectedMiner);
    assertThat(paths(chain)).isEqualTo(expectedChain);

    Set<String> mounted = new HashSet<>();
    for (Console c : List.of(validator, miner, chain)) {
      mounted.addAll(paths(c));
    }
    assertThat(mounted).isEqualTo(tagged(doc, "node", "chain", "validator", "corpus", "miner"));
    Iterator<String> all = doc.path("paths").fieldNames();
    while (all.hasNext()) {
      String path = all.next();
      assertThat(mounted).as("documented path %s is mounted", path).contains(path);
      assertThat(doc.path("paths").path(path).path("get").path("responses").has("200"))
          .as(path + " documents its answer")
          .isTrue();
    }
  }

  @Test
  void theJarServesTheOpenApiFileOfTheDocs() throws Exception {
    JsonNode served =
        NodeConsole.validator(() -> null, UNUSED_CHAIN, STATUS).console().api().stream()
            .filter(r -> r.path().equals(NodeConsole.OPENAPI))
            .findFirst()
            .orElseThrow()
            .handler()
            .answer(io.aurelius.core.ops.ApiQuery.parse(""));
    assertThat(served).isEqualTo(docsFile());
  }

  @Test
  void aMinerWithoutAChainHasNoChainRoutes() {
    Console miner = NodeConsole.miner(() -> null, Optional.empty(), STATUS);
    assertThat(paths(miner)).doesNotContain(ChainApi.METAGRAPH, MinerApi.RECEIVED);
    assertThat(paths(miner)).contains(MinerApi.LIBRARY, MinerApi.HANDOUTS, NodeConsole.NODE);
  }
}
