package io.aurelius.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option values that were not given as flags: first from {@code AURELIUS_*} environment
 * variables, then from the YAML config file, then the option's own default. One name per setting:
 * {@code --data-dir}, {@code AURELIUS_DATA_DIR}, {@code data-dir:}.
 */
final class SettingsSource implements CommandLine.IDefaultValueProvider {
  static final String CONFIG_FILE_OPTION = "--config-file";
  static final String CONFIG_FILE_ENV = "AURELIUS_CONFIG_FILE";
  private static final int MAX_CONFIG_BYTES = 1 << 20;

  private final Map<String, String> env;
  private final Map<String, String> fileValues;
  private final Optional<Path> file;

  private SettingsSource(
      Map<String, String> env, Map<String, String> fileValues, Optional<Path> file) {
    this.env = env;
    this.fileValues = fileValues;
    this.file = file;
  }

  /** Finds the config file (flag, then environment) before picocli parses, and reads it. */
  static SettingsSource load(String[] args, CliContext context) {
    Optional<Path> file =
        configFileFrom(args)
            .or(() -> Optional.ofNullable(context.env().get(CONFIG_FILE_ENV)))
            .filter(s -> !s.isBlank())
            .map(s -> context.resolve(Path.of(s)));
    Map<String, String> values = file.map(SettingsSource::read).orElse(Map.of());
    return new SettingsSource(context.env(), values, file);
  }

  private static Optional<String> configFileFrom(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals(CONFIG_FILE_OPTION) && i + 1 < args.length) {
        return Optional.of(args[i + 1]);
      }
      if (args[i].startsWith(CONFIG_FILE_OPTION + "=")) {
        return Optional.of(args[i].substring(CONFIG_FILE_OPTION.length() + 1));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> read(Path path) {
    byte[] bytes;
    try {
      if (Files.size(path) > MAX_CONFIG_BYTES) {
        throw new UserInputException(
            path + ": config file is larger than 1 MiB (expected: a small YAML file)");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UserInputException(path + ": config file not found");
    } catch (IOException e) {
      throw new UserInputException(path + ": cannot read config file: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new UserInputException(path + ": malformed YAML: " + msg);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw new UserInputException(
          path
              + ": top level is "
              + root.getNodeType().toString().toLowerCase(Locale.ROOT)
              + " (expected: a mapping of setting names to values)");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        List<String> items = new java.util.ArrayList<>();
        v.forEach(item -> items.add(item.asText()));
        values.put(e.getKey(), String.join(",", items));
      } else if (v.isValueNode()) {
        values.put(e.getKey(), v.asText());
      } else {
        throw new UserInputException(
            path + ": key '" + e.getKey() + "' holds a mapping (expected: a scalar or a list)");
      }
    }
    return values;
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String name = settingName(option);
    if (name == null) {
      return null;
    }
    String fromEnv = env.get(envName(name));
    if (fromEnv != null) {
      return fromEnv;
    }
    return fileValues.get(name);
  }

  /**
   * Refuses keys in the file that are settings of no command, so a typo never silently falls back
   * to a default; keys of other commands are ignored, so one file can serve several commands.
   */
  void checkKeys(CommandLine root) {
    if (fileValues.isEmpty()) {
      return;
    }
    Set<String> known = new TreeSet<>();
    collectSettings(root, known);
    for (String key : fileValues.keySet()) {
      if (!known.contains(key)) {
        throw new UserInputException(
            file.map(Path::toString).orElse("config file")
                + ": unknown key '"
                + key
                + "' (expected a setting of some command, e.g. "
                + String.join(", ", nearest(key, known))
                + ")");
      }
    }
  }

  private static void collectSettings(CommandLine cmd, Set<String> into) {
    for (OptionSpec option : cmd.getCommandSpec().options()) {
      String name = settingName(option);
      if (name != null) {
        into.add(name);
      }
    }
    cmd.getSubcommands().values().forEach(sub -> collectSettings(sub, into));
  }

  /** Up to five known keys sharing the most leading characters with {@code key}. */
  private static List<String> nearest(String key, Set<String> known) {
    return known.stream()
        .sorted(
            java.util.Comparator.comparingInt((String k) -> -commonPrefix(k, key))
                .thenComparing(k -> k))
        .limit(5)
        .toList();
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  /**
   * Where the value of {@code option} came from when it was not on the command line: {@code
   * environment variable AURELIUS_X} or {@code FILE, key 'x'}; empty when it was typed (or is the
   * option's own default).
   */
  Optional<String> origin(OptionSpec option, String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      for (String name : option.names()) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return Optional.empty();
        }
      }
    }
    String name = settingName(option);
    if (name == null) {
      return Optional.empty();
    }
    if (env.containsKey(envName(name))) {
      return Optional.of("environment variable " + envName(name));
    }
    if (fileValues.containsKey(name)) {
      return Optional.of(file.map(Path::toString).orElse("config file") + ", key '" + name + "'");
    }
    return Optional.empty();
  }

  /** The setting name of an option: its long name without dashes; null for help options. */
  static String settingName(OptionSpec option) {
    if (option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String longest = option.longestName();
    if (!longest.startsWith("--") || longest.equals(CONFIG_FILE_OPTION)) {
      return null;
    }
    return longest.substring(2);
  }

  static String envName(String settingName) {
    return "AURELIUS_" + settingName.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }
}
