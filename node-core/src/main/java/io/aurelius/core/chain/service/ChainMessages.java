package io.aurelius.core.chain.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.ChainInfo;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.store.StoredBlock;
import io.aurelius.core.identity.KeyId;

/** The request and response records of the chain RPCs, one pair per {@link ChainRoute}. */
public final class ChainMessages {
  private ChainMessages() {}

  public record InfoRequest() {}

  public record InfoResponse(ChainInfo info) {
    public InfoResponse {
      requireNonNull(info, "info");
    }
  }

  public record MetagraphRequest(boolean withWeights) {}

  public record MetagraphResponse(Metagraph metagraph) {
    public MetagraphResponse {
      requireNonNull(metagraph, "metagraph");
    }
  }

  public record AccountRequest(KeyId account) {
    public AccountRequest {
      requireNonNull(account, "account");
    }
  }

  /** An account the chain never saw comes back with zero balance, nonce 0 and no stake. */
  public record AccountResponse(AccountInfo account) {
    public AccountResponse {
      requireNonNull(account, "account");
    }
  }

  public record SubmitRequest(Extrinsic extrinsic) {
    public SubmitRequest {
      requireNonNull(extrinsic, "extrinsic");
    }
  }

  public record SubmitResponse(Receipt receipt) {
    public SubmitResponse {
      requireNonNull(receipt, "receipt");
    }
  }

  public record BlockRequest(long number) {}

  public record BlockResponse(StoredBlock block) {
    public BlockResponse {
      requireNonNull(block, "block");
    }
  }
}
