package io.aurelius.core.chain.dev;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.extrinsic.AddStake;
import io.aurelius.core.chain.extrinsic.Call;
import io.aurelius.core.chain.extrinsic.CommitWeights;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.Register;
import io.aurelius.core.chain.extrinsic.RemoveStake;
import io.aurelius.core.chain.extrinsic.RevealWeights;
import io.aurelius.core.chain.extrinsic.ServeEndpoint;
import io.aurelius.core.chain.extrinsic.SetWeights;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.chain.extrinsic.WeightCommitHash;
import io.aurelius.core.chain.store.Block;
import io.aurelius.core.chain.store.BlockStoreException;
import io.aurelius.core.chain.store.GitBlockStore;
import io.aurelius.core.chain.store.SignedBlock;
import io.aurelius.core.chain.store.StoredBlock;
import io.aurelius.core.chain.yuma.Fixed;
import io.aurelius.core.chain.yuma.YumaOutput;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded dev chain: an in-process {@link Chain} that stands in for Subtensor on a development
 * or private network. Extrinsics are checked and applied as they arrive, into the block being
 * built; {@link #seal} signs that block with the authority key, commits it to the block repository
 * and opens the next one (running Yuma when an epoch is due). Starting from an existing data dir
 * replays and checks every block ({@link Replay}).
 *
 * <p>An accepted extrinsic is final once its block is sealed; the receipt names that block. All
 * methods are thread-safe (one lock). A read-only chain (from {@link #openReadOnly}) serves reads
 * of the data dir as of when it was opened and refuses writes.
 */
public final class DevChain implements Chain, AutoCloseable {
  private final StateMachine machine;
  private final GitBlockStore store;
  private final KeyId authorityId;
  private final Optional<Signer> authority;
  private final Optional<FileLock> lock;
  private final InstantSource clock;
  private final List<Extrinsic> pending = new ArrayList<>();
  private String headHash;
  private long headTimestamp;
  private boolean failed;
  private boolean closed;

  private DevChain(
      StateMachine machine,
      GitBlockStore store,
      KeyId authorityId,
      Optional<Signer> authority,
      Optional<FileLock> lock,
      InstantSource clock,
      String headHash,
      long headTimestamp) {
    this.machine = machine;
    this.store = store;
    this.authorityId = authorityId;
    this.authority = authority;
    this.lock = lock;
    this.clock = clock;
    this.headHash = headHash;
    this.headTimestamp = headTimestamp;
  }

  /** Starts a new chain in {@code dir} from {@code genesis}; the authority key signs its blocks. */
  public static DevChain create(
      ChainDataDir dir, Genesis genesis, Signer authority, InstantSource clock) {
    requireNonNull(dir, "dir");
    requireNonNull(genesis, "genesis");
    requireNonNull(authority, "authority");
    requireNonNull(clock, "clock");
    Genesis fixed = withAuthority(genesis, authority);
    FileLock lock = dir.lock();
    try {
      if (dir.hasChain()) {
        throw new ChainStartException(
            dir.root() + ": holds a chain already (expected: an empty data dir)");
      }
      StateMachine machine = new StateMachine(fixed);
      KeyId authorityId = KeyId.of(authority.publicKey());
      long now = clock.millis();
      Block block0 = new Block(0, "", machine.state.chainId, now, List.of(), machine.stateRoot());
      GitBlockStore store =
          GitBlockStore.create(
              dir.blocks(),
              GenesisCodec.canonicalBytes(fixed),
              SignedBlock.sign(block0, authority),
              authorityId);
      machine.openBlock(1);
      return new DevChain(
          machine,
          store,
          authorityId,
          Optional.of(authority),
          Optional.of(lock),
          clock,
          block0.hash(),
          now);
    } catch (RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /** Reopens the chain in {@code dir}, replaying and checking every block, to produce more. */
  public static DevChain open(ChainDataDir dir, Signer authority, InstantSource clock) {
    requireNonNull(dir, "dir");
    requireNonNull(authority, "authority");
    requireNonNull(clock, "clock");
    FileLock lock = dir.lock();
    try {
      GitBlockStore store = openStore(dir);
      try {
        Replay.Result r = Replay.run(store);
        KeyId given = KeyId.of(authority.publicKey());
        if (!given.equals(r.authority())) {
          throw new ChainStartException(
              dir.root()
                  + ": the authority key is "
                  + given
                  + " but the chain's authority is "
                  + r.authority());
        }
        r.machine().openBlock(r.height() + 1);
        return new DevChain(
            r.machine(),
            store,
            r.authority(),
            Optional.of(authority),
            Optional.of(lock),
            clock,
            r.headHash(),
            r.headTimestamp());
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    } catch (RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /**
   * Opens {@code dir} for a run: creates the chain from {@code genesis} if the dir has none,
   * otherwise replays it and checks that it was made from this same genesis.
   */
  public static DevChain openOrCreate(
      ChainDataDir dir, Genesis genesis, Signer authority, InstantSource clock) {
    if (!dir.hasChain()) {
      return create(dir, genesis, authority, clock);
    }
    DevChain chain = open(dir, authority, clock);
    String expected = GenesisCodec.chainId(withAuthority(genesis, authority));
    if (!chain.machine.state.chainId.equals(expected)) {
      String held = chain.machine.state.chainId;
      chain.close();
      throw new ChainStartException(
          dir.root()
              + ": holds chain "
              + held.substring(0, 12)
              + "…, but the genesis file describes chain "
              + expected.substring(0, 12)
              + "… (expected: the same genesis, or an empty data dir)");
    }
    return chain;
  }

  /** Replays {@code dir} for reading; needs no key and takes no lock. */
  public static DevChain openReadOnly(ChainDataDir dir) {
    GitBlockStore store = openStore(dir);
    try {
      Replay.Result r = Replay.run(store);
      r.machine().openBlock(r.height() + 1);
      return new DevChain(
          r.machine(),
          store,
          r.authority(),
          Optional.empty(),
          Optional.empty(),
          InstantSource.system(),
          r.headHash(),
          r.headTimestamp());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static GitBlockStore openStore(ChainDataDir dir) {
    try {
      return GitBlockStore.open(dir.blocks());
    } catch (BlockStoreException e) {
      throw new ChainStartException(e.getMessage() + "; refusing to start", e);
    }
  }

  private static Genesis withAuthority(Genesis genesis, Signer authority) {
    KeyId key = KeyId.of(authority.publicKey());
    if (genesis.authority().isPresent() && !genesis.authority().get().equals(key)) {
      throw new ChainStartException(
          "genesis names authority "
              + genesis.authority().get()
              + " but the authority key is "
              + key);
    }
    return genesis.withAuthority(key);
  }

  /** Checks and applies an extrinsic to the block being built, or rejects it unchanged. */
  public synchronized Receipt submit(Extrinsic x) {
    requireNonNull(x, "x");
    checkWritable();
    Receipt receipt = machine.apply(x);
    if (receipt.accepted()) {
      pending.add(x);
    }
    return receipt;
  }

  /** Signs and stores the block being built, then opens the next one. */
  public synchronized SealedBlock seal() {
    checkWritable();
    ChainState s = machine.state;
    long timestamp = Math.max(clock.millis(), headTimestamp);
    Block block =
        new Block(
            s.block, headHash, s.chainId, timestamp, List.copyOf(pending), machine.stateRoot());
    try {
      store.append(SignedBlock.sign(block, authority.orElseThrow()), authorityId);
    } catch (RuntimeException e) {
      failed = true; // the state holds extrinsics no block records; stop rather than diverge
      throw e;
    }
    pending.clear();
    headHash = block.hash();
    headTimestamp = timestamp;
    Optional<YumaOutput> epoch = machine.openBlock(block.number() + 1);
    Optional<SealedBlock.EpochSummary> summary =
        epoch.map(
            out ->
                new SealedBlock.EpochSummary(
                    s.block,
                    s.epochs,
                    s.neurons.stream().mapToLong(n -> n.emission).sum(),
                    (int) s.neurons.stream().filter(n -> n.permit).count(),
                    s.size()));
    return new SealedBlock(block.number(), block.extrinsics().size(), headHash, summary);
  }

  private void checkWritable() {
    if (closed) {
      throw new IllegalStateException("the chain is closed");
    }
    if (authority.isEmpty()) {
      throw new IllegalStateException("this chain was opened read-only");
    }
    if (failed) {
      throw new IllegalStateException("the chain stopped after a block could not be stored");
    }
  }

  /** The chain id that extrinsics sign over. */
  public synchronized String chainId() {
    return machine.state.chainId;
  }

  /** The number of the block being built (the one accepted extrinsics join). */
  public synchronized long pendingBlock() {
    return machine.state.block;
  }

  public synchronized SubnetParams params() {
    return machine.state.params;
  }

  /** The next nonce of an account, counting extrinsics accepted into the block being built. */
  public synchronized long nonce(KeyId account) {
    return machine.state.nonce(account);
  }

  /** Block {@code number} as stored (signed canonical JSON). */
  public synchronized StoredBlock block(long number) {
    return store.read(number);
  }

  @Override
  public synchronized ChainInfo info() {
    SubnetParams p = machine.state.params;
    WeightSetting setting =
        p.commitRevealEnabled()
            ? new WeightSetting.CommitReveal(p.revealPeriodEpochs(), p.weightsRateLimit())
            : new WeightSetting.Direct(p.weightsRateLimit());
    return new ChainInfo(
        machine.state.chainId,
        p.netuid(),
        p.tempo(),
        p.blockIntervalMillis(),
        currentBlock(),
        setting,
        authorityId);
  }

  @Override
  public synchronized long currentBlock() {
    return machine.state.block - 1;
  }

  /** The metagraph as of the block being built (accepted extrinsics included). */
  @Override
  public synchronized Metagraph metagraph(boolean withWeights) {
    ChainState s = machine.state;
    List<NeuronInfo> neurons = new ArrayList<>(s.size());
    for (int uid = 0; uid < s.size(); uid++) {
      ChainState.Neuron n = s.neurons.get(uid);
      List<NeuronInfo.UidWeight> weights = new ArrayList<>();
      if (withWeights) {
        for (int k = 0; k < n.weightUids.length; k++) {
          weights.add(new NeuronInfo.UidWeight(n.weightUids[k], n.weightValues[k]));
        }
      }
      neurons.add(
          new NeuronInfo(
              uid,
              n.hotkey,
              s.hotkeys.get(n.hotkey).scheme,
              s.hotkeys.get(n.hotkey).owner,
              n.role,
              n.endpoint,
              s.stake(n.hotkey),
              n.active,
              n.permit,
              Fixed.toDouble(n.consensus),
              Fixed.toDouble(n.validatorTrust),
              Fixed.toDouble(n.incentive),
              Fixed.toDouble(n.dividends),
              n.emission,
              n.lastUpdate,
              n.registeredAt,
              s.isImmune(uid),
              weights));
    }
    return new Metagraph(s.params.netuid(), s.block, neurons);
  }

  @Override
  public synchronized Optional<AccountInfo> account(KeyId account) {
    requireNonNull(account, "account");
    ChainState s = machine.state;
    List<AccountInfo.HotkeyStake> stakes = new ArrayList<>();
    for (Map.Entry<KeyId, ChainState.Hotkey> e : s.hotkeys.entrySet()) {
      if (e.getValue().owner.equals(account)) {
        stakes.add(new AccountInfo.HotkeyStake(e.getKey(), e.getValue().stake));
      }
    }
    if (!s.accounts.containsKey(account) && stakes.isEmpty() && !s.hotkeys.containsKey(account)) {
      return Optional.empty();
    }
    return Optional.of(new AccountInfo(account, s.balance(account), s.nonce(account), stakes));
  }

  /** Total issuance: balances plus stake. */
  public synchronized long issuance() {
    return machine.state.issuance;
  }

  @Override
  public Receipt register(Signer coldkey, Signer hotkey, Role role, Endpoint endpoint) {
    requireNonNull(hotkey, "hotkey");
    synchronized (this) {
      int netuid = machine.state.params.netuid();
      byte[] proof =
          hotkey.sign(Register.proofMessage(chainId(), netuid, KeyId.of(coldkey.publicKey())));
      return signAndSubmit(
          coldkey,
          new Register(
              netuid,
              KeyId.of(hotkey.publicKey()),
              hotkey.scheme(),
              role,
              endpoint,
              HexFormat.of().formatHex(proof)));
    }
  }

  @Override
  public Receipt serveEndpoint(Signer hotkey, Endpoint endpoint) {
    return signAndSubmit(hotkey, new ServeEndpoint(params().netuid(), endpoint));
  }

  @Override
  public Receipt setWeights(Signer hotkey, Weights weights, long versionKey) {
    return signAndSubmit(hotkey, new SetWeights(params().netuid(), weights, versionKey));
  }

  @Override
  public Receipt commitWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    int netuid = params().netuid();
    String hash =
        WeightCommitHash.of(KeyId.of(hotkey.publicKey()), netuid, weights, salt, versionKey);
    return signAndSubmit(hotkey, new CommitWeights(netuid, hash));
  }

  @Override
  public Receipt revealWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    return signAndSubmit(hotkey, new RevealWeights(params().netuid(), weights, salt, versionKey));
  }

  @Override
  public Receipt addStake(Signer coldkey, KeyId hotkey, long amount) {
    return signAndSubmit(coldkey, new AddStake(hotkey, amount));
  }

  @Override
  public Receipt removeStake(Signer coldkey, KeyId hotkey, long amount) {
    return signAndSubmit(coldkey, new RemoveStake(hotkey, amount));
  }

  @Override
  public Receipt transfer(Signer coldkey, KeyId to, long amount) {
    return signAndSubmit(coldkey, new Transfer(to, amount));
  }

  private synchronized Receipt signAndSubmit(Signer key, Call call) {
    requireNonNull(key, "key");
    long nonce = machine.state.nonce(KeyId.of(key.publicKey()));
    return submit(Extrinsic.sign(chainId(), key, nonce, call));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    store.close();
    lock.ifPresent(DevChain::release);
  }

  private static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      // closing the channel releases the lock; nothing else to do
    }
  }

  @Override
  public String toString() {
    return "DevChain["
        + machine.state.chainId.substring(0, 12)
        + "…, block "
        + machine.state.block
        + ", "
        + machine.state.size()
        + " UIDs]";
  }
}
