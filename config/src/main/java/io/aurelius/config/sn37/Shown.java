package io.aurelius.config.sn37;

/** A peer's value as an error message shows it: quoted, at most 40 characters. */
final class Shown {
  private Shown() {}

  static String of(String value) {
    String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
