package io.aurelius.miner.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.submission.SubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.miner.intake.Intake;
import io.aurelius.miner.intake.IntakePolicy;
import io.aurelius.miner.library.ConfigLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryHandlerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Ed25519KeyPair MINER = Ed25519KeyPair.fromSeed(seed(1));
  private static final KeyId MINER_ID = KeyId.of(MINER.publicKey());
  private static final KeyId VALIDATOR = KeyId.of(Ed25519KeyPair.fromSeed(seed(2)).publicKey());
  private static final KeyId OTHER_VALIDATOR =
      KeyId.of(Ed25519KeyPair.fromSeed(seed(3)).publicKey());

  @TempDir Path home;
  private ConfigLibrary library;
  private MetricsRegistry registry;
  private ServedLibrary served;

  private static byte[] seed(int n) {
    byte[] seed = new byte[32];
    seed[31] = (byte) n;
    return seed;
  }

  @BeforeEach
  void open() {
    library = ConfigLibrary.open(ConfigLibrary.inHome(home));
    registry = new MetricsRegistry();
  }

  @AfterEach
  void close() {
    library.close();
  }

  private QueryHandler handler(IntakePolicy policy) {
    served = new ServedLibrary(library, new Intake(policy), MINER);
    MinerMetrics metrics =
        new MinerMetrics(
            registry, () -> served.last().servable().size(), () -> served.last().refused().size());
    return new QueryHandler(
        served, MINER_ID, metrics, Clock.fixed(NOW, ZoneOffset.UTC), new Handouts());
  }

  private static InboundCall call(KeyId sender, ObjectNode body) {
    return new InboundCall(QueryHandler.ROUTE, sender, 100, "req", body);
  }

  private static InboundCall query(KeyId validator, long epoch, int maxBytes) {
    return call(validator, new SubmissionQuery(epoch, validator, maxBytes).toJson());
  }

  private static SubmissionCheck verify(Object answer, KeyId validator, long epoch, int maxBytes) {
    return SubmissionVerifier.defaults()
        .check(
            CanonicalJson.bytes((ObjectNode) answer),
            new SubmissionQuery(epoch, validator, maxBytes),
            MINER_ID,
            NOW);
  }

  private static ContentId servedId(Object answer, KeyId validator, long epoch) {
    SubmissionCheck check = verify(answer, validator, epoch, 65536);
    assertThat(check).isInstanceOf(SubmissionCheck.Admitted.class);
    return ((SubmissionCheck.Admitted) check).config().id();
  }

  private void add(CompiledConfig... configs) {
    for (CompiledConfig c : configs) {
      library.add(c, NOW);
    }
  }

  @Test
  void answersWithASubmissionTheValidatorsVerifierAdmits() throws Exception {
    add(TestConfigs.catalogue(0));
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    Object answer = handler.handle(query(VALIDATOR, 5, 65536));
    assertThat(servedId(answer, VALIDATOR, 5)).isEqualTo(TestConfigs.catalogue(0).id());
    assertThat(registry.scrape()).contains("aurelius_miner_queries_total{outcome=\"served\"} 1");
  }

  @Test
  void rotatesThroughTheWholeLibraryOverConsecutiveEpochsAndRepeatsWithinOne() throws Exception {
    List<ContentId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      add(TestConfigs.catalogue(i));
      ids.add(TestConfigs.catalogue(i).id());
    }
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    List<ContentId> seen = new ArrayList<>();
    for (long epoch = 10; epoch < 14; epoch++) {
      seen.add(servedId(handler.handle(query(VALIDATOR, epoch, 65536)), VALIDATOR, epoch));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    // consecutive epochs follow the order of addition
    int first = ids.indexOf(seen.get(0));
    for (int k = 0; k < 4; k++) {
      assertThat(seen.get(k)).isEqualTo(ids.get((first + k) % 4));
    }
    assertThat(servedId(handler.handle(query(VALIDATOR, 10, 65536)), VALIDATOR, 10))
        .isEqualTo(seen.get(0));
  }

  @Test
  void differentValidatorsStartAtDifferentPlaces() {
    Set<Integer> starts = new HashSet<>();
    for (int n = 10; n < 30; n++) {
      starts.add(Rotation.start(0, KeyId.of(Ed25519KeyPair.fromSeed(seed(n)).publicKey()), 8));
    }
    assertThat(starts.size()).isGreaterThan(3);
    assertThat(Rotation.start(Long.MAX_VALUE >> 11, VALIDATOR, 7)).isBetween(0, 6);
    assertThat(Rotation.start(3, VALIDATOR, 1)).isZero();
  }

  @Test
  void seesConfigurationsAddedWhileRunning() throws Exception {
    add(TestConfigs.catalogue(0));
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    handler.handle(query(VALIDATOR, 1, 65536));
    assertThat(served.last().servable()).hasSize(1);
    add(TestConfigs.catalogue(1));
    Set<ContentId> seen = new HashSet<>();
    for (long epoch = 1; epoch <= 2; epoch++) {
      seen.add(servedId(handler.handle(query(VALIDATOR, epoch, 65536)), VALIDATOR, epoch));
    }
    assertThat(seen)
        .containsExactlyInAnyOrder(TestConfigs.catalogue(0).id(), TestConfigs.catalogue(1).id());
  }

  @Test
  void strictModeNeverServesALintDirtyConfiguration() throws Exception {
    add(TestConfigs.lintDirty(), TestConfigs.catalogue(1));
    QueryHandler strict = handler(IntakePolicy.DEFAULT);
    for (long epoch = 0; epoch < 6; epoch++) {
      assertThat(servedId(strict.handle(query(VALIDATOR, epoch, 65536)), VALIDATOR, epoch))
          .isEqualTo(TestConfigs.catalogue(1).id());
    }
    assertThat(served.last().refused()).containsOnlyKeys(TestConfigs.lintDirty().id());
    assertThat(served.last().refused().get(TestConfigs.lintDirty().id())).contains("simulation");
    QueryHandler lenient = handler(new IntakePolicy(false, 65536));
    Set<ContentId> seen = new HashSet<>();
    for (long epoch = 0; epoch < 2; epoch++) {
      seen.add(servedId(lenient.handle(query(VALIDATOR, epoch, 65536)), VALIDATOR, epoch));
    }
    assertThat(seen).contains(TestConfigs.lintDirty().id());
  }

  @Test
  void picksTheNextConfigurationThatFitsMaxBytesAndRefusesWhenNoneDoes() throws Exception {
    add(TestConfigs.catalogue(0), TestConfigs.catalogue(1));
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    handler.handle(query(VALIDATOR, 0, 65536));
    List<ServedLibrary.Servable> servable = served.last().servable();
    int small = Math.min(servable.get(0).signedBytes(), servable.get(1).signedBytes());
    ContentId smallId =
        servable.get(0).signedBytes() == small ? servable.get(0).id() : servable.get(1).id();
    for (long epoch = 0; epoch < 2; epoch++) {
      Object answer = handler.handle(query(VALIDATOR, epoch, small));
      SubmissionCheck check = verify(answer, VALIDATOR, epoch, small);
      assertThat(((SubmissionCheck.Admitted) check).config().id()).isEqualTo(smallId);
    }
    assertThatThrownBy(() -> handler.handle(query(VALIDATOR, 0, small - 1)))
        .isInstanceOf(CallRefusedException.class)
        .hasMessage(
            "query.max_bytes: "
                + (small - 1)
                + " (expected: at least "
                + small
                + ", the smallest configuration this miner serves)");
    assertThat(registry.scrape()).contains("outcome=\"too_small\"} 1");
  }

  @Test
  void refusesAQueryNamingAnotherValidatorThanItsSender() {
    add(TestConfigs.catalogue(0));
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    InboundCall spoofed = call(OTHER_VALIDATOR, new SubmissionQuery(1, VALIDATOR, 65536).toJson());
    assertThatThrownBy(() -> handler.handle(spoofed))
        .isInstanceOf(CallRefusedException.class)
        .satisfies(
            e ->
                assertThat(((CallRefusedException) e).status())
                    .isEqualTo(ProtocolStatus.UNPROCESSABLE))
        .hasMessageContaining(
            "query.validator: " + VALIDATOR + " (expected: the sender, " + OTHER_VALIDATOR + ")");
  }

  @Test
  void refusesMalformedQueriesWith400() {
    add(TestConfigs.catalogue(0));
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    ObjectNode body = new SubmissionQuery(1, VALIDATOR, 65536).toJson();
    body.put("max_bytes", 0);
    assertThatThrownBy(() -> handler.handle(call(VALIDATOR, body)))
        .isInstanceOf(CallRefusedException.class)
        .satisfies(
            e ->
                assertThat(((CallRefusedException) e).status())
                    .isEqualTo(ProtocolStatus.BAD_REQUEST))
        .hasMessageContaining("query.max_bytes: 0");
    assertThat(registry.scrape()).contains("outcome=\"malformed\"} 1");
  }

  @Test
  void anEmptyLibraryAnswers422() {
    QueryHandler handler = handler(IntakePolicy.DEFAULT);
    assertThatThrownBy(() -> handler.handle(query(VALIDATOR, 1, 65536)))
        .isInstanceOf(CallRefusedException.class)
        .hasMessageContaining("has no configuration to serve");
  }
}
