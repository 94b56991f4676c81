package io.aurelius.worldmodel.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.sim.SimModel;
import java.time.Instant;
import java.util.HexFormat;

/** The two wire dialects the server speaks: request parsing and response bodies for each. */
enum Dialect {
  OPENAI {
    @Override
    WireRequest parse(JsonNode body) {
      return WireRequest.openAi(body);
    }

    @Override
    ObjectNode answer(
        String text, long promptTokens, long completionTokens, boolean usage, long id) {
      ObjectNode o = Json.newObject();
      o.put("id", "chatcmpl-sim-" + HexFormat.of().toHexDigits(id));
      o.put("object", "chat.completion");
      o.put("created", Instant.now().getEpochSecond());
      o.put("model", SimModel.NAME);
      o.put("system_fingerprint", SimLlmServer.FINGERPRINT);
      o.put("aurelius_sim", true);
      ObjectNode choice = o.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", text);
      choice.put("finish_reason", "stop");
      if (usage) {
        o.putObject("usage")
            .put("prompt_tokens", promptTokens)
            .put("completion_tokens", completionTokens)
            .put("total_tokens", promptTokens + completionTokens);
      }
      return o;
    }

    @Override
    ObjectNode error(int status, String message) {
      ObjectNode o = Json.newObject();
      o.putObject("error")
          .put("message", message)
          .put(
              "type",
              status == 429
                  ? "rate_limit_exceeded"
                  : status >= 500 ? "server_error" : "invalid_request_error")
          .put("code", status == 429 ? "rate_limit_exceeded" : null);
      return o;
    }
  },

  OLLAMA {
    @Override
    WireRequest parse(JsonNode body) {
      return WireRequest.ollama(body);
    }

    @Override
    ObjectNode answer(
        String text, long promptTokens, long completionTokens, boolean usage, long id) {
      ObjectNode o = Json.newObject();
      o.put("model", SimModel.NAME);
      o.put("created_at", Instant.now().toString());
      o.putObject("message").put("role", "assistant").put("content", text);
      o.put("done", true);
      o.put("done_reason", "stop");
      o.put("aurelius_sim", true);
      if (usage) {
        o.put("prompt_eval_count", promptTokens);
        o.put("eval_count", completionTokens);
      }
      return o;
    }

    @Override
    ObjectNode error(int status, String message) {
      return Json.newObject().put("error", message);
    }
  };

  abstract WireRequest parse(JsonNode body);

  abstract ObjectNode answer(
      String text, long promptTokens, long completionTokens, boolean usage, long id);

  abstract ObjectNode error(int status, String message);
}
