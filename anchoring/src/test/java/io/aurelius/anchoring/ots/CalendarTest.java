package io.aurelius.anchoring.ots;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stamping, upgrading and checking against a real loopback calendar and bitcoind RPC. */
class CalendarTest {
  private static final byte[] FILE = "aurelius checkpoint\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void stampUpgradeAndVerifyAgainstBlockHeaders() throws Exception {
    try (TestCalendar calendar = new TestCalendar()) {
      Stamper stamper =
          new Stamper(new CalendarClient(Duration.ofSeconds(5)), List.of(calendar.uri()));
      Stamper.Result stamped = stamper.stamp(FILE);
      assertThat(stamped.failures()).isEmpty();
      DetachedTimestamp proof = stamped.proof().orElseThrow();
      TimestampVerifier noHeaders = new TimestampVerifier(Optional.empty());
      assertThat(noHeaders.verify(proof, FILE).status()).isEqualTo(StampStatus.PENDING);

      // Not yet in a block: the calendar answers 404 and nothing changes.
      assertThat(stamper.upgrade(proof).changed()).isFalse();

      long height = calendar.mine();
      Stamper.Result upgraded = stamper.upgrade(DetachedTimestamp.read(proof.toBytes(), "proof"));
      assertThat(upgraded.changed()).isTrue();
      DetachedTimestamp complete = upgraded.proof().orElseThrow();
      assertThat(complete.timestamp().leaves())
          .anyMatch(
              l ->
                  l.attestation()
                      .equals(new Attestation.BlockHeight(Attestation.Chain.BITCOIN, height)));
      assertThat(noHeaders.verify(complete, FILE).status()).isEqualTo(StampStatus.UNCHECKED);

      BitcoindRpcClient rpc = new BitcoindRpcClient(calendar.rpcUri(), Duration.ofSeconds(5));
      StampReport verified = new TimestampVerifier(Optional.of(rpc)).verify(complete, FILE);
      assertThat(verified.status()).isEqualTo(StampStatus.VERIFIED);
      assertThat(verified.time()).hasValue(1_700_000_000L + height);

      calendar.lie();
      StampReport lied = new TimestampVerifier(Optional.of(rpc)).verify(complete, FILE);
      assertThat(lied.status()).isEqualTo(StampStatus.FAILED);
      assertThat(lied.summary()).contains("does not lead to the Merkle root");
    }
  }

  @Test
  void bitcoindWithoutCredentialsOrBlockIsReportedNotVerified() throws Exception {
    try (TestCalendar calendar = new TestCalendar()) {
      URI noAuth = URI.create(calendar.rpcUri().toString().replace("user:secret@", ""));
      BitcoindRpcClient rpc = new BitcoindRpcClient(noAuth, Duration.ofSeconds(5));
      Timestamp t = new Timestamp(new byte[32]);
      t.attest(new Attestation.BlockHeight(Attestation.Chain.BITCOIN, 0));
      StampReport r = new TimestampVerifier(Optional.of(rpc)).verify(t);
      assertThat(r.status()).isEqualTo(StampStatus.UNCHECKED);
      assertThat(r.checks().get(0).detail()).contains("HTTP 401");
      Timestamp future = new Timestamp(new byte[32]);
      future.attest(new Attestation.BlockHeight(Attestation.Chain.BITCOIN, 99));
      BitcoindRpcClient authed = new BitcoindRpcClient(calendar.rpcUri(), Duration.ofSeconds(5));
      assertThat(new TimestampVerifier(Optional.of(authed)).verify(future).checks().get(0).detail())
          .contains("has no block at that height yet");
    }
  }

  @Test
  void noReachableCalendarGivesNoProofAndSaysWhy() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Stamper stamper =
        new Stamper(
            new CalendarClient(Duration.ofSeconds(2)),
            List.of(URI.create("http://127.0.0.1:" + port)));
    Stamper.Result r = stamper.stamp(FILE);
    assertThat(r.proof()).isEmpty();
    assertThat(r.failures()).singleElement().asString().contains("unreachable");
  }
}
