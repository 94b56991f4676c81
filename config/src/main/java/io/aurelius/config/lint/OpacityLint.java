package io.aurelius.config.lint;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Event;
import io.aurelius.config.model.FramedText;
import io.aurelius.config.model.Observation;
import io.aurelius.config.model.ParamDecl;
import io.aurelius.config.model.Phase;
import io.aurelius.config.model.ScenarioConfig;
import io.aurelius.config.model.Template;
import io.aurelius.config.model.VarDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every text an agent can see in the immersive framing: agent names, display names,
 * identities, goals, stances, private knowledge; action names, labels, parameter names, labels and
 * values, narrations; string state values; observations, event narrations, phase narratives and the
 * premise. Template interpolations are code, not text, and are skipped. Control-framing text is
 * exempt.
 */
public final class OpacityLint {
  private final OpacityTerms terms;

  public OpacityLint(OpacityTerms terms) {
    this.terms = requireNonNull(terms, "terms");
  }

  public static OpacityLint bundled() {
    return new OpacityLint(OpacityTerms.bundled());
  }

  public List<Finding> check(ScenarioConfig c) {
    requireNonNull(c, "c");
    List<Finding> out = new ArrayList<>();
    state(c.worldState(), "$.world.state", out);
    for (int i = 0; i < c.agents().size(); i++) {
      Agent a = c.agents().get(i);
      String p = "$.agents[" + i + "]";
      text(a.name(), p + ".name", out);
      a.displayName().ifPresent(d -> text(d, p + ".display_name", out));
      text(a.identity(), p + ".identity", out);
      text(a.goal(), p + ".goal", out);
      a.stance().ifPresent(s -> text(s, p + ".stance", out));
      for (int k = 0; k < a.privateKnowledge().size(); k++) {
        text(a.privateKnowledge().get(k), p + ".private_knowledge[" + k + "]", out);
      }
      state(a.state(), p + ".state", out);
    }
    for (int i = 0; i < c.actions().size(); i++) {
      action(c.actions().get(i), "$.actions[" + i + "]", out);
    }
    for (Observation o : c.observations()) {
      template(o.text().immersive(), out);
    }
    for (Event e : c.events()) {
      template(e.narration().immersive(), out);
    }
    for (Phase ph : c.phases()) {
      ph.narrative().ifPresent(n -> template(n.immersive(), out));
    }
    template(c.framings().premise().immersive(), out);
    return out;
  }

  /** The findings in one immersive text that is not a template (a module's phrase). */
  public List<Finding> checkText(String text, String path) {
    List<Finding> out = new ArrayList<>();
    text(requireNonNull(text, "text"), requireNonNull(path, "path"), out);
    return out;
  }

  private void action(Action a, String p, List<Finding> out) {
    text(a.name(), p + ".name", out);
    label(a.label(), p + ".label", out);
    for (Map.Entry<String, ParamDecl> e : a.parameters().entrySet()) {
      String pp = p + ".parameters." + e.getKey();
      text(e.getKey(), p + ".parameters['" + e.getKey() + "']", out);
      label(e.getValue().label(), pp + ".label", out);
      if (e.getValue() instanceof ParamDecl.ChoiceParam choice) {
        for (int k = 0; k < choice.values().size(); k++) {
          text(choice.values().get(k), pp + ".values[" + k + "]", out);
        }
      }
    }
    template(a.narration().immersive(), out);
  }

  private void label(Optional<FramedText> label, String path, List<Finding> out) {
    label.ifPresent(l -> text(l.immersive(), path + ".immersive", out));
  }

  private void state(Map<String, VarDecl> state, String path, List<Finding> out) {
    state.forEach(
        (name, decl) -> {
          if (decl instanceof VarDecl.StringVar s) {
            for (int k = 0; k < s.values().size(); k++) {
              text(s.values().get(k), path + "." + name + ".values[" + k + "]", out);
            }
          }
        });
  }

  private void template(Template t, List<Finding> out) {
    char[] masked = t.source().toCharArray();
    for (Template.Part part : t.parts()) {
      if (part instanceof Template.Interpolation i) {
        int close = t.source().indexOf("}}", i.offset() + 2);
        int end = close < 0 ? masked.length : close + 2;
        for (int k = i.offset(); k < end; k++) {
          masked[k] = ' ';
        }
      }
    }
    text(new String(masked), t.path(), out);
  }

  private void text(String text, String path, List<Finding> out) {
    for (OpacityTerms.Match m : terms.find(text)) {
      out.add(new Finding(path, m.start(), m.found(), m.term()));
    }
  }
}
