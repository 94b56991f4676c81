package io.aurelius.core.chain.subtensor;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.rpc.RpcSettings;
import io.aurelius.core.chain.substrate.rpc.SubstrateRpc;
import io.aurelius.core.chain.substrate.rpc.WebSocketRpcClient;
import io.aurelius.core.chain.substrate.runtime.BlockRef;
import io.aurelius.core.chain.substrate.runtime.RuntimeVersion;
import io.aurelius.core.chain.substrate.runtime.SubstrateRuntime;
import io.aurelius.core.chain.substrate.tx.SubtensorTransactions;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link Chain} of one subnet on Subtensor. Reads are real: the metagraph of the node's best
 * block (read once per block), the chain info from it and the genesis hash, accounts from {@code
 * System.Account}. Writes are signed extrinsics ({@link SubtensorTransactions}): mortal, submitted
 * and watched to finality, accepted only when dispatched successfully, rejected with the chain's
 * error by name otherwise.
 *
 * <p>{@link ChainInfo#chainId()} is the genesis hash; {@link ChainInfo#authority()} is the subnet
 * owner's hotkey (Subtensor has no single block authority); blocks come every 12 s.
 */
public final class SubtensorChain implements Chain, AutoCloseable {
  public static final long BLOCK_INTERVAL_MILLIS = 12_000;
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private final SubstrateRuntime runtime;
  private final MetagraphReader reader;
  private final int netuid;
  private final SubtensorTransactions transactions;
  private volatile String genesis;
  private volatile SubnetMetagraph latest;

  public SubtensorChain(SubstrateRuntime runtime, int netuid, Consumer<String> progress) {
    this.runtime = requireNonNull(runtime, "runtime");
    if (netuid < 0 || netuid > 0xffff) {
      throw new IllegalArgumentException("netuid: " + netuid + " (expected: 0..65535)");
    }
    this.netuid = netuid;
    this.reader = new MetagraphReader(runtime, progress);
    this.transactions =
        new SubtensorTransactions(
            runtime.rpc(),
            () -> runtime.metadata(runtime.head()),
            netuid,
            SubtensorTransactions.Settings.DEFAULTS,
            progress);
  }

  /** A chain over a new connection to {@code network}; closing the chain closes it. */
  public static SubtensorChain connect(
      SubtensorNetwork network, int netuid, Consumer<String> progress) {
    requireNonNull(network, "network");
    SubstrateRpc rpc = WebSocketRpcClient.create(network.uri(), RpcSettings.DEFAULTS, progress);
    return new SubtensorChain(new SubstrateRuntime(rpc, CALL_TIMEOUT, progress), netuid, progress);
  }

  public int netuid() {
    return netuid;
  }

  public SubstrateRuntime runtime() {
    return runtime;
  }

  /** The hash of block 0: which chain this is. */
  public String genesisHash() {
    String g = genesis;
    if (g == null) {
      g = runtime.genesisHash();
      genesis = g;
    }
    return g;
  }

  public RuntimeVersion runtimeVersion() {
    return runtime.version(runtime.head());
  }

  /** The subnet at the node's best block, read once per block. */
  public SubnetMetagraph subnet() {
    BlockRef head = runtime.head();
    SubnetMetagraph m = latest;
    if (m != null && m.blockHash().equals(head.hash())) {
      return m;
    }
    m = reader.read(netuid, head);
    latest = m;
    return m;
  }

  @Override
  public ChainInfo info() {
    SubnetMetagraph m = subnet();
    SubnetHyperparameters hp = m.hyperparameters();
    WeightSetting setting =
        hp.commitRevealEnabled()
            ? new WeightSetting.CommitReveal(hp.commitRevealPeriod(), hp.weightsRateLimit())
            : new WeightSetting.Direct(hp.weightsRateLimit());
    return new ChainInfo(
        genesisHash(),
        netuid,
        hp.tempo(),
        BLOCK_INTERVAL_MILLIS,
        m.block(),
        setting,
        m.ownerHotkey());
  }

  /** The node's best block (as the SDK's current block). */
  @Override
  public long currentBlock() {
    return runtime.head().number();
  }

  @Override
  public Metagraph metagraph(boolean withWeights) {
    if (withWeights) {
      throw new UnsupportedOperationException(
          "metagraph with weights: not read from Subtensor yet (the metagraph without weights is)");
    }
    return subnet().toMetagraph();
  }

  /**
   * Free balance and nonce from {@code System.Account}; the per-hotkey stakes are not read from
   * Subtensor yet and come back empty.
   */
  @Override
  public Optional<AccountInfo> account(KeyId account) {
    requireNonNull(account, "account");
    BlockRef head = runtime.head();
    Optional<Value> stored =
        runtime.storage(head, "System", "Account", Value.bytes(account.accountBytes()));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Fields f = new Fields("System.Account of " + account, stored.get());
    long nonce = f.number("nonce");
    long free = new Fields("System.Account data", f.get("data")).number("free");
    if (nonce == 0 && free == 0 && f.number("providers") == 0) {
      return Optional.empty();
    }
    return Optional.of(new AccountInfo(account, free, nonce, List.of()));
  }

  /**
   * Registers with {@code burned_register} (signed by the coldkey), then serves the endpoint with
   * {@code serve_axon} (signed by the hotkey). Subtensor has no role: validators are the UIDs with
   * a validator permit, so {@code role} is not sent.
   */
  @Override
  public Receipt register(Signer coldkey, Signer hotkey, Role role, Endpoint endpoint) {
    return transactions.register(coldkey, hotkey, endpoint);
  }

  @Override
  public Receipt serveEndpoint(Signer hotkey, Endpoint endpoint) {
    return transactions.serveEndpoint(hotkey, endpoint);
  }

  @Override
  public Receipt setWeights(Signer hotkey, Weights weights, long versionKey) {
    return transactions.setWeights(hotkey, weights, versionKey);
  }

  @Override
  public Receipt commitWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    return transactions.commitWeights(hotkey, weights, salt, versionKey);
  }

  @Override
  public Receipt revealWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    return transactions.revealWeights(hotkey, weights, salt, versionKey);
  }

  /** Stake on this chain's subnet (with dynamic TAO, stake is per subnet); amounts in rao. */
  @Override
  public Receipt addStake(Signer coldkey, KeyId hotkey, long amount) {
    return transactions.addStake(coldkey, hotkey, amount);
  }

  @Override
  public Receipt removeStake(Signer coldkey, KeyId hotkey, long amount) {
    return transactions.removeStake(coldkey, hotkey, amount);
  }

  @Override
  public Receipt transfer(Signer coldkey, KeyId to, long amount) {
    return transactions.transfer(coldkey, to, amount);
  }

  /**
   * Refuses in one line a subnet that takes weights only as drand-timelocked commits (commit-reveal
   * v3/v4), which this node does not implement; a validator calls it before its first epoch.
   */
  @Override
  public void checkWeightsSupported() {
    transactions.checkWeightsSupported();
  }

  @Override
  public void close() {
    runtime.rpc().close();
  }
}
