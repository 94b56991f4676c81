package io.aurelius.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.cel.CompiledExpression;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Template;
import io.aurelius.config.module.ModuleUse;
import io.aurelius.core.hash.ContentId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated configuration with every expression compiled: the record, its id, the document it was
 * read from, and the programs keyed by expression path. Immutable and thread-safe.
 *
 * <p>Evaluate an expression of the model with {@code compiled.expression(action.precondition()
 * .get()).evaluateBool(bindings)}; render a template with {@code
 * compiled.template(observation.text().get(framing)).render(bindings)}.
 */
public final class CompiledConfig {
  private final ScenarioConfig config;
  private final ContentId id;
  private final JsonNode document;
  private final Map<String, CompiledExpression> expressions;
  private final ModuleUse modules;

  CompiledConfig(
      ScenarioConfig config,
      ContentId id,
      JsonNode document,
      Map<String, CompiledExpression> expressions) {
    this(config, id, document, expressions, ModuleUse.BASE);
  }

  CompiledConfig(
      ScenarioConfig config,
      ContentId id,
      JsonNode document,
      Map<String, CompiledExpression> expressions,
      ModuleUse modules) {
    this.modules = requireNonNull(modules, "modules");
    this.config = config;
    this.id = id;
    this.document = document.deepCopy();
    this.expressions = Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
  }

  public ScenarioConfig config() {
    return config;
  }

  /** SHA-256 of the canonical document without its signature. */
  public ContentId id() {
    return id;
  }

  /**
   * The world-model version this configuration was compiled under and the modules it imported;
   * {@link #config()} is the configuration with the imports merged in, {@link #document()} the
   * document as written (with its {@code imports}).
   */
  public ModuleUse modules() {
    return modules;
  }

  /** A copy of the document as read. */
  public JsonNode document() {
    return document.deepCopy();
  }

  /** Every compiled expression by path, in document order. */
  public Map<String, CompiledExpression> expressions() {
    return expressions;
  }

  /** The program of one expression of {@link #config()}. */
  public CompiledExpression expression(Expression expression) {
    requireNonNull(expression, "expression");
    return expression(expression.path());
  }

  public CompiledExpression expression(String path) {
    CompiledExpression e = expressions.get(requireNonNull(path, "path"));
    if (e == null) {
      throw new IllegalArgumentException("no compiled expression at " + path);
    }
    return e;
  }

  /** The compiled form of one template of {@link #config()}. */
  public CompiledTemplate template(Template template) {
    requireNonNull(template, "template");
    List<Object> parts = new ArrayList<>();
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Interpolation i) {
        parts.add(expression(i.expression()));
      } else {
        parts.add(((Template.Literal) part).text());
      }
    }
    return new CompiledTemplate(template, parts);
  }
}
