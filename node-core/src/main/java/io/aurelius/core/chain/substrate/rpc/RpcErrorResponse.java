package io.aurelius.core.chain.substrate.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The node answered a call with a JSON-RPC error object: its code, message and optional data. */
public final class RpcErrorResponse extends RpcException {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final String errorMessage;
  private final transient JsonNode data;

  public RpcErrorResponse(String method, int code, String errorMessage, JsonNode data) {
    super(
        method
            + ": node answered error "
            + code
            + " '"
            + oneLine(errorMessage)
            + "'"
            + (data == null || data.isNull() ? "" : " (" + oneLine(data.toString()) + ")"));
    this.code = code;
    this.errorMessage = errorMessage;
    this.data = data;
  }

  public int code() {
    return code;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public Optional<JsonNode> data() {
    return Optional.ofNullable(data).filter(d -> !d.isNull());
  }

  static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
