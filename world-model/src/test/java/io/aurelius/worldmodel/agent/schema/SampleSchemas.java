package io.aurelius.worldmodel.agent.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reply schemas used across the tests. */
public final class SampleSchemas {
  private SampleSchemas() {}

  /** A fishing commons: take some fish, give some to a neighbour, or wait. */
  public static ReplySchema commons() {
    Map<String, ParamSpec> give = new LinkedHashMap<>();
    give.put("amount", new ParamSpec.IntRange(1, 10));
    give.put("to", new ParamSpec.OneOf(List.of("ana", "bo")));
    return new ReplySchema(
        List.of(
            new ActionChoice(
                "harvest",
                "Cast the nets and take fish from the lake",
                Map.of("amount", new ParamSpec.IntRange(0, 20))),
            new ActionChoice("give", "Share part of my catch with a neighbour", give),
            new ActionChoice("wait", "Wait and watch the water today", Map.of())));
  }

  /** Every parameter kind at once. */
  public static ReplySchema allKinds() {
    Map<String, ParamSpec> p = new LinkedHashMap<>();
    p.put("count", new ParamSpec.IntRange(-3, 3));
    p.put("share", new ParamSpec.RealRange(0, 1));
    p.put("public", new ParamSpec.Flag());
    p.put("tone", new ParamSpec.OneOf(List.of("calm", "sharp")));
    return new ReplySchema(
        List.of(
            new ActionChoice("speak", "", p),
            new ActionChoice("conceal", "Keep the report hidden", Map.of())),
        "Think.",
        300);
  }
}
