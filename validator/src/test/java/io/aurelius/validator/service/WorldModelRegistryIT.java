package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.covenant.Covenant;
import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import io.aurelius.validator.modules.WorldModelAmendments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator's world model on a real server: a registry that existed before {@code
 * world-model.git} (or whose last adoption a crash left unpublished and unanchored) is committed
 * and anchored as a covenant amendment when the validator starts, once; stock git clones it from
 * {@code /git/world-model.git} and the clone replays; the covenant log still verifies; and a
 * registry that does not hold the covenant's version does not start.
 */
class WorldModelRegistryIT {
  @TempDir Path dir;

  private static JsonNode doc(String name) {
    return Json.parse(ShippedModules.bytes(name).orElseThrow(), name, ModuleLimits.JSON);
  }

  @Test
  void anAdoptionIsPublishedServedToStockGitAndAnchoredInTheCovenantOnce() throws Exception {
    Path covenantDir = dir.resolve("covenant.git");
    try (TestNet net = new TestNet(dir.resolve("net"), 1, List.of(TestNet.catalogue(0)))) {
      Ed25519KeyPair key = net.validatorKeys.get(0);
      // The validator's hotkey is its log key, and the covenant's: it can amend it.
      CovenantLog.create(covenantDir, "test/covenant", key, Clock.systemUTC(), genesis()).close();
      ModuleRegistry before =
          ModuleRegistry.open(net.home(0).resolve("validator").resolve("world-model"));
      Adoption adopted = before.adopt(doc("whisper"), List.of(key));
      ValidatorSettings settings = TestNet.settings(net.home(0)).withCovenant(covenantDir);

      ValidatorService v = net.validator(0, settings);
      Covenant anchored = covenant(covenantDir);
      assertThat(WorldModelAmendments.version(anchored)).contains(adopted.version());
      assertThat(anchored.parameters().at("/worldModel/modules/whisper").asText())
          .isEqualTo(adopted.module().id().hex());
      assertThat(anchored.entries()).isEqualTo(2);
      try (GitLog log = GitLog.open(covenantDir)) {
        new LogVerifier(TrustPolicy.selfDeclared(log.head().manifest()), Optional.empty())
            .verify(log);
      }

      Path clone = dir.resolve("clone");
      String url = "http://127.0.0.1:" + v.address().getPort() + "/git/world-model.git";
      git("clone", "--quiet", url, clone.toString());
      assertThat(Files.readAllBytes(clone.resolve(ModuleRegistry.FILE)))
          .isEqualTo(Files.readAllBytes(before.file()));
      assertThat(ModuleRegistry.open(clone).set().version()).isEqualTo(adopted.version());
      assertThat(git("-C", clone.toString(), "log", "--format=%s"))
          .isEqualTo("World model 1: adopt mechanic_pack whisper\n");

      v.stop();
      ValidatorService again = net.validator(0, settings);
      assertThat(covenant(covenantDir).entries()).as("anchored once").isEqualTo(2);
      String restarted = "http://127.0.0.1:" + again.address().getPort() + "/git/world-model.git";
      git("-C", clone.toString(), "pull", "--quiet", "--ff-only", restarted, "main");
      assertThat(git("-C", clone.toString(), "rev-list", "--count", "HEAD").strip()).isEqualTo("1");
      again.stop();
    }
  }

  @Test
  void aRegistryThatDoesNotHoldTheCovenantsVersionDoesNotStart() throws Exception {
    Path covenantDir = dir.resolve("covenant.git");
    Ed25519KeyPair other = Ed25519KeyPair.generate();
    try (CovenantLog covenant =
        CovenantLog.create(covenantDir, "test/covenant", other, Clock.systemUTC(), genesis())) {
      ModuleRegistry elsewhere = ModuleRegistry.open(dir.resolve("elsewhere"));
      WorldModelAmendments.anchor(covenant, elsewhere.adopt(doc("whisper"), List.of(other)));
    }
    try (TestNet net = new TestNet(dir.resolve("net"), 1, List.of(TestNet.catalogue(0)))) {
      ValidatorSettings settings = TestNet.settings(net.home(0)).withCovenant(covenantDir);
      assertThatThrownBy(() -> net.validator(0, settings))
          .hasMessageContaining(covenantDir.toString())
          .hasMessageContaining("world model 0:")
          .hasMessageContaining("does not follow the covenant's 1:")
          .hasMessageNotContaining("\n");
    }
  }

  private static Covenant covenant(Path dir) throws Exception {
    try (GitLog log = GitLog.open(dir)) {
      return CovenantLog.replay(log.head());
    }
  }

  private static String git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static ObjectNode genesis() {
    ObjectNode g =
        Json.newObject()
            .put("schema", "aurelius/covenant/1")
            .put("type", "genesis")
            .put("purpose", "An open, verifiable corpus of moral reasoning.");
    g.putArray("corpusCriteria").add("approved by a 2/3 stake quorum of validators");
    g.putObject("parameters").put("dlvThreshold", 0.4);
    return g;
  }
}
