package io.aurelius.node.cli.doctor;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.ListenAddress;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.chain.NetworkOptions;
import io.aurelius.node.cli.keys.CliWallets;
import io.aurelius.node.cli.keys.SigningKeys;
import io.aurelius.worldmodel.sim.server.DurationText;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aurelius doctor}: is this machine ready to run a node? */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check what a node needs: the hotkey loads and key files are private, the ports "
          + "can be bound, the chain answers (--chain-endpoint), the model endpoints serve their "
          + "models (--model), git is installed and the home has disk space.",
      "With --network and --netuid: the Subtensor node answers, its genesis hash and runtime, "
          + "and the hotkey's registration, axon, stake and weights rate limit on the subnet.",
      "Each problem is printed with a fix line. Exit code 1 if any check fails."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Mixin private HomeOptions home;
  @Mixin private NetworkOptions network;

  @Option(
      names = "--hotkey",
      paramLabel = "KEY",
      description = "The hotkey the node will use (name or key id; default: check every hotkey).")
  private String hotkey;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      split = ",",
      description =
          "An address the node will listen on, checked free (repeatable; default: none checked).")
  private List<String> listens = new ArrayList<>();

  @Option(names = "--listen-host", hidden = true, paramLabel = "HOST")
  private String legacyListenHost;

  @Option(names = "--port", hidden = true, paramLabel = "PORT", split = ",")
  private List<Integer> legacyPorts = new ArrayList<>();

  @Option(
      names = "--chain-endpoint",
      paramLabel = "HOST:PORT",
      description = "The chain to reach (default: not checked).")
  private String chainEndpoint;

  @Option(
      names = "--chain-authority",
      paramLabel = "KEYID",
      description = "The chain's authority key; with it, a signed chain/info call is checked too.")
  private String chainAuthority;

  @Option(
      names = "--model",
      paramLabel = "SPEC",
      split = ",",
      description =
          "A model endpoint to probe: sim, openai:URL#MODEL or ollama:URL#MODEL (repeatable).")
  private List<String> models = new ArrayList<>();

  @Option(
      names = "--probe-timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description =
          "Time each network probe may take, with its unit: 500ms, 5s, 1m (default: "
              + "${DEFAULT-VALUE}).")
  private String probeTimeout;

  private final CliContext context;

  public DoctorCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Duration timeout;
    try {
      timeout = DurationText.parse(probeTimeout, "--probe-timeout");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    if (timeout.isZero() || timeout.compareTo(Duration.ofMinutes(2)) > 0) {
      throw new UserInputException(
          "--probe-timeout: " + probeTimeout + " (expected: more than 0, at most 2m)");
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String listen : listens) {
      addresses.add(ListenAddress.parse(listen, "--listen"));
    }
    if (legacyListenHost != null || !legacyPorts.isEmpty()) {
      context
          .err()
          .println(
              "warning: --listen-host and --port are deprecated; use --listen HOST:PORT"
                  + " (repeatable)");
      String host = legacyListenHost == null ? "0.0.0.0" : legacyListenHost;
      for (int port : legacyPorts) {
        addresses.add(InetSocketAddress.createUnresolved(host, port));
      }
    }
    Path homeDir = home.home(context);
    Optional<String> named = Optional.ofNullable(hotkey).filter(h -> !h.isBlank());
    List<Finding> findings = new ArrayList<>();
    if (named.isPresent() && inWallets(homeDir, named.get())) {
      findings.add(walletHotkey(named.get()));
    } else {
      findings.addAll(KeyCheck.run(homeDir, named));
    }
    for (InetSocketAddress address : addresses) {
      findings.add(PortCheck.run(address.getHostString(), address.getPort()));
    }
    if (chainEndpoint != null && !chainEndpoint.isBlank()) {
      findings.add(
          ChainCheck.run(
              chainEndpoint.strip(),
              Optional.ofNullable(chainAuthority).filter(a -> !a.isBlank()).map(String::strip),
              timeout));
    }
    Optional<NetworkOptions.Subnet> subnet = network.subnet();
    if (subnet.isPresent()) {
      findings.addAll(SubtensorCheck.run(subnet.get(), subtensorHotkey(named), this::progress));
    }
    for (String model : models) {
      findings.add(ModelCheck.run(model, timeout));
    }
    findings.add(HostCheck.git());
    findings.add(HostCheck.disk(homeDir));
    return print(findings);
  }

  private void progress(String line) {
    context.err().println("subtensor: " + line);
    context.err().flush();
  }

  /** The hotkey to look up on the subnet: a key id as given, or the named key's. */
  private Optional<KeyId> subtensorHotkey(Optional<String> named) {
    if (named.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(KeyId.parse(named.get()));
    } catch (IllegalArgumentException notAnAddress) {
      try {
        return Optional.of(
            KeyId.of(SigningKeys.hotkeySigner(home, context, "--hotkey", named.get()).publicKey()));
      } catch (UserInputException | KeyStoreException e) {
        return Optional.empty();
      }
    }
  }

  private int print(List<Finding> findings) {
    PrintWriter out = context.out();
    int width = findings.stream().mapToInt(f -> f.check().length()).max().orElse(0);
    long failed = 0;
    long warned = 0;
    for (Finding f : findings) {
      out.printf("%-4s  %-" + width + "s  %s%n", f.outcome().label, f.check(), f.detail());
      f.fix().ifPresent(fix -> out.printf("%-4s  %-" + width + "s  fix: %s%n", "", "", fix));
      failed += f.outcome() == Finding.Outcome.FAIL ? 1 : 0;
      warned += f.outcome() == Finding.Outcome.WARN ? 1 : 0;
    }
    out.println(
        failed == 0
            ? "doctor: all checks passed"
                + (warned > 0 ? " (" + warned + " warning" + (warned == 1 ? "" : "s") + ")" : "")
            : "doctor: " + failed + " of " + findings.size() + " checks failed");
    out.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.FAILURE;
  }

  /** A wallet key {@code WALLET/HOTKEY}, or {@code WALLET} with a wallet of that name here. */
  private static boolean inWallets(Path home, String ref) {
    return ref.indexOf('/') >= 0
        || java.nio.file.Files.isDirectory(home.resolve(CliWallets.DIRECTORY).resolve(ref));
  }

  /** The wallet hotkey loads and signs as the account its file names. */
  private Finding walletHotkey(String ref) {
    String check = "key " + ref;
    try {
      Signer key = SigningKeys.hotkeySigner(home, context, "--hotkey", ref);
      return Finding.ok(
          check,
          key.scheme().wireName()
              + " hotkey "
              + KeyId.of(key.publicKey())
              + " loads from its Bittensor wallet");
    } catch (UserInputException | KeyStoreException e) {
      return Finding.fail(
          check,
          e.getMessage(),
          "aurelius keys list --home " + home.home(context) + "  (then --hotkey WALLET/HOTKEY)");
    }
  }
}
