package io.aurelius.config.validation;

import io.aurelius.config.cel.CelLimits;
import io.aurelius.core.json.JsonLimits;

/** The documented limits of the format (docs/config-format.md, "Limits"). */
public final class Limits {
  public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
  public static final int MAX_JSON_DEPTH = 16;

  /** Parse-time bound; real text bounds are checked per field with a path. */
  public static final JsonLimits JSON =
      new JsonLimits(MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, MAX_DOCUMENT_BYTES);

  public static final CelLimits CEL = CelLimits.DEFAULT;

  public static final int MAX_AGENTS = 16;
  public static final int MAX_ACTIONS = 32;
  public static final int MAX_WORLD_VARS = 32;
  public static final int MAX_AGENT_VARS = 16;
  public static final int MAX_PARAMS = 8;
  public static final int MAX_EFFECTS = 16;
  public static final int MAX_DYNAMICS = 32;
  public static final int MAX_OBSERVATIONS = 32;
  public static final int MAX_EVENTS = 32;
  public static final int MAX_PHASES = 16;
  public static final int MAX_STEPS = 50;
  public static final int MAX_PHASE_STEPS = 50;
  public static final int MAX_MEMORY_WINDOW = 20;
  public static final int MAX_LABELS = 16;
  public static final int MAX_LABEL_CHARS = 200;
  public static final int MAX_PRIVATE_KNOWLEDGE = 16;
  public static final int MAX_VALUES = 16;
  public static final int MAX_VAR_VALUE_CHARS = 200;
  public static final int MAX_CHOICE_CHARS = 2_000;
  public static final int MAX_TEXT_PARAM_CHARS = 2_000;
  public static final int MAX_TEXT_CHARS = 4_000;
  public static final int MIN_PERSON_TEXT_CHARS = 10;
  public static final int MAX_TITLE_CHARS = 120;
  public static final int MAX_DISPLAY_NAME_CHARS = 60;
  public static final int MAX_SHORT_LABEL_CHARS = 200;
  public static final int MAX_INTERPOLATIONS = 16;
  public static final long MAX_MAGNITUDE = 1_000_000_000L;

  private Limits() {}
}
