package io.aurelius.worldmodel.agent.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.value.Value;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
  private final ReplySchema schema = SampleSchemas.commons();

  private Decision legal(String raw) {
    ParsedReply r = ReplyParser.parse(raw, schema);
    assertThat(r).isInstanceOf(ParsedReply.Legal.class);
    return ((ParsedReply.Legal) r).decision();
  }

  private String illegal(String raw, ReplySchema s) {
    ParsedReply r = ReplyParser.parse(raw, s);
    assertThat(r).isInstanceOf(ParsedReply.Illegal.class);
    return ((ParsedReply.Illegal) r).reason();
  }

  private String illegal(String raw) {
    return illegal(raw, schema);
  }

  @Test
  void readsALegalReply() {
    Decision d =
        legal(
            "{\"reasoning\":\"The lake is low.\",\"action\":{\"name\":\"give\",\"params\":{\"amount\":3,\"to\":\"bo\"}}}");
    assertThat(d.action()).isEqualTo("give");
    assertThat(d.reasoning()).isEqualTo("The lake is low.");
    assertThat(d.params())
        .containsEntry("amount", Value.of(3L))
        .containsEntry("to", Value.of("bo"));
  }

  @Test
  void unwrapsACodeFenceAndSurroundingProse() {
    assertThat(
            legal(
                    "```json\n{\"reasoning\":\"r\",\"action\":{\"name\":\"wait\",\"params\":{}}}\n```")
                .action())
        .isEqualTo("wait");
    assertThat(
            legal(
                    "Here it is: {\"reasoning\":\"r\",\"action\":{\"name\":\"wait\",\"params\":{}}} done")
                .action())
        .isEqualTo("wait");
  }

  @Test
  void allKindsOfParameterAreChecked() {
    ReplySchema all = SampleSchemas.allKinds();
    ParsedReply ok =
        ReplyParser.parse(
            "{\"reasoning\":\"r\",\"action\":{\"name\":\"speak\",\"params\":"
                + "{\"count\":-3,\"share\":0.5,\"public\":true,\"tone\":\"calm\"}}}",
            all);
    assertThat(ok).isInstanceOf(ParsedReply.Legal.class);
    assertThat(
            illegal(
                "{\"reasoning\":\"r\",\"action\":{\"name\":\"speak\",\"params\":"
                    + "{\"count\":1,\"share\":1.5,\"public\":true,\"tone\":\"calm\"}}}",
                all))
        .isEqualTo("reply.action.params.share: 1.5 (expected: number 0..1)");
    assertThat(
            illegal(
                "{\"reasoning\":\"r\",\"action\":{\"name\":\"speak\",\"params\":"
                    + "{\"count\":1,\"share\":1,\"public\":\"yes\",\"tone\":\"calm\"}}}",
                all))
        .isEqualTo("reply.action.params.public: 'yes' (expected: true or false)");
    assertThat(
            illegal(
                "{\"reasoning\":\""
                    + "x".repeat(301)
                    + "\",\"action\":{\"name\":\"conceal\",\"params\":{}}}",
                all))
        .isEqualTo("reply.reasoning: 301 chars (expected: at most 300)");
  }

  @Test
  void saysWhatIsWrongAndWhatWasExpected() {
    assertThat(illegal("I would rather wait.")).startsWith("reply: no JSON object found");
    assertThat(illegal("{\"reasoning\":\"r\",\"action\":{\"name\":\"fly\",\"params\":{}}}"))
        .isEqualTo("reply.action.name: 'fly' (expected: one of [harvest, give, wait])");
    assertThat(
            illegal(
                "{\"reasoning\":\"r\",\"action\":{\"name\":\"harvest\",\"params\":{\"amount\":21}}}"))
        .isEqualTo("reply.action.params.amount: 21 (expected: integer 0..20)");
    assertThat(
            illegal(
                "{\"reasoning\":\"r\",\"action\":{\"name\":\"harvest\",\"params\":{\"amount\":2.5}}}"))
        .isEqualTo("reply.action.params.amount: 2.5 (expected: integer 0..20)");
    assertThat(
            illegal(
                "{\"reasoning\":\"r\",\"action\":{\"name\":\"give\",\"params\":{\"amount\":2}}}"))
        .isEqualTo("reply.action.params.to: missing (expected: one of [ana, bo])");
    assertThat(illegal("{\"reasoning\":\"r\",\"action\":{\"name\":\"wait\",\"params\":{\"x\":1}}}"))
        .isEqualTo("reply.action.params.x: not a parameter of wait (expected: [])");
    assertThat(illegal("{\"thoughts\":\"r\",\"action\":{\"name\":\"wait\",\"params\":{}}}"))
        .isEqualTo("reply.thoughts: unexpected key (expected only: reasoning, action)");
    assertThat(illegal("{\"reasoning\":\"r\",\"action\":{\"name\":\"wait\""))
        .startsWith("reply: no JSON object found");
    assertThat(illegal("{\"reasoning\":\"r\",\"action\":{\"name\":\"wait\"}"))
        .startsWith("reply: malformed JSON");
    assertThat(illegal("{\"reasoning\":\" \",\"action\":{\"name\":\"wait\",\"params\":{}}}"))
        .startsWith("reply.reasoning: blank");
    assertThat(
            illegal(
                "{\"reasoning\":\"r\",\"reasoning\":\"s\",\"action\":{\"name\":\"wait\",\"params\":{}}}"))
        .contains("Duplicate field 'reasoning'");
  }

  @Test
  void refusesHugeReplies() {
    assertThat(illegal("{\"reasoning\":\"" + "x".repeat(ReplyParser.MAX_REPLY_BYTES) + "\"}"))
        .startsWith("reply: " + (ReplyParser.MAX_REPLY_BYTES + 16) + " bytes");
  }
}
