package io.aurelius.core.chain.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.Chain;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.ChainUnavailableException;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.extrinsic.AddStake;
import io.aurelius.core.chain.extrinsic.Call;
import io.aurelius.core.chain.extrinsic.CommitWeights;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.extrinsic.Register;
import io.aurelius.core.chain.extrinsic.RemoveStake;
import io.aurelius.core.chain.extrinsic.RevealWeights;
import io.aurelius.core.chain.extrinsic.ServeEndpoint;
import io.aurelius.core.chain.extrinsic.SetWeights;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.chain.extrinsic.WeightCommitHash;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A {@link Chain} on another machine, reached over the signed protocol ({@link ChainRoute}s).
 * Extrinsics are signed here, with keys that never leave this process; the nonce comes from the
 * chain and, for several writes in a row, from what this client already sent. Every answer is a
 * verified, signed response from the chain node; anything else is a {@link
 * ChainUnavailableException}. Calls block up to the timeout, so use them off event loops.
 */
public final class RemoteChain implements Chain {
  private final ProtocolClient client;
  private final PeerEndpoint endpoint;
  private final Duration timeout;
  private final Map<KeyId, Long> sentNonces = new HashMap<>();

  public RemoteChain(ProtocolClient client, PeerEndpoint endpoint, Duration timeout) {
    this.client = requireNonNull(client, "client");
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  @Override
  public ChainInfo info() {
    return read(ChainRoute.INFO, JsonNodeFactory.instance.objectNode(), ChainJson::info);
  }

  @Override
  public long currentBlock() {
    return info().head();
  }

  @Override
  public Metagraph metagraph(boolean withWeights) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("with_weights", withWeights);
    return read(ChainRoute.METAGRAPH, body, ChainJson::metagraph);
  }

  @Override
  public Optional<AccountInfo> account(KeyId account) {
    requireNonNull(account, "account");
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("account", account.address());
    AccountInfo info = read(ChainRoute.ACCOUNT, body, ChainJson::account);
    boolean unseen = info.balance() == 0 && info.nonce() == 0 && info.stakes().isEmpty();
    return unseen ? Optional.empty() : Optional.of(info);
  }

  /** Submits an extrinsic signed elsewhere. */
  public Receipt submit(Extrinsic extrinsic) {
    requireNonNull(extrinsic, "extrinsic");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("extrinsic", ExtrinsicCodec.toTree(extrinsic));
    return read(ChainRoute.SUBMIT, body, ChainJson::receipt);
  }

  @Override
  public Receipt register(Signer coldkey, Signer hotkey, Role role, Endpoint at) {
    requireNonNull(hotkey, "hotkey");
    KeyId cold = KeyId.of(coldkey.publicKey());
    return signAndSubmit(
        coldkey,
        info ->
            new Register(
                info.netuid(),
                KeyId.of(hotkey.publicKey()),
                hotkey.scheme(),
                role,
                at,
                HexFormat.of()
                    .formatHex(
                        hotkey.sign(Register.proofMessage(info.chainId(), info.netuid(), cold)))));
  }

  @Override
  public Receipt serveEndpoint(Signer hotkey, Endpoint at) {
    return signAndSubmit(hotkey, info -> new ServeEndpoint(info.netuid(), at));
  }

  @Override
  public Receipt setWeights(Signer hotkey, Weights weights, long versionKey) {
    return signAndSubmit(hotkey, info -> new SetWeights(info.netuid(), weights, versionKey));
  }

  @Override
  public Receipt commitWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    KeyId who = KeyId.of(hotkey.publicKey());
    return signAndSubmit(
        hotkey,
        info ->
            new CommitWeights(
                info.netuid(), WeightCommitHash.of(who, info.netuid(), weights, salt, versionKey)));
  }

  @Override
  public Receipt revealWeights(Signer hotkey, Weights weights, Salt salt, long versionKey) {
    return signAndSubmit(
        hotkey, info -> new RevealWeights(info.netuid(), weights, salt, versionKey));
  }

  @Override
  public Receipt addStake(Signer coldkey, KeyId hotkey, long amount) {
    return signAndSubmit(coldkey, info -> new AddStake(hotkey, amount));
  }

  @Override
  public Receipt removeStake(Signer coldkey, KeyId hotkey, long amount) {
    return signAndSubmit(coldkey, info -> new RemoveStake(hotkey, amount));
  }

  @Override
  public Receipt transfer(Signer coldkey, KeyId to, long amount) {
    return signAndSubmit(coldkey, info -> new Transfer(to, amount));
  }

  private synchronized Receipt signAndSubmit(Signer key, Function<ChainInfo, Call> build) {
    requireNonNull(key, "key");
    ChainInfo info = info();
    KeyId signer = KeyId.of(key.publicKey());
    long onChain = account(signer).map(AccountInfo::nonce).orElse(0L);
    long nonce = Math.max(onChain, sentNonces.getOrDefault(signer, 0L));
    Receipt receipt = submit(Extrinsic.sign(info.chainId(), key, nonce, build.apply(info)));
    if (receipt.accepted()) {
      sentNonces.put(signer, nonce + 1);
    }
    return receipt;
  }

  private <T> T read(ChainRoute route, JsonNode body, Function<JsonNode, T> parse) {
    Reply reply;
    try {
      reply =
          client
              .call(endpoint, route.routeName(), body)
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ChainUnavailableException(
          route.path() + " at " + endpoint + ": no answer within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainUnavailableException(route.path() + ": interrupted", e);
    } catch (ExecutionException e) {
      throw new ChainUnavailableException(
          route.path() + " at " + endpoint + ": " + e.getCause(), e);
    }
    if (reply instanceof Reply.Ok ok) {
      try {
        return parse.apply(ok.json());
      } catch (JsonInputException | ChainRequestException e) {
        throw new ChainUnavailableException(
            route.path() + " at " + endpoint + ": malformed answer: " + e.getMessage(), e);
      }
    }
    if (reply instanceof Reply.Refused r) {
      throw new ChainUnavailableException(
          route.path() + " at " + endpoint + ": refused with " + r.status() + ": " + r.message());
    }
    Reply.Failed f = (Reply.Failed) reply;
    throw new ChainUnavailableException(
        route.path()
            + " at "
            + endpoint
            + ": "
            + f.failure().name().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + f.message());
  }
}
