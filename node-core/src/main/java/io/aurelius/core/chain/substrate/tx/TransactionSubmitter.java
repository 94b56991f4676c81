package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.StorageEntry;
import io.aurelius.core.chain.substrate.rpc.RpcErrorResponse;
import io.aurelius.core.chain.substrate.rpc.RpcException;
import io.aurelius.core.chain.substrate.rpc.Subscription;
import io.aurelius.core.chain.substrate.rpc.SubstrateRpc;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.storage.StorageKey;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueDecoder;
import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Submits signed extrinsics with {@code author_submitAndWatchExtrinsic} and follows their status to
 * inclusion in a block or to finality, then reads the result from the block: the extrinsic's index
 * among the block's extrinsics and its {@code System.ExtrinsicSuccess} or {@code ExtrinsicFailed}
 * event in {@code System.Events} at that block, the failure decoded by name through the metadata.
 *
 * <p>Submitting is never repeated here: when the watch ends without an answer (connection lost,
 * timeout, {@code finalityTimeout}), whether the extrinsic took effect is unknown and a {@link
 * ChainUnavailableException} says so; it is never reported as included.
 */
public final class TransactionSubmitter {
  /** How far to follow an extrinsic. */
  public enum Wait {
    /** Until it is in a block of the best chain (which a reorganisation may still drop). */
    IN_BLOCK,
    /** Until its block is finalized. */
    FINALIZED
  }

  private final SubstrateRpc rpc;
  private final RuntimeMetadata metadata;
  private final Duration timeout;
  private final Consumer<String> progress;

  /**
   * @param timeout the longest wait for each answer and for the whole watch
   * @param progress told each network-facing step, one line each
   */
  public TransactionSubmitter(
      SubstrateRpc rpc, RuntimeMetadata metadata, Duration timeout, Consumer<String> progress) {
    this.rpc = requireNonNull(rpc, "rpc");
    this.metadata = requireNonNull(metadata, "metadata");
    this.timeout = requireNonNull(timeout, "timeout");
    this.progress = requireNonNull(progress, "progress");
  }

  /**
   * The account's next nonce, counting its extrinsics in the pool ({@code
   * system_accountNextIndex}).
   */
  public long nextNonce(KeyId account) {
    JsonNode n = rpc.call("system_accountNextIndex", List.of(account.address()), timeout);
    if (n == null || !n.canConvertToLong() || n.asLong() < 0) {
      throw new ChainUnavailableException(
          "system_accountNextIndex: " + n + " (expected: a non-negative integer nonce)");
    }
    return n.asLong();
  }

  public TransactionOutcome submit(SignedExtrinsic ext, Wait wait) {
    requireNonNull(ext, "ext");
    requireNonNull(wait, "wait");
    String label = ext.call() + " " + ext.hash().toPrefixedHex();
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    Subscription sub;
    progress.accept(
        "submitting "
            + label
            + " from "
            + ext.signer().shortForm()
            + " (nonce "
            + ext.nonce()
            + ")");
    try {
      sub =
          rpc.subscribe(
              "author_submitAndWatchExtrinsic",
              List.of(ext.encoded().toPrefixedHex()),
              "author_unwatchExtrinsic",
              events::add,
              events::add,
              timeout);
    } catch (RpcErrorResponse e) {
      // 1013 "already imported": an identical extrinsic is in the pool and may still be included.
      if (e.code() == 1013) {
        throw new ChainUnavailableException(
            label + ": already in the pool; its outcome is not known here", e);
      }
      progress.accept("refused by the pool: " + e.getMessage());
      return new TransactionOutcome.NotIncluded(ext.hash(), "invalid", poolReason(e));
    }
    try (sub) {
      return watch(ext, wait, label, events);
    }
  }

  private TransactionOutcome watch(
      SignedExtrinsic ext, Wait wait, String label, BlockingQueue<Object> events) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Object next;
      try {
        next = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChainUnavailableException(label + ": interrupted while watching", e);
      }
      if (next == null) {
        throw new ChainUnavailableException(
            label + ": no final status within " + timeout + "; it may still be included");
      }
      if (next instanceof RpcException e) {
        throw new ChainUnavailableException(
            label + ": watch ended (" + e.getMessage() + "); it may still be included", e);
      }
      ExtrinsicStatus status;
      try {
        status = ExtrinsicStatus.parse((JsonNode) next);
      } catch (IllegalArgumentException e) {
        throw new ChainUnavailableException(label + ": " + e.getMessage(), e);
      }
      progress.accept(label + ": " + describe(status));
      if (status instanceof ExtrinsicStatus.InBlock in && wait == Wait.IN_BLOCK) {
        return included(ext, in.block(), false);
      } else if (status instanceof ExtrinsicStatus.Finalized f) {
        return included(ext, f.block(), true);
      } else if (status instanceof ExtrinsicStatus.Ended e) {
        if (e.name().equals("finalityTimeout")) {
          throw new ChainUnavailableException(
              label + ": its block was not finalized in time; whether it took effect is unknown");
        }
        return new TransactionOutcome.NotIncluded(ext.hash(), e.name(), describe(status));
      }
    }
  }

  private TransactionOutcome.Included included(
      SignedExtrinsic ext, Bytes block, boolean finalized) {
    JsonNode answer = rpc.call("chain_getBlock", List.of(block.toPrefixedHex()), timeout);
    JsonNode header = answer == null ? null : answer.path("block").path("header");
    JsonNode extrinsics = answer == null ? null : answer.path("block").path("extrinsics");
    if (header == null || !header.path("number").isTextual() || !extrinsics.isArray()) {
      throw new ChainUnavailableException(
          "chain_getBlock "
              + block.toPrefixedHex()
              + ": no header number or extrinsics"
              + " (expected: a block)");
    }
    long number = Long.parseLong(header.path("number").textValue().substring(2), 16);
    int index = -1;
    byte[] want = ext.hash().toArray();
    for (int i = 0; i < extrinsics.size(); i++) {
      byte[] raw = Bytes.fromHex(extrinsics.get(i).asText()).toArray();
      if (Arrays.equals(Blake2b.digest(32, raw), want)) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      throw new ChainUnavailableException(
          "block "
              + number
              + " "
              + block.toPrefixedHex()
              + " does not contain extrinsic "
              + ext.hash().toPrefixedHex()
              + " (expected: the block the node reported it in)");
    }
    Optional<DispatchFailure> failure = result(block, number, index);
    String outcome = failure.map(f -> "failed: " + f.name()).orElse("succeeded");
    progress.accept(
        ext.call()
            + " "
            + outcome
            + " in block "
            + number
            + (finalized ? " (finalized)" : " (best chain)"));
    return new TransactionOutcome.Included(ext.hash(), block, number, index, finalized, failure);
  }

  /** The ExtrinsicSuccess or ExtrinsicFailed event of extrinsic {@code index} in the block. */
  private Optional<DispatchFailure> result(Bytes block, long number, int index) {
    StorageEntry entry =
        metadata
            .storageEntry("System", "Events")
            .orElseThrow(() -> new IllegalStateException("System.Events: not in the metadata"));
    StorageKey key = StorageKey.of(metadata, "System", "Events");
    JsonNode raw =
        rpc.call(
            "state_getStorage",
            List.of(key.bytes().toPrefixedHex(), block.toPrefixedHex()),
            timeout);
    if (raw == null || !raw.isTextual()) {
      throw new ChainUnavailableException(
          "System.Events at block " + number + ": " + raw + " (expected: 0x-hex SCALE)");
    }
    try {
      return result(
          new ValueDecoder(metadata.types())
              .decode(entry.valueType(), Bytes.fromHex(raw.textValue())),
          index,
          number);
    } catch (RuntimeException e) {
      if (e instanceof ChainUnavailableException) {
        throw e;
      }
      // Events that do not decode with this metadata: the extrinsic's outcome is unknown.
      throw new ChainUnavailableException(
          "System.Events at block " + number + ": " + e.getMessage() + "; outcome unknown", e);
    }
  }

  private Optional<DispatchFailure> result(Value decoded, int index, long number) {
    for (Value record : ((Value.Sequence) decoded).items()) {
      Value.Composite r = (Value.Composite) record;
      if (!(r.field("phase").orElseThrow() instanceof Value.Variant phase)
          || !phase.name().equals("ApplyExtrinsic")
          || phase.fields().get(0).value().asLong() != index) {
        continue;
      }
      Value.Variant event = (Value.Variant) r.field("event").orElseThrow();
      if (!event.name().equals("System")) {
        continue;
      }
      Value.Variant system = (Value.Variant) event.fields().get(0).value();
      if (system.name().equals("ExtrinsicSuccess")) {
        return Optional.empty();
      }
      if (system.name().equals("ExtrinsicFailed")) {
        return Optional.of(DispatchFailure.of(system.fields().get(0).value(), metadata));
      }
    }
    throw new ChainUnavailableException(
        "System.Events at block "
            + number
            + ": no ExtrinsicSuccess or ExtrinsicFailed for extrinsic "
            + index
            + " (expected: one)");
  }

  private static String describe(ExtrinsicStatus s) {
    if (s instanceof ExtrinsicStatus.Pooled p) {
      return p.name();
    } else if (s instanceof ExtrinsicStatus.InBlock b) {
      return "in block " + b.block().toPrefixedHex();
    } else if (s instanceof ExtrinsicStatus.Retracted r) {
      return "retracted from block " + r.block().toPrefixedHex();
    } else if (s instanceof ExtrinsicStatus.Finalized f) {
      return "finalized in block " + f.block().toPrefixedHex();
    }
    ExtrinsicStatus.Ended e = (ExtrinsicStatus.Ended) s;
    return e.name() + e.block().map(b -> " by " + b.toPrefixedHex()).orElse("");
  }

  /** The pool's reason: the error's data when it has one ("Transaction has a bad signature"). */
  private static String poolReason(RpcErrorResponse e) {
    return e.code()
        + " "
        + e.errorMessage()
        + e.data().map(d -> ": " + (d.isTextual() ? d.textValue() : d.toString())).orElse("");
  }
}
