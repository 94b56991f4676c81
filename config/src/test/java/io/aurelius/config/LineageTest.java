package io.aurelius.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.lineage.DirectoryStore;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.lineage.Lineage;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTest {
  private static Fork.Changes rename(String name) {
    return new Fork.Changes(Optional.empty(), Optional.of(name), Optional.empty());
  }

  @Test
  void forkPointsAtItsSourceAndValidates() {
    ObjectNode source =
        ConfigDocuments.sign(Fixtures.commons(), Ed25519KeyPair.fromSeed(new byte[32]));
    ObjectNode fork = Fork.of(source, rename("oyster_reef_commons_b"));
    assertThat(fork.get("parent").textValue()).isEqualTo(ConfigDocuments.id(source).hex());
    assertThat(fork.has("signature")).isFalse();
    CompiledConfig loaded = ConfigLoader.load(fork, "fork");
    assertThat(loaded.config().parent()).contains(ConfigDocuments.id(source));
    assertThat(loaded.id()).isNotEqualTo(ConfigDocuments.id(source));
  }

  @Test
  void forkMustDiffer() {
    ObjectNode source = Fixtures.commons();
    assertThatThrownBy(
            () ->
                Fork.of(
                    source, new Fork.Changes(Optional.empty(), Optional.empty(), Optional.empty())))
        .hasMessage(
            "fork: identical to its source apart from parent (expected: a change, e.g. a "
                + "new name or a merge patch)");
    ObjectNode child = Fork.of(source, rename("second"));
    assertThatThrownBy(() -> Fork.of(child, rename("second")))
        .hasMessageStartingWith("fork: identical to its source");
  }

  @Test
  void mergePatchChangesRemovesAndAdds() {
    ObjectNode patch =
        (ObjectNode)
            Json.parse(
                "{\"memory_window\": 2, \"events\": null, \"world\": {\"state\": {\"price\": {\"initial\": 4}}}}",
                "patch",
                io.aurelius.core.json.JsonLimits.UNTRUSTED);
    ObjectNode fork =
        Fork.of(
            Fixtures.commons(),
            new Fork.Changes(Optional.of(patch), Optional.empty(), Optional.of("Harder times")));
    assertThat(fork.get("memory_window").intValue()).isEqualTo(2);
    assertThat(fork.has("events")).isFalse();
    assertThat(fork.at("/world/state/price/initial").intValue()).isEqualTo(4);
    assertThat(fork.at("/world/state/price/max").intValue()).isEqualTo(10);
    assertThat(fork.get("title").textValue()).isEqualTo("Harder times");
    assertThat(ConfigLoader.validate(fork).valid()).isTrue();
  }

  @Test
  void walksLineageThroughADirectory(@TempDir Path dir) throws Exception {
    ObjectNode root = Fixtures.commons();
    ObjectNode child = Fork.of(root, rename("child_one"));
    ObjectNode grandchild = Fork.of(child, rename("grandchild"));
    Files.write(dir.resolve("a.json"), Json.prettyWriter().writeValueAsBytes(root));
    Files.write(dir.resolve("b.json"), Json.prettyWriter().writeValueAsBytes(child));
    Files.writeString(dir.resolve("junk.json"), "{not json");
    DirectoryStore store = DirectoryStore.scan(dir);
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.skipped()).singleElement().asString().startsWith("junk.json: ");
    Lineage lineage = Lineage.walk(grandchild, store);
    assertThat(lineage.chain())
        .containsExactly(
            ConfigDocuments.id(grandchild), ConfigDocuments.id(child), ConfigDocuments.id(root));
    assertThat(lineage.end()).isEqualTo(new Lineage.End.Root());
  }

  @Test
  void missingParentEndsTheWalk(@TempDir Path dir) {
    ObjectNode child = Fork.of(Fixtures.commons(), rename("child_one"));
    Lineage lineage = Lineage.walk(child, DirectoryStore.scan(dir));
    assertThat(lineage.chain()).hasSize(1);
    assertThat(lineage.end())
        .isEqualTo(new Lineage.End.MissingParent(ConfigDocuments.id(Fixtures.commons())));
  }

  @Test
  void aCorruptStoreWithACycleIsDetected() {
    ObjectNode a = Fixtures.commons();
    ContentId idA = ConfigDocuments.id(a);
    ObjectNode b = Fork.of(a, rename("bee"));
    ObjectNode lying = b.deepCopy();
    lying.put("parent", ConfigDocuments.id(b).hex());
    Map<ContentId, JsonNode> byId = Map.of(idA, lying);
    ObjectNode start = a.deepCopy();
    start.put("name", "start_here");
    start.put("parent", idA.hex());
    Lineage lineage = Lineage.walk(b, id -> Optional.ofNullable(byId.get(id)));
    assertThat(lineage.end()).isEqualTo(new Lineage.End.Cycle(ConfigDocuments.id(b)));
    assertThat(lineage.chain()).isEqualTo(List.of(ConfigDocuments.id(b), idA));
  }

  @Test
  void invalidParentIsReported() {
    ObjectNode doc = Fixtures.commons();
    doc.put("parent", "xyz");
    assertThat(Lineage.walk(doc, id -> Optional.empty()).end())
        .isEqualTo(new Lineage.End.InvalidParent("\"xyz\""));
    assertThat(Fixtures.problems(doc))
        .containsExactly("$.parent: \"xyz\" (expected: ^[0-9a-f]{64}$)");
  }
}
