package io.aurelius.config;

import io.aurelius.config.cel.Bindings;
import io.aurelius.config.cel.CompiledExpression;
import io.aurelius.config.model.Template;
import java.util.List;

/** A template with its interpolations compiled; renders against {@link Bindings}. */
public final class CompiledTemplate {
  private final Template template;
  private final List<Object> parts;

  CompiledTemplate(Template template, List<Object> parts) {
    this.template = template;
    this.parts = List.copyOf(parts);
  }

  public Template template() {
    return template;
  }

  /**
   * The text with every interpolation evaluated and shown as {@link
   * CompiledExpression#text(Object)} does.
   *
   * @throws io.aurelius.config.cel.EvaluationException when an interpolation fails
   */
  public String render(Bindings bindings) {
    StringBuilder out = new StringBuilder(template.source().length() + 32);
    for (Object part : parts) {
      if (part instanceof CompiledExpression e) {
        out.append(e.evaluateText(bindings));
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }
}
