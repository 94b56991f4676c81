package io.aurelius.core.chain.dev;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.store.Block;
import io.aurelius.core.chain.store.BlockCodec;
import io.aurelius.core.chain.store.BlockStoreException;
import io.aurelius.core.chain.store.GitBlockStore;
import io.aurelius.core.chain.store.SignedBlock;
import io.aurelius.core.chain.store.StoredBlock;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.Arrays;

/**
 * Rebuilds the state from the stored blocks, trusting nothing: the genesis must be canonical and
 * name an authority; every block must carry the next number, its parent's hash, the chain id and a
 * non-decreasing timestamp, verify under the authority's key, have every extrinsic accepted again,
 * and end in the state root it records. The first failure stops the chain from starting with a
 * one-line message naming the block and its commit.
 */
final class Replay {
  record Result(
      StateMachine machine,
      Genesis genesis,
      KeyId authority,
      String headHash,
      long headTimestamp,
      long height) {}

  private Replay() {}

  static Result run(GitBlockStore store) {
    byte[] genesisBytes = store.genesis();
    Genesis genesis;
    try {
      genesis =
          GenesisCodec.fromTree(
              Json.parse(genesisBytes, "genesis.json", JsonLimits.UNTRUSTED), "genesis.json");
    } catch (JsonInputException | IllegalArgumentException e) {
      throw refuse("block 0: " + e.getMessage());
    }
    if (!Arrays.equals(GenesisCodec.canonicalBytes(genesis), genesisBytes)) {
      throw refuse("block 0: genesis.json is not in canonical form (it was edited)");
    }
    KeyId authority =
        genesis.authority().orElseThrow(() -> refuse("block 0: genesis.json names no authority"));
    String chainId = ContentId.of(genesisBytes).hex();
    StateMachine machine = new StateMachine(genesis);

    StoredBlock stored0 = store.read(0);
    SignedBlock block0 = parse(stored0);
    Block b0 = block0.block();
    if (b0.number() != 0 || !b0.extrinsics().isEmpty() || !b0.chainId().equals(chainId)) {
      throw refuse(
          stored0.label() + ": not the genesis block of chain " + chainId.substring(0, 12) + "…");
    }
    verify(stored0, block0, authority);
    checkRoot(stored0, b0, machine);

    String headHash = b0.hash();
    long headTimestamp = b0.timestampMillis();
    long height = store.height();
    for (long n = 1; n <= height; n++) {
      StoredBlock stored = store.read(n);
      SignedBlock signed = parse(stored);
      Block b = signed.block();
      if (b.number() != n) {
        throw refuse(stored.label() + ": claims number " + b.number());
      }
      verify(stored, signed, authority);
      if (!b.parent().equals(headHash)) {
        throw refuse(stored.label() + ": parent hash does not match block " + (n - 1));
      }
      if (!b.chainId().equals(chainId)) {
        throw refuse(stored.label() + ": belongs to another chain");
      }
      if (b.timestampMillis() < headTimestamp) {
        throw refuse(stored.label() + ": timestamp goes backwards");
      }
      machine.openBlock(n);
      for (int i = 0; i < b.extrinsics().size(); i++) {
        Extrinsic x = b.extrinsics().get(i);
        Receipt receipt = machine.apply(x);
        if (receipt instanceof Receipt.Rejected r) {
          throw refuse(stored.label() + ": extrinsic " + i + " is rejected on replay (" + r + ")");
        }
      }
      checkRoot(stored, b, machine);
      headHash = b.hash();
      headTimestamp = b.timestampMillis();
    }
    return new Result(machine, genesis, authority, headHash, headTimestamp, height);
  }

  private static SignedBlock parse(StoredBlock stored) {
    try {
      return BlockCodec.fromBytes(stored.bytes(), stored.label());
    } catch (IllegalArgumentException | BlockStoreException e) {
      throw refuse(e.getMessage());
    }
  }

  private static void verify(StoredBlock stored, SignedBlock signed, KeyId authority) {
    if (!signed.verify(authority)) {
      throw refuse(
          stored.label() + ": the authority signature does not verify (the block was altered)");
    }
  }

  private static void checkRoot(StoredBlock stored, Block b, StateMachine machine) {
    if (!b.stateRoot().equals(machine.stateRoot())) {
      throw refuse(stored.label() + ": state root differs after replay");
    }
  }

  private static ChainStartException refuse(String message) {
    return new ChainStartException(message + "; refusing to start");
  }
}
