package io.aurelius.config.module;

/** Why a module (or a configuration's import of one) is refused; the code is stable. */
public enum ModuleReason {
  /** Not a module document: structure, types, unknown members. */
  MALFORMED("malformed"),
  /** Over a size or count limit of the module format. */
  LIMITS("limits"),
  /** A CEL expression or template that does not compile or type-check, or exceeds CEL limits. */
  CEL("cel"),
  /** Reads or writes state the module does not declare (or require). */
  UNDECLARED_STATE("undeclared_state"),
  /** A declared name outside the pack's namespace ({@code <pack>_...}). */
  NAMESPACE("namespace"),
  /** A name another adopted module, another import or the configuration already uses. */
  NAME_COLLISION("name_collision"),
  /** An import or requirement that is not in the adopted set. */
  NOT_ADOPTED("not_adopted"),
  /** Requirements that lead back to the module itself. */
  IMPORT_LOOP("import_loop"),
  /** Immersive text that reveals a test. */
  OPACITY("opacity"),
  /** A signature that does not verify. */
  SIGNATURE("signature"),
  /** More than one memory policy or framing pack imported. */
  ONE_PER_KIND("one_per_kind");

  private final String code;

  ModuleReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
