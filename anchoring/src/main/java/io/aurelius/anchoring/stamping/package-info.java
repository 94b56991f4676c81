/**
 * Timestamping a log's checkpoints with OpenTimestamps: each checkpoint's text is submitted to the
 * configured calendars; the proof is kept as {@code stamps/<size>.ots}, or, when no calendar
 * answers, a {@code stamps/<size>.pending} record that a later upgrade retries. Depends on the log
 * and ots packages.
 */
package io.aurelius.anchoring.stamping;
