package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.metadata.Constant;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.StorageEntry;
import io.aurelius.core.chain.substrate.rpc.SubstrateRpc;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.storage.StorageKey;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueDecoder;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The write side of a Subtensor chain for one subnet: each method builds the call from the
 * metadata, signs it as a mortal v4 extrinsic (nonce from {@code system_accountNextIndex}, era from
 * the finalized head, genesis hash and runtime versions from the node), submits and watches it, and
 * answers a {@link Receipt}: accepted only when the extrinsic was dispatched successfully in a
 * block (finalized, or in the best chain when {@link Settings#until()} says so), otherwise rejected
 * with the reason decoded from the chain. When the outcome cannot be known (connection lost while
 * watching), {@link ChainUnavailableException}; it is never reported as accepted.
 *
 * <p>Weights: a subnet whose commit-reveal is on with version 3 or later (drand-timelocked commits)
 * is refused before anything is signed ({@link #checkWeightsSupported()}); hash-based commit-reveal
 * and direct {@code set_weights} are supported.
 */
public final class SubtensorTransactions {
  /** Timelocked commit-reveal (drand) starts at this {@code CommitRevealWeightsVersion}. */
  public static final int TIMELOCKED_COMMIT_REVEAL = 3;

  /**
   * @param eraPeriod blocks a transaction stays valid (rounded up to a power of two)
   * @param tip rao offered to the block author
   * @param until inclusion or finality
   * @param timeout longest wait for each answer and for a whole watch
   * @param axonVersion the version number served with the axon
   */
  public record Settings(
      long eraPeriod,
      long tip,
      TransactionSubmitter.Wait until,
      Duration timeout,
      long axonVersion) {
    public static final Settings DEFAULTS =
        new Settings(64, 0, TransactionSubmitter.Wait.FINALIZED, Duration.ofMinutes(2), 0);

    public Settings {
      requireNonNull(until, "until");
      requireNonNull(timeout, "timeout");
      if (eraPeriod < 4 || eraPeriod > 65536) {
        throw new IllegalArgumentException("era period: " + eraPeriod + " (expected: 4..65536)");
      }
    }
  }

  private final SubstrateRpc rpc;
  private final Supplier<RuntimeMetadata> metadata;
  private final int netuid;
  private final Settings settings;
  private final Consumer<String> progress;
  private volatile Bytes genesis;

  /**
   * @param metadata the current runtime's metadata (asked before every transaction, so a caller
   *     that reloads it after a runtime upgrade is followed)
   */
  public SubtensorTransactions(
      SubstrateRpc rpc,
      Supplier<RuntimeMetadata> metadata,
      int netuid,
      Settings settings,
      Consumer<String> progress) {
    this.rpc = requireNonNull(rpc, "rpc");
    this.metadata = requireNonNull(metadata, "metadata");
    this.netuid = netuid;
    this.settings = requireNonNull(settings, "settings");
    this.progress = requireNonNull(progress, "progress");
  }

  /** {@code burned_register} of {@code hotkey} by {@code coldkey}, then serving the endpoint. */
  public Receipt register(Signer coldkey, Signer hotkey, Endpoint endpoint) {
    Receipt registered =
        submit(coldkey, c -> c.burnedRegister(netuid, KeyId.of(hotkey.publicKey())));
    if (!registered.accepted() || !endpoint.serving()) {
      return registered;
    }
    return serveEndpoint(hotkey, endpoint);
  }

  public Receipt serveEndpoint(Signer hotkey, Endpoint endpoint) {
    try {
      SubtensorCalls.Ip.of(endpoint.host());
    } catch (IllegalArgumentException e) {
      return new Receipt.Rejected(RejectReason.INVALID_ENDPOINT, e.getMessage());
    }
    return submit(hotkey, c -> c.serveAxon(netuid, endpoint, settings.axonVersion()));
  }

  public Receipt setWeights(Signer hotkey, Weights weights, long versionKey) {
    checkWeightsSupported();
    return submit(hotkey, c -> c.setWeights(netuid, weights, versionKey));
  }

  public Receipt commitWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    checkWeightsSupported();
    byte[] hash = CommitHash.of(KeyId.of(hotkey.publicKey()), netuid, weights, salt, versionKey);
    return submit(hotkey, c -> c.commitWeights(netuid, hash));
  }

  public Receipt revealWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    checkWeightsSupported();
    return submit(hotkey, c -> c.revealWeights(netuid, weights, salt.values(), versionKey));
  }

  public Receipt addStake(Signer coldkey, KeyId hotkey, long rao) {
    return submit(coldkey, c -> c.addStake(hotkey, netuid, rao));
  }

  public Receipt removeStake(Signer coldkey, KeyId hotkey, long rao) {
    return submit(coldkey, c -> c.removeStake(hotkey, netuid, rao));
  }

  public Receipt transfer(Signer coldkey, KeyId to, long rao) {
    return submit(coldkey, c -> c.transferKeepAlive(to, rao));
  }

  /**
   * Refuses, in one line, a subnet that takes weights only as drand-timelocked commits
   * (commit-reveal v3/v4), which this node does not implement; a validator calls it before its
   * first epoch.
   */
  public void checkWeightsSupported() {
    RuntimeMetadata md = metadata.get();
    boolean enabled =
        md.storageEntry("SubtensorModule", "CommitRevealWeightsEnabled").isPresent()
            && readStorage(md, "CommitRevealWeightsEnabled", Value.of(netuid))
                instanceof Value.Bool b
            && b.value();
    if (!enabled || md.storageEntry("SubtensorModule", "CommitRevealWeightsVersion").isEmpty()) {
      return;
    }
    long version = readStorage(md, "CommitRevealWeightsVersion").asLong();
    if (version >= TIMELOCKED_COMMIT_REVEAL) {
      throw new UnsupportedOperationException(
          "subnet "
              + netuid
              + " takes weights only as commit-reveal v"
              + version
              + " (drand-timelocked commits), which this node does not implement"
              + " (expected: a subnet with commit-reveal off, or hash-based; see docs/chain.md)");
    }
  }

  private interface CallFactory {
    RuntimeCall build(SubtensorCalls calls);
  }

  /**
   * Signs, submits and watches one call. Serialized, so two writes of one account never take the
   * same nonce; a pool refusal for the nonce (never included, nothing paid) is signed again once
   * with a fresh one.
   */
  private synchronized Receipt submit(Signer signer, CallFactory factory) {
    RuntimeMetadata md = metadata.get();
    RuntimeCall call = factory.build(new SubtensorCalls(new CallEncoder(md)));
    SigningContext context = context(md);
    TransactionSubmitter submitter =
        new TransactionSubmitter(rpc, md, settings.timeout(), progress);
    for (int attempt = 1; ; attempt++) {
      TransactionOutcome outcome =
          submitter.submit(sign(md, submitter, call, signer, context), settings.until());
      if (outcome instanceof TransactionOutcome.Included in) {
        if (in.succeeded()) {
          return new Receipt.Accepted(in.extrinsicHash().toPrefixedHex(), in.blockNumber());
        }
        DispatchFailure f = in.failure().orElseThrow();
        return new Receipt.Rejected(
            f.reason(),
            call
                + " failed in block "
                + in.blockNumber()
                + ": "
                + f.name()
                + (f.docs().isEmpty() ? "" : " (" + f.docs() + ")"));
      }
      TransactionOutcome.NotIncluded n = (TransactionOutcome.NotIncluded) outcome;
      if (attempt == 1 && n.reason() == RejectReason.WRONG_NONCE) {
        progress.accept(call + ": refused for its nonce (" + n.detail() + "); signing again once");
        continue;
      }
      return new Receipt.Rejected(
          n.reason(), call + " not included: " + n.status() + ": " + n.detail());
    }
  }

  /** A mortal extrinsic from the finalized head, with the account's next nonce. */
  private SignedExtrinsic sign(
      RuntimeMetadata md,
      TransactionSubmitter submitter,
      RuntimeCall call,
      Signer signer,
      SigningContext context) {
    KeyId sender = KeyId.of(signer.publicKey());
    JsonNode head = rpc.call("chain_getFinalizedHead", List.of(), settings.timeout());
    JsonNode header = rpc.call("chain_getHeader", List.of(head), settings.timeout());
    long number =
        hexNumber(header == null ? null : header.path("number"), "chain_getHeader number");
    Era era = Era.mortal(settings.eraPeriod(), number);
    long birth = era.birth(number);
    Bytes birthHash = birth == number ? hash(head, "chain_getFinalizedHead") : blockHash(birth);
    long nonce = submitter.nextNonce(sender);
    progress.accept(
        "signing "
            + call
            + " as "
            + sender.shortForm()
            + ": nonce "
            + nonce
            + ", mortal from block "
            + birth
            + " for "
            + ((Era.Mortal) era).period()
            + " blocks, spec "
            + context.specVersion());
    return new ExtrinsicSigner(md)
        .sign(call, signer, context, new TransactionParams(era, birthHash, nonce, settings.tip()));
  }

  /** Genesis hash and the node's runtime versions, checked against the metadata's own version. */
  private SigningContext context(RuntimeMetadata md) {
    if (genesis == null) {
      genesis = blockHash(0);
    }
    JsonNode version = rpc.call("state_getRuntimeVersion", List.of(), settings.timeout());
    if (version == null
        || !version.path("specVersion").canConvertToLong()
        || !version.path("transactionVersion").canConvertToLong()) {
      throw new ChainUnavailableException(
          "state_getRuntimeVersion: "
              + version
              + " (expected: an object with specVersion and transactionVersion)");
    }
    long spec = version.path("specVersion").asLong();
    long tx = version.path("transactionVersion").asLong();
    long metadataSpec = specVersion(md);
    if (spec != metadataSpec) {
      throw new ChainUnavailableException(
          "runtime upgraded: the node runs spec "
              + spec
              + ", the metadata is of spec "
              + metadataSpec
              + " (expected: the metadata reloaded before signing)");
    }
    return new SigningContext(genesis, spec, tx);
  }

  private static long specVersion(RuntimeMetadata md) {
    Constant c =
        md.constant("System", "Version")
            .orElseThrow(() -> new IllegalStateException("System.Version: not in the metadata"));
    Value v = new ValueDecoder(md.types()).decode(c.type(), c.value());
    return ((Value.Composite) v).field("spec_version").orElseThrow().asLong();
  }

  private Bytes blockHash(long number) {
    return hash(
        rpc.call("chain_getBlockHash", List.of(number), settings.timeout()),
        "chain_getBlockHash " + number);
  }

  private Value readStorage(RuntimeMetadata md, String entry, Value... keys) {
    StorageEntry e = md.storageEntry("SubtensorModule", entry).orElseThrow();
    StorageKey key = StorageKey.of(md, "SubtensorModule", entry, keys);
    JsonNode raw =
        rpc.call("state_getStorage", List.of(key.bytes().toPrefixedHex()), settings.timeout());
    Bytes bytes = raw == null || raw.isNull() ? e.defaultValue() : Bytes.fromHex(raw.asText());
    return new ValueDecoder(md.types()).decode(e.valueType(), bytes).unwrapped();
  }

  private static Bytes hash(JsonNode node, String what) {
    if (node == null || !node.isTextual()) {
      throw new ChainUnavailableException(what + ": " + node + " (expected: a 0x-hex block hash)");
    }
    Bytes b = Bytes.fromHex(node.textValue());
    if (b.length() != 32) {
      throw new ChainUnavailableException(what + ": " + b.length() + "-byte hash (expected: 32)");
    }
    return b;
  }

  private static long hexNumber(JsonNode node, String what) {
    String s = node == null ? "" : node.asText("");
    if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
      throw new ChainUnavailableException(what + ": '" + s + "' (expected: a 0x-hex block number)");
    }
    try {
      return Long.parseLong(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new ChainUnavailableException(what + ": '" + s + "' (expected: a 0x-hex block number)");
    }
  }
}
