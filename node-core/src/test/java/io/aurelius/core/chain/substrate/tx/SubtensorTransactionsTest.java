package io.aurelius.core.chain.substrate.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.rpc.RpcSettings;
import io.aurelius.core.chain.substrate.rpc.WebSocketRpcClient;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write side end to end over a real WebSocket to the fake Substrate node on loopback, with
 * {@code author_submitAndWatchExtrinsic} scripted: what is submitted is a correctly signed
 * extrinsic of the intended call, and the receipt says accepted only when the block's events say
 * the extrinsic succeeded.
 */
class SubtensorTransactionsTest {
  static final RuntimeMetadata MD = SubtensorRecordings.v15();
  static final Weights WEIGHTS = new Weights(List.of(0, 1), List.of(65535, 100));
  static final Salt SALT = new Salt(List.of(1, 2, 3, 4, 5, 6, 7, 8));

  private final List<String> progress = new CopyOnWriteArrayList<>();
  private final Sr25519KeyPair hotkey = Sr25519KeyPair.generate();
  private ScriptedChain chain;
  private WebSocketRpcClient rpc;

  @BeforeEach
  void start() {
    chain = new ScriptedChain(MD);
    rpc = WebSocketRpcClient.create(chain.node.uri(), RpcSettings.DEFAULTS, progress::add);
  }

  @AfterEach
  void stop() {
    rpc.close();
    chain.close();
  }

  private SubtensorTransactions tx(TransactionSubmitter.Wait until) {
    return new SubtensorTransactions(
        rpc,
        () -> MD,
        1,
        new SubtensorTransactions.Settings(64, 0, until, Duration.ofSeconds(5), 9002000),
        progress::add);
  }

  @Test
  void weightsAreAcceptedOnlyOnceFinalizedAndSuccessful() {
    Receipt r = tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7);

    assertThat(chain.submitted).hasSize(1);
    byte[] ext = Bytes.fromHex(chain.submitted.get(0)).toArray();
    assertThat(r)
        .isEqualTo(
            new Receipt.Accepted(
                Bytes.of(Blake2b.digest(32, ext)).toPrefixedHex(), ScriptedChain.BLOCK_NUMBER));
    // The extrinsic: signed by the hotkey, the nonce the node gave, the set_weights call at the
    // end.
    RuntimeCall call = new SubtensorCalls(new CallEncoder(MD)).setWeights(1, WEIGHTS, 7);
    assertThat(Bytes.of(ext).hex()).endsWith(call.encoded().hex());
    byte[] account = Arrays.copyOfRange(ext, 4, 36);
    assertThat(account).isEqualTo(hotkey.publicKey().bytes());
    byte[] signature = Arrays.copyOfRange(ext, 37, 101);
    byte[] payload =
        new ExtrinsicSigner(MD)
            .signingPayload(
                call,
                new SigningContext(Bytes.fromHex(ScriptedChain.GENESIS), 343, 1),
                new TransactionParams(
                    Era.mortal(64, ScriptedChain.HEAD_NUMBER),
                    Bytes.fromHex(ScriptedChain.HEAD),
                    7,
                    0));
    assertThat(hotkey.scheme().verifier().verify(hotkey.publicKey(), payload, signature)).isTrue();
    assertThat(progress)
        .anyMatch(l -> l.startsWith("signing SubtensorModule.set_weights as "))
        .anyMatch(l -> l.contains(": in block " + ScriptedChain.BLOCK))
        .anyMatch(l -> l.equals("SubtensorModule.set_weights succeeded in block 1001 (finalized)"));
  }

  @Test
  void aDispatchFailureIsRejectedByItsNameNeverAccepted() {
    chain.failWith("SettingWeightsTooFast");
    Receipt r = tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7);
    assertThat(r.accepted()).isFalse();
    Receipt.Rejected rej = (Receipt.Rejected) r;
    assertThat(rej.reason()).isEqualTo(RejectReason.WEIGHTS_RATE_LIMIT);
    assertThat(rej.message())
        .startsWith(
            "SubtensorModule.set_weights failed in block 1001: SubtensorModule.SettingWeightsTooFast");

    chain.failWith("InvalidRevealCommitHashNotMatch");
    Receipt reveal = tx(TransactionSubmitter.Wait.IN_BLOCK).revealWeights(hotkey, WEIGHTS, SALT, 7);
    assertThat(((Receipt.Rejected) reveal).reason()).isEqualTo(RejectReason.REVEAL_MISMATCH);

    chain.failWith("AlphaHighTooLow"); // no closer reason: named in the message
    Receipt other =
        tx(TransactionSubmitter.Wait.IN_BLOCK).addStake(hotkey, KeyId.of(hotkey.publicKey()), 5);
    assertThat(((Receipt.Rejected) other).reason()).isEqualTo(RejectReason.DISPATCH_FAILED);
    assertThat(((Receipt.Rejected) other).message()).contains("SubtensorModule.AlphaHighTooLow");
  }

  @Test
  void inBlockIsEnoughWhenAskedAndFinalityOtherwise() {
    chain.statuses =
        List.of(
            ScriptedChain.text("ready"),
            ScriptedChain.hashStatus("inBlock", "0x" + "66".repeat(32)),
            ScriptedChain.hashStatus("retracted", "0x" + "66".repeat(32)),
            ScriptedChain.hashStatus("inBlock", ScriptedChain.BLOCK),
            ScriptedChain.hashStatus("finalized", ScriptedChain.BLOCK));
    assertThat(tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7).accepted())
        .isTrue();
    assertThat(progress).anyMatch(l -> l.contains("retracted from block 0x6666"));
    // Waiting for inclusion only stops at the first block (here the one later retracted).
    chain.statuses = List.of(ScriptedChain.hashStatus("inBlock", ScriptedChain.BLOCK));
    progress.clear();
    assertThat(tx(TransactionSubmitter.Wait.IN_BLOCK).setWeights(hotkey, WEIGHTS, 7).accepted())
        .isTrue();
    assertThat(progress)
        .contains("SubtensorModule.set_weights succeeded in block 1001 (best chain)");
  }

  @Test
  void aPoolRefusalIsRejectedWithTheNodesReason() {
    chain.refuse(1010, "Invalid Transaction", "Transaction has a bad signature");
    Receipt r = tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7);
    assertThat(((Receipt.Rejected) r).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    assertThat(((Receipt.Rejected) r).message())
        .isEqualTo(
            "SubtensorModule.set_weights not included: invalid: 1010 Invalid Transaction:"
                + " Transaction has a bad signature");
    chain.refuse(1010, "Invalid Transaction", "Transaction is outdated");
    assertThat(
            ((Receipt.Rejected)
                    tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7))
                .reason())
        .isEqualTo(RejectReason.WRONG_NONCE);
    chain.refuse(1010, "Invalid Transaction", "Custom error: 3");
    assertThat(
            ((Receipt.Rejected)
                    tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7))
                .reason())
        .isEqualTo(RejectReason.TRANSACTION_INVALID);
  }

  @Test
  void aStaleNonceIsSignedAgainOnceWithAFreshOne() {
    chain.refuseOnce(1010, "Invalid Transaction", "Transaction is outdated");
    chain.nonce = 7;
    Receipt r = tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7);
    assertThat(r.accepted()).isTrue();
    assertThat(progress)
        .anyMatch(
            l ->
                l.contains(
                    "refused for its nonce (1010 Invalid Transaction: Transaction is outdated); signing again once"));
    assertThat(chain.node.asked().stream().filter("system_accountNextIndex"::equals)).hasSize(2);
    assertThat(chain.submitted).hasSize(1);
    // Twice in a row is a rejection, not a loop.
    chain.refuse(1014, "Priority is too low: (10 vs 10)", "The transaction has too low priority");
    assertThat(
            ((Receipt.Rejected)
                    tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7))
                .reason())
        .isEqualTo(RejectReason.WRONG_NONCE);
  }

  @Test
  void droppedUsurpedAndInvalidStatusesAreNotIncluded() {
    for (var status :
        List.of(
            ScriptedChain.text("dropped"),
            ScriptedChain.text("invalid"),
            ScriptedChain.hashStatus("usurped", "0x" + "77".repeat(32)))) {
      chain.statuses = List.of(ScriptedChain.text("ready"), status);
      Receipt r = tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7);
      assertThat(r.accepted()).as("%s", status).isFalse();
      assertThat(((Receipt.Rejected) r).reason())
          .isIn(RejectReason.NOT_INCLUDED, RejectReason.TRANSACTION_INVALID);
    }
  }

  @Test
  void aWatchCutShortIsUnknownNeverAccepted() {
    chain.disconnectAfterFirstStatus = true;
    assertThatThrownBy(() -> tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageContaining("SubtensorModule.set_weights 0x")
        .hasMessageEndingWith("it may still be included")
        .hasMessageNotContaining("\n");
    chain.disconnectAfterFirstStatus = false;
    chain.statuses = List.of(ScriptedChain.text("ready")); // and then nothing
    assertThatThrownBy(
            () ->
                new SubtensorTransactions(
                        rpc,
                        () -> MD,
                        1,
                        new SubtensorTransactions.Settings(
                            64, 0, TransactionSubmitter.Wait.FINALIZED, Duration.ofMillis(700), 0),
                        progress::add)
                    .setWeights(hotkey, WEIGHTS, 7))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageContaining("no final status within PT0.7S; it may still be included");
  }

  @Test
  void timelockedCommitRevealIsRefusedBeforeAnythingIsSigned() {
    chain.setStorage("CommitRevealWeightsEnabled", new Value.Bool(true), Value.of(1));
    chain.setStorage("CommitRevealWeightsVersion", Value.of(4));
    assertThatThrownBy(() -> tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith(
            "subnet 1 takes weights only as commit-reveal v4 (drand-timelocked commits),"
                + " which this node does not implement");
    assertThatThrownBy(
            () -> tx(TransactionSubmitter.Wait.FINALIZED).commitWeights(hotkey, WEIGHTS, SALT, 7))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(chain.node.asked()).doesNotContain("author_submitAndWatchExtrinsic");
    // Hash-based commit-reveal (version 2) is supported: the commit carries Subtensor's hash.
    chain.setStorage("CommitRevealWeightsVersion", Value.of(2));
    assertThat(
            tx(TransactionSubmitter.Wait.FINALIZED)
                .commitWeights(hotkey, WEIGHTS, SALT, 7)
                .accepted())
        .isTrue();
    byte[] hash = CommitHash.of(KeyId.of(hotkey.publicKey()), 1, WEIGHTS, SALT, 7);
    assertThat(chain.submitted.get(0)).endsWith("07600100" + Bytes.of(hash).hex());
  }

  @Test
  void aRuntimeUpgradeIsNoticedBeforeSigning() {
    chain.specVersion = 344;
    assertThatThrownBy(() -> tx(TransactionSubmitter.Wait.FINALIZED).setWeights(hotkey, WEIGHTS, 7))
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessage(
            "runtime upgraded: the node runs spec 344, the metadata is of spec 343"
                + " (expected: the metadata reloaded before signing)");
    assertThat(chain.submitted).isEmpty();
  }

  @Test
  void registerThenServeWithAnEd25519Coldkey() {
    Ed25519KeyPair coldkey = Ed25519KeyPair.generate();
    Receipt r =
        tx(TransactionSubmitter.Wait.FINALIZED)
            .register(coldkey, hotkey, new Endpoint("203.0.113.7", 8091));
    assertThat(r.accepted()).isTrue();
    assertThat(chain.submitted).hasSize(2);
    // burned_register signed by the coldkey with an Ed25519 MultiSignature (variant 0)...
    byte[] first = Bytes.fromHex(chain.submitted.get(0)).toArray();
    assertThat(Arrays.copyOfRange(first, 4, 36)).isEqualTo(coldkey.publicKey().bytes());
    assertThat(first[36]).isEqualTo((byte) 0);
    // ...then serve_axon signed by the hotkey (Sr25519, variant 1).
    byte[] second = Bytes.fromHex(chain.submitted.get(1)).toArray();
    assertThat(Arrays.copyOfRange(second, 4, 36)).isEqualTo(hotkey.publicKey().bytes());
    assertThat(second[36]).isEqualTo((byte) 1);
    assertThat(
            ((Receipt.Rejected)
                    tx(TransactionSubmitter.Wait.FINALIZED)
                        .serveEndpoint(hotkey, new Endpoint("node.example", 8091)))
                .reason())
        .isEqualTo(RejectReason.INVALID_ENDPOINT);
  }
}
