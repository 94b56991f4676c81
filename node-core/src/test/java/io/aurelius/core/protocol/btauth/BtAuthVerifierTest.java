package io.aurelius.core.protocol.btauth;

import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_ED;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_ED_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_SR;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.ALICE_SR_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SR;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SS58;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BODY;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.METHOD;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.NONCE;
import static io.aurelius.core.protocol.btauth.BtAuthFixtures.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.btauth.BtAuthResult.Accepted;
import io.aurelius.core.protocol.btauth.BtAuthResult.Refused;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each step of verification, in the spec's order, and each refusal. */
class BtAuthVerifierTest {
  private static final Map<String, KeyScheme> PINS =
      Map.of(ALICE_SR_SS58, KeyScheme.SR25519, ALICE_ED_SS58, KeyScheme.ED25519);

  private final ManualProtocolClock clock = new ManualProtocolClock(NONCE + 1_000_000);
  private final BtAuthVerifier verifier =
      BtAuthVerifier.withDefaults(BOB_SS58, SchemePins.of(PINS), clock);

  private static Map<String, String> signedBySr() {
    return new LinkedHashMap<>(
        new BtAuthSigner(ALICE_SR, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, TARGET, BODY, BOB_SS58)
            .asMap());
  }

  private static Map<String, String> signedByEd() {
    return new LinkedHashMap<>(
        new BtAuthSigner(ALICE_ED, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, TARGET, BODY, BOB_SS58)
            .asMap());
  }

  private BtAuthResult verify(Map<String, String> headers) {
    return verifier.verify(BtAuthHeaders.lookup(headers), METHOD, TARGET, BODY);
  }

  private static Refused refused(BtAuthResult result, BtAuthReason reason) {
    assertThat(result).isInstanceOf(Refused.class);
    Refused refused = (Refused) result;
    assertThat(refused.reason()).as(refused.toString()).isEqualTo(reason);
    assertThat(refused.message()).doesNotContain("\n").isNotBlank();
    return refused;
  }

  @Test
  void acceptsBothSchemes() {
    assertThat(verify(signedBySr()))
        .isEqualTo(new Accepted(ALICE_SR_SS58, KeyScheme.SR25519, NONCE));
    assertThat(verify(signedByEd()))
        .isEqualTo(new Accepted(ALICE_ED_SS58, KeyScheme.ED25519, NONCE));
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    Map<String, String> lowered = new LinkedHashMap<>();
    signedBySr().forEach((k, v) -> lowered.put(k.toLowerCase(), v));
    assertThat(verify(lowered)).isInstanceOf(Accepted.class);
  }

  @Test
  void anExplicitSr25519CryptoHeaderIsAccepted() {
    Map<String, String> headers = signedBySr();
    headers.put("X-Bittensor-Crypto", "sr25519");
    assertThat(verify(headers)).isInstanceOf(Accepted.class);
  }

  @Test
  void refusalsCarryTheSpecsNamesAndStatuses() {
    assertThat(BtAuthReason.MALFORMED_AUTH.wireName()).isEqualTo("MalformedAuth");
    assertThat(BtAuthReason.WRONG_RECEIVER.wireName()).isEqualTo("WrongReceiver");
    assertThat(BtAuthReason.STALE_REQUEST.wireName()).isEqualTo("StaleRequest");
    assertThat(BtAuthReason.REPLAYED_REQUEST.wireName()).isEqualTo("ReplayedRequest");
    assertThat(BtAuthReason.BAD_SIGNATURE.wireName()).isEqualTo("BadSignature");
    for (BtAuthReason r :
        new BtAuthReason[] {
          BtAuthReason.MALFORMED_AUTH,
          BtAuthReason.WRONG_RECEIVER,
          BtAuthReason.STALE_REQUEST,
          BtAuthReason.REPLAYED_REQUEST,
          BtAuthReason.BAD_SIGNATURE,
          BtAuthReason.UNKNOWN_SENDER
        }) {
      assertThat(r.status()).isEqualTo(ProtocolStatus.UNAUTHORIZED);
    }
    assertThat(BtAuthReason.UNWELCOME.status()).isEqualTo(ProtocolStatus.FORBIDDEN);
  }

  // --- receiver ---

  @Test
  void wrongReceiver() {
    BtAuthVerifier alice = BtAuthVerifier.withDefaults(ALICE_ED_SS58, SchemePins.of(PINS), clock);
    refused(
        alice.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY),
        BtAuthReason.WRONG_RECEIVER);
  }

  @Test
  void unboundRequestIsRefusedUnlessTheServerOptsOut() {
    Map<String, String> headers =
        new BtAuthSigner(ALICE_SR, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, TARGET, BODY, null)
            .asMap();
    assertThat(headers).doesNotContainKey("X-Bittensor-Receiver");
    refused(verify(headers), BtAuthReason.WRONG_RECEIVER);
    BtAuthVerifier optOut =
        new BtAuthVerifier(
            BOB_SS58,
            SchemePins.of(PINS),
            new BoundedReplayStore(Duration.ofSeconds(12), 10),
            clock,
            BtAuthVerifier.DEFAULT_MAX_AGE,
            BtAuthVerifier.DEFAULT_ALLOWED_SKEW,
            false);
    assertThat(optOut.verify(BtAuthHeaders.lookup(headers), METHOD, TARGET, BODY))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void aDashReceiverHeaderIsAWrongReceiverEvenWhenUnboundIsAllowed() {
    Map<String, String> headers =
        new LinkedHashMap<>(
            new BtAuthSigner(ALICE_SR, BtAuthFixtures.firstNonce(NONCE))
                .sign(METHOD, TARGET, BODY, null)
                .asMap());
    headers.put("X-Bittensor-Receiver", "-");
    refused(verify(headers), BtAuthReason.WRONG_RECEIVER);
  }

  // --- freshness: 10 s back, 2 s ahead, boundaries included ---

  @Test
  void freshnessWindow() {
    ManualProtocolClock at = new ManualProtocolClock(NONCE + 10_000_000_000L);
    assertThat(
            BtAuthVerifier.withDefaults(BOB_SS58, SchemePins.of(PINS), at)
                .verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY))
        .isInstanceOf(Accepted.class);
    at = new ManualProtocolClock(NONCE + 10_000_000_001L);
    Refused stale =
        refused(
            BtAuthVerifier.withDefaults(BOB_SS58, SchemePins.of(PINS), at)
                .verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY),
            BtAuthReason.STALE_REQUEST);
    assertThat(stale.message()).isEqualTo("nonce is older than the 10s freshness window");
    at = new ManualProtocolClock(NONCE - 2_000_000_000L);
    assertThat(
            BtAuthVerifier.withDefaults(BOB_SS58, SchemePins.of(PINS), at)
                .verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY))
        .isInstanceOf(Accepted.class);
    at = new ManualProtocolClock(NONCE - 2_000_000_001L);
    Refused ahead =
        refused(
            BtAuthVerifier.withDefaults(BOB_SS58, SchemePins.of(PINS), at)
                .verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY),
            BtAuthReason.STALE_REQUEST);
    assertThat(ahead.message()).isEqualTo("nonce is more than 2s in the future");
  }

  // --- replay ---

  @Test
  void replayIsRefused() {
    Map<String, String> headers = signedBySr();
    assertThat(verify(headers)).isInstanceOf(Accepted.class);
    refused(verify(headers), BtAuthReason.REPLAYED_REQUEST);
  }

  @Test
  void aBadSignatureDoesNotConsumeTheNonce() {
    Map<String, String> good = signedBySr();
    Map<String, String> forged = new LinkedHashMap<>(good);
    forged.put("X-Bittensor-Signature", "0x" + "00".repeat(64));
    refused(verify(forged), BtAuthReason.BAD_SIGNATURE);
    refused(verify(forged), BtAuthReason.BAD_SIGNATURE); // not ReplayedRequest
    assertThat(verify(good)).isInstanceOf(Accepted.class);
  }

  @Test
  void aStaleOrMisaddressedRequestDoesNotConsumeTheNonce() {
    BoundedReplayStore store = new BoundedReplayStore(Duration.ofSeconds(12), 10);
    BtAuthVerifier v =
        new BtAuthVerifier(
            BOB_SS58,
            SchemePins.of(PINS),
            store,
            clock,
            BtAuthVerifier.DEFAULT_MAX_AGE,
            BtAuthVerifier.DEFAULT_ALLOWED_SKEW,
            true);
    refused(
        v.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, "/other", BODY),
        BtAuthReason.BAD_SIGNATURE);
    assertThat(store.size()).isZero();
    assertThat(v.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY))
        .isInstanceOf(Accepted.class);
    assertThat(store.size()).isOne();
  }

  @Test
  void theSameNonceFromAnotherSenderIsNotAReplay() {
    assertThat(verify(signedBySr())).isInstanceOf(Accepted.class);
    assertThat(verify(signedByEd())).isInstanceOf(Accepted.class);
  }

  @Test
  void aFullReplayStoreRefusesWith503() {
    BtAuthVerifier tiny =
        new BtAuthVerifier(
            BOB_SS58,
            SchemePins.of(PINS),
            new BoundedReplayStore(Duration.ofSeconds(12), 1),
            clock,
            BtAuthVerifier.DEFAULT_MAX_AGE,
            BtAuthVerifier.DEFAULT_ALLOWED_SKEW,
            true);
    assertThat(tiny.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY))
        .isInstanceOf(Accepted.class);
    Refused full =
        refused(
            tiny.verify(BtAuthHeaders.lookup(signedByEd()), METHOD, TARGET, BODY),
            BtAuthReason.REPLAY_STORE_FULL);
    assertThat(full.status()).isEqualTo(ProtocolStatus.UNAVAILABLE);
  }

  @Test
  void aStoreThatForgetsBeforeMaxAgeIsRejected() {
    assertThatThrownBy(
            () ->
                new BtAuthVerifier(
                    BOB_SS58,
                    SchemePins.of(PINS),
                    new BoundedReplayStore(Duration.ofSeconds(5), 10),
                    clock,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2),
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
  }

  // --- pinned scheme ---

  @Test
  void anUnpinnedSenderIsUnknown() {
    BtAuthVerifier onlyEd =
        BtAuthVerifier.withDefaults(
            BOB_SS58, SchemePins.of(Map.of(ALICE_ED_SS58, KeyScheme.ED25519)), clock);
    refused(
        onlyEd.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, TARGET, BODY),
        BtAuthReason.UNKNOWN_SENDER);
  }

  @Test
  void aCryptoHeaderContradictingThePinIsRefusedBeforeTheSignature() {
    // Alice-ed25519 pinned as ed25519, but the header claims sr25519 (by omission).
    Map<String, String> headers = signedByEd();
    headers.remove("X-Bittensor-Crypto");
    Refused r = refused(verify(headers), BtAuthReason.BAD_SIGNATURE);
    assertThat(r.message()).contains("trusted sender scheme");
    // Alice-sr25519 pinned as sr25519, header claims ed25519.
    headers = signedBySr();
    headers.put("X-Bittensor-Crypto", "ed25519");
    assertThat(refused(verify(headers), BtAuthReason.BAD_SIGNATURE).message())
        .contains("trusted sender scheme");
    // A scheme the spec knows but this node cannot verify never matches a pin.
    for (String scheme : new String[] {"hashed", "mldsa"}) {
      headers = signedBySr();
      headers.put("X-Bittensor-Crypto", scheme);
      refused(verify(headers), BtAuthReason.BAD_SIGNATURE);
    }
  }

  @Test
  void aSignatureIsCheckedUnderThePinnedSchemeOnly() {
    // An ed25519 signature under a key pinned sr25519 (same 32 bytes claimed as sr25519).
    BtAuthVerifier srPinned =
        BtAuthVerifier.withDefaults(BOB_SS58, SchemePins.all(KeyScheme.SR25519), clock);
    Map<String, String> headers = signedByEd();
    headers.remove("X-Bittensor-Crypto");
    refused(
        srPinned.verify(BtAuthHeaders.lookup(headers), METHOD, TARGET, BODY),
        BtAuthReason.BAD_SIGNATURE);
  }

  // --- tampering ---

  @Test
  void tamperedBodyTargetMethodNonceOrSenderIsABadSignature() {
    refused(
        verifier.verify(
            BtAuthHeaders.lookup(signedBySr()),
            METHOD,
            TARGET,
            "{\"prompt\": \"hellO\"}".getBytes(StandardCharsets.UTF_8)),
        BtAuthReason.BAD_SIGNATURE);
    refused(
        verifier.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, "/generate?stream=true", BODY),
        BtAuthReason.BAD_SIGNATURE);
    refused(
        verifier.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, "/generate", BODY),
        BtAuthReason.BAD_SIGNATURE);
    refused(
        verifier.verify(BtAuthHeaders.lookup(signedBySr()), "PUT", TARGET, BODY),
        BtAuthReason.BAD_SIGNATURE);
    Map<String, String> nonce = signedBySr();
    nonce.put("X-Bittensor-Nonce", Long.toString(NONCE + 1));
    refused(verify(nonce), BtAuthReason.BAD_SIGNATURE);
    Map<String, String> sender = signedBySr();
    sender.put("X-Bittensor-Hotkey", ALICE_ED_SS58);
    sender.put("X-Bittensor-Crypto", "ed25519");
    refused(verify(sender), BtAuthReason.BAD_SIGNATURE);
  }

  @Test
  void theDecodedTargetIsNotTheSignedOne() {
    Map<String, String> headers =
        new BtAuthSigner(ALICE_SR, BtAuthFixtures.firstNonce(NONCE))
            .sign(METHOD, "/a%20b?q=1", BODY, BOB_SS58)
            .asMap();
    refused(
        verifier.verify(BtAuthHeaders.lookup(headers), METHOD, "/a b?q=1", BODY),
        BtAuthReason.BAD_SIGNATURE);
    assertThat(verifier.verify(BtAuthHeaders.lookup(headers), METHOD, "/a%20b?q=1", BODY))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void aTargetThatCannotBeALineIsMalformed() {
    refused(
        verifier.verify(BtAuthHeaders.lookup(signedBySr()), METHOD, "/x\n-", BODY),
        BtAuthReason.MALFORMED_AUTH);
  }

  @Test
  void aSignatureOfTheWrongLengthForThePinnedSchemeIsMalformed() {
    Map<String, String> headers = signedBySr();
    headers.put("X-Bittensor-Signature", "0x" + "ab".repeat(63));
    refused(verify(headers), BtAuthReason.MALFORMED_AUTH);
  }

  // --- policy ---

  @Test
  void anAuthenticButUnwelcomeCallerGets403() {
    Refused r =
        refused(
            verifier.verify(
                BtAuthHeaders.lookup(signedBySr()),
                METHOD,
                TARGET,
                BODY,
                caller -> !caller.sender().equals(ALICE_SR_SS58)),
            BtAuthReason.UNWELCOME);
    assertThat(r.status()).isEqualTo(ProtocolStatus.FORBIDDEN);
    assertThat(
            verifier.verify(
                BtAuthHeaders.lookup(signedByEd()), METHOD, TARGET, BODY, caller -> true))
        .isInstanceOf(Accepted.class);
  }

  /**
   * btauth/1 signs requests only; a subnet that signs answers (the miner signs its response to the
   * validator, freshness 30 s, the validator checks it is the miner it addressed) composes it.
   */
  @Test
  void aSignedResponseFromTheAddressedMiner() {
    byte[] answer = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
    String route = "/aurelius/v1/scenario_config";
    ManualProtocolClock validatorClock = new ManualProtocolClock(NONCE);
    BtAuthVerifier validator =
        new BtAuthVerifier(
            ALICE_SR_SS58,
            SchemePins.all(KeyScheme.SR25519),
            new BoundedReplayStore(Duration.ofSeconds(30), 1000),
            validatorClock,
            Duration.ofSeconds(30),
            BtAuthVerifier.DEFAULT_ALLOWED_SKEW,
            true);
    Map<String, String> response =
        new BtAuthSigner(BOB_SR, BtAuthFixtures.firstNonce(NONCE))
            .sign("POST", route, answer, ALICE_SR_SS58)
            .asMap();
    validatorClock.advance(Duration.ofSeconds(25));
    assertThat(
            validator.verify(
                BtAuthHeaders.lookup(response),
                "POST",
                route,
                answer,
                caller -> caller.sender().equals(BOB_SS58)))
        .isEqualTo(new Accepted(BOB_SS58, KeyScheme.SR25519, NONCE));
    Map<String, String> fromAnother =
        new BtAuthSigner(ALICE_ED, BtAuthFixtures.firstNonce(NONCE))
            .sign("POST", route, answer, ALICE_SR_SS58)
            .asMap();
    BtAuthVerifier anyScheme =
        BtAuthVerifier.withDefaults(
            ALICE_SR_SS58, SchemePins.of(PINS), new ManualProtocolClock(NONCE));
    refused(
        anyScheme.verify(
            BtAuthHeaders.lookup(fromAnother),
            "POST",
            route,
            answer,
            caller -> caller.sender().equals(BOB_SS58)),
        BtAuthReason.UNWELCOME);
  }

  @Test
  void signerRefusesABadReceiverAddress() {
    BtAuthSigner signer = new BtAuthSigner(BOB_SR, NonceSource.system());
    assertThatThrownBy(() -> signer.sign(METHOD, TARGET, BODY, "5Fnot-an-address"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(signer.sender()).isEqualTo(BOB_SS58);
  }

  @Test
  void eachAttemptSignsAFreshNonce() {
    ManualProtocolClock still = new ManualProtocolClock(NONCE);
    BtAuthSigner signer = new BtAuthSigner(ALICE_SR, new NonceSource(still));
    BtAuthHeaders first = signer.sign(METHOD, TARGET, BODY, BOB_SS58);
    BtAuthHeaders retry = signer.sign(METHOD, TARGET, BODY, BOB_SS58);
    assertThat(retry.nonce()).isGreaterThan(first.nonce());
    assertThat(verify(first.asMap())).isInstanceOf(Accepted.class);
    assertThat(verify(retry.asMap())).isInstanceOf(Accepted.class);
  }
}
