package io.aurelius.node.cli.corpus;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.ots.CalendarClient;
import io.aurelius.anchoring.ots.Stamper;
import io.aurelius.anchoring.stamping.CheckpointStamper;
import io.aurelius.anchoring.stamping.StampRun;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.UserInputException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Timestamp the log's checkpoints with OpenTimestamps calendars.",
      "Checkpoints with no proof yet are submitted; if no calendar answers, each is recorded as pending.",
      "With --upgrade, pending records are resubmitted and proofs are completed once in a Bitcoin block."
    })
final class StampCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "The log's bare repository.")
  String target;

  @Option(
      names = "--upgrade",
      description = "Also retry pending records and upgrade incomplete proofs.")
  boolean upgrade;

  @Option(
      names = "--calendar-urls",
      paramLabel = "URL",
      split = ",",
      defaultValue =
          "https://alice.btc.calendar.opentimestamps.org,https://bob.btc.calendar.opentimestamps.org,"
              + "https://finney.calendar.eternitywall.com",
      description = "OpenTimestamps calendars (default: ${DEFAULT-VALUE}).")
  List<String> calendarUrls;

  @Option(
      names = "--calendar-timeout-seconds",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Connect and answer time limit per calendar request (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Mixin WriterOptions writer;

  private final CliContext context;

  StampCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    if (timeoutSeconds < 1 || timeoutSeconds > 300) {
      throw new UserInputException(
          "--calendar-timeout-seconds: " + timeoutSeconds + " (expected: 1..300)");
    }
    List<URI> calendars = new ArrayList<>();
    for (String url : calendarUrls) {
      if (!url.matches("https?://[A-Za-z0-9.:\\-]+(/[A-Za-z0-9._/\\-]*)?")) {
        throw new UserInputException(
            "--calendar-urls: '" + url + "' (expected: http(s)://host[:port][/path])");
      }
      calendars.add(URI.create(url));
    }
    CheckpointStamper stamper =
        new CheckpointStamper(
            new Stamper(new CalendarClient(Duration.ofSeconds(timeoutSeconds)), calendars));
    try (LocalWriter local = LocalWriter.open(target, writer.key(context), context)) {
      StampRun run = stamper.run(local.log(), local.writer(), upgrade);
      context
          .out()
          .println(
              "stamped: "
                  + run.stamped()
                  + "; recorded as pending (no calendar answered): "
                  + run.recordedPending()
                  + "; upgraded to Bitcoin: "
                  + run.upgraded()
                  + "; still waiting: "
                  + run.stillPending());
      run.failures().stream().distinct().forEach(f -> context.err().println("warning: " + f));
      if (!run.recordedPending().isEmpty() || (!run.stillPending().isEmpty() && !upgrade)) {
        context.out().println("retry later with: aurelius corpus stamp --upgrade " + target);
      }
      return ExitCode.OK;
    } catch (LogException e) {
      throw Failures.of(e);
    }
  }
}
