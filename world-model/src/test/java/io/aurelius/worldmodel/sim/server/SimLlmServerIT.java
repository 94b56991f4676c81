package io.aurelius.worldmodel.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.schema.ParsedReply;
import io.aurelius.worldmodel.agent.schema.ReplyParser;
import io.aurelius.worldmodel.agent.schema.SampleSchemas;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sim-llm's wire behaviour, seen by a plain HTTP client. */
class SimLlmServerIT {
  private SimLlmServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), FaultPlan.NONE, 2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) {
    return Json.parse(r.body(), "response", JsonLimits.UNTRUSTED);
  }

  @Test
  void answersAChatCompletionWithinTheSchemaAndLabelsIt() throws Exception {
    String body =
        "{\"model\":\"sim\",\"seed\":4,\"messages\":[{\"role\":\"system\",\"content\":\"I am Bo.\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"The lake holds 60 fish.\"}]}],"
            + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"reply\",\"strict\":true,"
            + "\"schema\":"
            + SampleSchemas.commons().toJsonSchema()
            + "}}}";
    HttpResponse<String> r = post("/v1/chat/completions", body);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode answer = json(r);
    assertThat(answer.get("model").asText()).isEqualTo("sim");
    assertThat(answer.get("system_fingerprint").asText()).isEqualTo("aurelius-sim");
    assertThat(answer.get("aurelius_sim").asBoolean()).isTrue();
    assertThat(answer.at("/usage/total_tokens").asLong())
        .isEqualTo(
            answer.at("/usage/prompt_tokens").asLong()
                + answer.at("/usage/completion_tokens").asLong());
    String content = answer.at("/choices/0/message/content").asText();
    assertThat(ReplyParser.parse(content, SampleSchemas.commons()))
        .isInstanceOf(ParsedReply.Legal.class);
    assertThat(json(post("/v1/chat/completions", body)).at("/choices/0/message/content").asText())
        .isEqualTo(content);
  }

  @Test
  void aServerWithAKeyRefusesRequestsWithoutItAndAnswersWithTheResponderItWasGiven()
      throws Exception {
    try (SimLlmServer keyed =
        SimLlmServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            FaultPlan.NONE,
            2,
            (messages, schema, seed, persona) -> "answer to " + messages.size() + " messages",
            java.util.Optional.of("k3y"))) {
      String body =
          "{\"model\":\"sim\",\"messages\":[{\"role\":\"user\",\"content\":\"The lake.\"}]}";
      URI uri = URI.create("http://127.0.0.1:" + keyed.port() + "/v1/chat/completions");
      HttpResponse<String> none =
          client.send(
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(json(none).at("/error/message").asText())
          .contains("API key")
          .doesNotContain("k3y");
      HttpResponse<String> wrong =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer k3x")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> right =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer k3y")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(json(right).at("/choices/0/message/content").asText())
          .isEqualTo("answer to 1 messages");
    }
  }

  @Test
  void answersOnAKeptAliveConnectionWithoutTheNagleDelay() throws Exception {
    // Nagle's algorithm on the server against the client's delayed ACK holds the second write of
    // every response ~40 ms; at zero drawn latency a loopback answer takes a millisecond or two.
    String body =
        "{\"model\":\"sim\",\"seed\":1,\"messages\":[{\"role\":\"user\",\"content\":\"The lake.\"}]}";
    post("/v1/chat/completions", body);
    long[] micros = new long[21];
    for (int i = 0; i < micros.length; i++) {
      long t0 = System.nanoTime();
      assertThat(post("/v1/chat/completions", body).statusCode()).isEqualTo(200);
      micros[i] = (System.nanoTime() - t0) / 1000;
    }
    Arrays.sort(micros);
    assertThat(micros[micros.length / 2]).as("median round trip in µs").isLessThan(25_000);
  }

  @Test
  void listsItsModel() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/models"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json(r).at("/data/0/id").asText()).isEqualTo("sim");
  }

  @Test
  void badRequestsGetAOneLineReasonAndTheRightStatus() throws Exception {
    HttpResponse<String> r = post("/v1/chat/completions", "{\"messages\":[]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).at("/error/message").asText())
        .isEqualTo("messages: ARRAY (expected: a non-empty array)");
    assertThat(post("/v1/chat/completions", "{not json").statusCode()).isEqualTo(400);
    assertThat(
            post(
                    "/v1/chat/completions",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":true}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post("/v1/chat/completions", "{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}")
                .body())
        .contains("messages[0].role: 'wizard'");
    assertThat(post("/v1/nothing", "{}").statusCode()).isEqualTo(404);
    assertThat(
            post(
                    "/v1/chat/completions",
                    "{\"pad\":\"" + "x".repeat(ChatHandler.MAX_BODY_BYTES) + "\"}")
                .statusCode())
        .isEqualTo(413);
    assertThat(server.stats().badRequests()).isEqualTo(5);
    assertThat(server.stats().requests()).isZero();
  }
}
