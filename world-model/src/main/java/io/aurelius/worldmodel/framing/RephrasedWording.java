package io.aurelius.worldmodel.framing;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.FramingPack;
import io.aurelius.config.module.FramingPack.Phrase;

/** A framing's wording with the phrases a framing pack replaces. */
final class RephrasedWording extends Wording {
  private final Wording base;
  private final Framing framing;
  private final FramingPack pack;

  RephrasedWording(Wording base, Framing framing, FramingPack pack) {
    this.base = base;
    this.framing = framing;
    this.pack = pack;
  }

  private String phrase(Phrase phrase, String otherwise) {
    return pack.phrase(framing, phrase).orElse(otherwise);
  }

  @Override
  String system(Agent agent) {
    return base.system(agent);
  }

  @Override
  String reasoningDescription() {
    return base.reasoningDescription();
  }

  @Override
  String reflectLabel() {
    return phrase(Phrase.REFLECT_LABEL, base.reflectLabel());
  }

  @Override
  String actionLabel(Action action) {
    return base.actionLabel(action);
  }

  @Override
  String stepLine(Turn turn) {
    return base.stepLine(turn);
  }

  @Override
  String memoryHeader() {
    return phrase(Phrase.MEMORY_HEADER, base.memoryHeader());
  }

  @Override
  String memoryLine(Turn.Memory memory) {
    return base.memoryLine(memory);
  }

  @Override
  String olderLine(Turn.Recollection older) {
    return base.olderLine(older);
  }

  @Override
  String newsHeader() {
    return phrase(Phrase.NEWS_HEADER, base.newsHeader());
  }

  @Override
  String menuHeader() {
    return phrase(Phrase.MENU_HEADER, base.menuHeader());
  }

  @Override
  String ruleOf(Action action) {
    return base.ruleOf(action);
  }

  @Override
  String invalidNotice(String name, String label, String reason) {
    return base.invalidNotice(name, label, reason);
  }

  @Override
  String bounds(String kind, String detail) {
    return base.bounds(kind, detail);
  }
}
