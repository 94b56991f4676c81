package io.aurelius.node.cli.miner;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.lineage.Fork;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.miner.intake.Intake;
import io.aurelius.miner.intake.IntakeResult;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.library.LibraryEntry;
import io.aurelius.miner.modules.MinerModules;
import io.aurelius.miner.remote.ConfigRef;
import io.aurelius.miner.remote.FetchedConfig;
import io.aurelius.miner.remote.RemoteConfigs;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.config.ConfigFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aurelius miner fork URL#ID}: fork a published configuration into the library. */
@Command(
    name = "fork",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch a published configuration from any node's git endpoint, fork it (an "
          + "RFC 7396 JSON merge patch, a new name, a new title; parent set to its id), validate "
          + "and lint the fork, and add it to the library.",
      "URL#ID is e.g. http://127.0.0.1:8091/git/configs.git#<id>, the id in full or its "
          + "first 8 or more hex digits. A fork must differ from its source. Nothing is added "
          + "unless the fork is accepted."
    })
final class MinerForkCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private IntakeOptions intake;

  @Parameters(paramLabel = "URL#ID", description = "Where the source is and its id.")
  private String reference;

  @Option(
      names = "--patch",
      paramLabel = "FILE",
      description = "A JSON merge patch file (RFC 7396) applied to the source.")
  private String patch;

  @Option(names = "--set-name", paramLabel = "NAME", description = "The fork's name.")
  private String name;

  @Option(names = "--set-title", paramLabel = "TITLE", description = "The fork's title.")
  private String title;

  @Option(
      names = "--fetch-timeout-seconds",
      paramLabel = "N",
      defaultValue = "60",
      description = "How long the remote may stay silent (default: ${DEFAULT-VALUE}).")
  private long fetchTimeoutSeconds;

  private final CliContext context;

  MinerForkCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    ConfigRef ref = MinerHome.call(() -> ConfigRef.parse(reference));
    if (fetchTimeoutSeconds < 1 || fetchTimeoutSeconds > 3600) {
      throw new UserInputException(
          "--fetch-timeout-seconds: " + fetchTimeoutSeconds + " (expected: 1..3600)");
    }
    Optional<JsonNode> mergePatch = Optional.ofNullable(patch).map(this::readPatch);
    Intake check =
        new Intake(
            intake.policy(), new MinerModules(MinerModules.inHome(home.home(context)))::known);
    Path homeDir = home.home(context);
    FetchedConfig source =
        MinerHome.call(
            () ->
                new RemoteConfigs(
                        MinerHome.fetchDir(homeDir), Duration.ofSeconds(fetchTimeoutSeconds))
                    .fetch(ref));
    ObjectNode fork;
    try {
      fork =
          Fork.of(
              Json.parse(source.bytes(), source.path(), Limits.JSON),
              new Fork.Changes(mergePatch, Optional.ofNullable(name), Optional.ofNullable(title)));
    } catch (IllegalArgumentException | JsonInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    IntakeResult result = check.check(fork);
    if (result instanceof IntakeResult.Refused r) {
      r.problems().forEach(p -> context.err().println("fork: " + p));
      context.err().flush();
      throw new UserInputException(
          "fork of "
              + source.id().shortHex()
              + ": refused ("
              + r.problems().size()
              + (r.problems().size() == 1 ? " problem" : " problems")
              + "); nothing added");
    }
    IntakeResult.Accepted accepted = (IntakeResult.Accepted) result;
    accepted.warnings().forEach(w -> context.err().println("fork: warning: " + w));
    CompiledConfig config = accepted.config();
    try (ConfigLibrary library = MinerHome.openLibrary(homeDir)) {
      LibraryEntry entry = MinerHome.call(() -> library.add(config, Instant.now()));
      context.out().println("forked " + source.id().hex() + " from " + ref.repository());
      context
          .out()
          .println(
              "added "
                  + entry.id().hex()
                  + " "
                  + entry.name()
                  + " (parent "
                  + source.id().shortHex()
                  + ")");
    }
    context.out().flush();
    context.err().flush();
    return ExitCode.OK;
  }

  private JsonNode readPatch(String file) {
    try {
      return Json.parse(
          ConfigFiles.read(context, file, Limits.MAX_DOCUMENT_BYTES), file, Limits.JSON);
    } catch (JsonInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
