package io.aurelius.node.cli.validator;

import io.aurelius.anchoring.ots.CalendarClient;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.validator.service.ValidatorService;
import io.aurelius.worldmodel.sim.server.DurationText;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Bitcoin stamps of the corpus checkpoints: {@code --ots-calendar} (repeatable; none configured
 * means the validator does not stamp and contacts no calendar), {@code --ots-stamp-interval} and
 * {@code --ots-calendar-timeout}. A picocli mixin.
 */
public final class StampingOptions {
  @Option(
      names = "--ots-calendar",
      paramLabel = "URL",
      split = ",",
      description =
          "OpenTimestamps calendar that stamps each new corpus checkpoint (repeatable, or comma"
              + " separated; e.g. https://alice.btc.calendar.opentimestamps.org). None: checkpoints"
              + " are not stamped.")
  List<String> calendars = new ArrayList<>();

  @Option(
      names = "--ots-stamp-interval",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "How often pending stamps are retried and upgraded, besides after every epoch (default:"
              + " ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--ots-calendar-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Connect and answer time limit per calendar request (default: ${DEFAULT-VALUE}).")
  String timeout;

  /** Adds background stamping to the validator if a calendar is configured. */
  ValidatorService.Builder apply(ValidatorService.Builder builder) {
    Duration every = parse(interval, "--ots-stamp-interval");
    Duration perRequest = parse(timeout, "--ots-calendar-timeout");
    List<URI> uris = calendars();
    if (uris.isEmpty()) {
      return builder;
    }
    return builder.stamping(
        new CheckpointStamper(new Stamper(new CalendarClient(perRequest), uris)), every);
  }

  /** Checks every stamping option (bad input is exit 2 before anything starts). */
  void check() {
    parse(interval, "--ots-stamp-interval");
    parse(timeout, "--ots-calendar-timeout");
    calendars();
  }

  private List<URI> calendars() {
    List<URI> uris = new ArrayList<>();
    for (String url : calendars) {
      if (!url.matches("https?://[A-Za-z0-9.:\\-]+(/[A-Za-z0-9._/\\-]*)?")) {
        throw new UserInputException(
            "--ots-calendar: '" + url + "' (expected: http(s)://host[:port][/path])");
      }
      uris.add(URI.create(url));
    }
    return uris;
  }

  private static Duration parse(String text, String flag) {
    Duration d;
    try {
      d = DurationText.parse(text, flag);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    if (d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
      throw new UserInputException(flag + ": " + text + " (expected: more than 0, at most 1 day)");
    }
    return d;
  }
}
