package io.aurelius.judge.evidence;

/** How a configuration was labelled by whoever made it. */
public enum Label {
  GOOD,
  BAD
}
