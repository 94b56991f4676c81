package io.aurelius.config.module;

import io.aurelius.core.json.JsonLimits;
import java.util.regex.Pattern;

/** The documented limits of the module format (docs/world-model.md, "Modules"). */
public final class ModuleLimits {
  public static final String FORMAT = "aurelius.module/1";

  /** Lower case letters and digits, no underscore: {@code <name>_} then cannot be ambiguous. */
  public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9]{2,19}$");

  public static final int MAX_DOCUMENT_BYTES = 32 * 1024;
  public static final JsonLimits JSON = new JsonLimits(MAX_DOCUMENT_BYTES, 16, MAX_DOCUMENT_BYTES);
  public static final int MAX_WORLD_VARS = 8;
  public static final int MAX_AGENT_VARS = 8;
  public static final int MAX_ACTIONS = 8;
  public static final int MAX_DYNAMICS = 8;
  public static final int MAX_OBSERVATIONS = 8;
  public static final int MAX_EVENTS = 8;
  public static final int MAX_REQUIRES = 8;

  /** Entries of each list or map of a pack's outcome fragment. */
  public static final int MAX_OUTCOME_ENTRIES = 8;

  public static final int MAX_TITLE_CHARS = 120;
  public static final int MAX_DESCRIPTION_CHARS = 2_000;
  public static final int MAX_PHRASE_CHARS = 200;
  public static final int MAX_MEMORY_WINDOW = 20;

  /** Names a pack may not take: the check host's own. */
  public static final String RESERVED_NAME = "host";

  private ModuleLimits() {}
}
