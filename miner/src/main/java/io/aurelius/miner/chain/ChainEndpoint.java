package io.aurelius.miner.chain;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.miner.service.EndpointAnnouncer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the bound endpoint on the chain: registers the hotkey as a miner (when it is not registered
 * and a coldkey was given), or serves the new endpoint (when the registered one differs), then
 * waits for the block to be sealed. Fails, and so fails the miner's start, when the hotkey is not
 * registered and no coldkey was given, is registered as a validator, or the chain rejects the
 * extrinsic.
 */
public final class ChainEndpoint implements EndpointAnnouncer {
  private static final Logger STATUS = LoggerFactory.getLogger("aurelius.status.miner");

  private final Chain chain;
  private final Signer hotkey;
  private final Optional<? extends Signer> coldkey;
  private final String advertiseHost;
  private final Duration sealWait;

  /**
   * @param coldkey the owner that registers the hotkey if it is not registered yet
   * @param advertiseHost the host validators should connect to
   * @param sealWait how long to wait for the extrinsic's block to be sealed
   */
  public ChainEndpoint(
      Chain chain,
      Signer hotkey,
      Optional<? extends Signer> coldkey,
      String advertiseHost,
      Duration sealWait) {
    this.chain = requireNonNull(chain, "chain");
    this.hotkey = requireNonNull(hotkey, "hotkey");
    this.coldkey = requireNonNull(coldkey, "coldkey");
    this.advertiseHost = requireNonNull(advertiseHost, "advertiseHost");
    this.sealWait = requireNonNull(sealWait, "sealWait");
    new Endpoint(advertiseHost, 1); // checks the host's syntax here, where the caller sees it
  }

  @Override
  public void announce(InetSocketAddress bound) throws InterruptedException {
    KeyId me = KeyId.of(hotkey.publicKey());
    Endpoint endpoint = new Endpoint(advertiseHost, bound.getPort());
    Optional<NeuronInfo> registered = chain.metagraph().byHotkey(me);
    Receipt receipt;
    String what;
    if (registered.isEmpty()) {
      Signer owner =
          coldkey.orElseThrow(
              () ->
                  new IllegalStateException(
                      "hotkey "
                          + me
                          + " is not registered on the chain (expected: register it first with 'aurelius chain "
                          + "register --role miner', or give --coldkey to register it now)"));
      what = "register " + me + " as a miner at " + endpoint;
      receipt = chain.register(owner, hotkey, Role.MINER, endpoint);
    } else if (registered.get().role() != Role.MINER) {
      throw new IllegalStateException(
          "hotkey "
              + me
              + " is registered as a "
              + registered.get().role().wireName()
              + " (expected: a miner)");
    } else if (!registered.get().endpoint().equals(endpoint)) {
      what = "serve endpoint " + endpoint + " for " + me;
      receipt = chain.serveEndpoint(hotkey, endpoint);
    } else {
      STATUS.info("chain already lists {} at {}", me, endpoint);
      return;
    }
    if (receipt instanceof Receipt.Rejected r) {
      throw new IllegalStateException(
          what + ": rejected (" + r.reason().code() + "): " + r.message());
    }
    long block = ((Receipt.Accepted) receipt).block();
    long deadline = System.nanoTime() + sealWait.toNanos();
    while (chain.currentBlock() < block) {
      if (System.nanoTime() > deadline) {
        STATUS.warn(
            "{}: accepted into block {}, not sealed within {} s; validators see it once " + "it is",
            what,
            block,
            sealWait.toSeconds());
        return;
      }
      Thread.sleep(50);
    }
    STATUS.info("{}: in block {}", what, block);
  }
}
