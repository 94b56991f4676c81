package io.aurelius.core.chain.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.dev.DevChain;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.extrinsic.MalformedExtrinsicException;
import io.aurelius.core.chain.service.ChainMessages.AccountRequest;
import io.aurelius.core.chain.service.ChainMessages.AccountResponse;
import io.aurelius.core.chain.service.ChainMessages.BlockRequest;
import io.aurelius.core.chain.service.ChainMessages.BlockResponse;
import io.aurelius.core.chain.service.ChainMessages.InfoResponse;
import io.aurelius.core.chain.service.ChainMessages.MetagraphRequest;
import io.aurelius.core.chain.service.ChainMessages.MetagraphResponse;
import io.aurelius.core.chain.service.ChainMessages.SubmitRequest;
import io.aurelius.core.chain.service.ChainMessages.SubmitResponse;
import io.aurelius.core.chain.store.BlockStoreException;
import io.aurelius.core.json.JsonLimits;
import java.util.List;
import java.util.Set;

/**
 * The dev chain as a service other nodes call: one method per RPC with typed records, and {@link
 * #handle} for a transport route that has a JSON body in hand. Netty-free; the signed transport
 * authenticates the caller and hands the body over. Unregistered callers must be let through for
 * these routes (registration itself arrives here); every write is an extrinsic that carries its own
 * signature and nonce, checked by the chain.
 *
 * <p>A rejected extrinsic is a normal answer (HTTP 200, {@code "accepted": false} and a reason);
 * only a request that cannot be read is an error (400), as is an unknown block (404).
 */
public final class ChainService {
  /** Largest request body a transport should accept for these routes. */
  public static final int MAX_REQUEST_BYTES = 256 * 1024;

  /** Limits for parsing a request body. */
  public static final JsonLimits REQUEST_LIMITS = new JsonLimits(MAX_REQUEST_BYTES, 16, 8 * 1024);

  private final DevChain chain;

  public ChainService(DevChain chain) {
    this.chain = requireNonNull(chain, "chain");
  }

  public InfoResponse info() {
    return new InfoResponse(chain.info());
  }

  public MetagraphResponse metagraph(MetagraphRequest request) {
    requireNonNull(request, "request");
    return new MetagraphResponse(chain.metagraph(request.withWeights()));
  }

  public AccountResponse account(AccountRequest request) {
    requireNonNull(request, "request");
    return new AccountResponse(
        chain
            .account(request.account())
            .orElse(new AccountInfo(request.account(), 0, 0, List.of())));
  }

  public SubmitResponse submit(SubmitRequest request) {
    requireNonNull(request, "request");
    return new SubmitResponse(chain.submit(request.extrinsic()));
  }

  public BlockResponse block(BlockRequest request) {
    requireNonNull(request, "request");
    try {
      return new BlockResponse(chain.block(request.number()));
    } catch (BlockStoreException e) {
      throw new ChainRequestException(404, e.getMessage());
    }
  }

  /**
   * Serves one route with a parsed JSON body and returns the JSON response body.
   *
   * @throws ChainRequestException 400 for a body that cannot be read, 404 for a missing block
   */
  public JsonNode handle(ChainRoute route, JsonNode body) {
    requireNonNull(route, "route");
    requireNonNull(body, "body");
    String what = route.path();
    StrictReader r = new StrictReader(what);
    return switch (route) {
      case INFO -> {
        r.object(body, "", Set.of(), Set.of());
        yield ChainJson.info(info().info());
      }
      case METAGRAPH -> {
        r.object(body, "", Set.of("with_weights"), Set.of());
        yield ChainJson.metagraph(
            metagraph(new MetagraphRequest(r.bool(body, "with_weights", false))).metagraph());
      }
      case ACCOUNT -> {
        r.object(body, "", Set.of("account"), Set.of("account"));
        yield ChainJson.account(account(new AccountRequest(r.keyId(body, "account"))).account());
      }
      case SUBMIT -> {
        r.object(body, "", Set.of("extrinsic"), Set.of("extrinsic"));
        try {
          var extrinsic = ExtrinsicCodec.fromTree(body.get("extrinsic"), what + " extrinsic");
          yield ChainJson.receipt(submit(new SubmitRequest(extrinsic)).receipt());
        } catch (MalformedExtrinsicException e) {
          throw new ChainRequestException(400, e.getMessage());
        }
      }
      case BLOCK -> {
        r.object(body, "", Set.of("number"), Set.of("number"));
        yield ChainJson.block(
            block(new BlockRequest(r.integer(body, "number", 0, Long.MAX_VALUE))).block());
      }
    };
  }
}
