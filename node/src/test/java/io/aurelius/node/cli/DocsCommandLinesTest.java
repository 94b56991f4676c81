package io.aurelius.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Every command line the docs show ({@code aurelius ...} or {@code ./aurelius ...} in a fenced
 * block of README.md, docs/*.md or docker/README.md) parses: its commands and options exist and its
 * values convert. Parsed only, never run. Placeholders the docs use for a value the reader fills in
 * ({@code KEYID}, {@code N}, {@code 5F…}) are allowed where a number is expected.
 */
class DocsCommandLinesTest {
  private static final Path ROOT = Path.of(System.getProperty("aurelius.testdata")).getParent();

  @Test
  void everyDocumentedCommandLineParses() throws IOException {
    List<String> problems = new ArrayList<>();
    int parsed = 0;
    for (Path doc : docs()) {
      for (DocLine line : commandLines(doc)) {
        parsed++;
        parse(line).ifPresent(problems::add);
      }
    }
    assertThat(parsed).as("command lines found in the docs").isGreaterThan(40);
    assertThat(problems).isEmpty();
  }

  private record DocLine(Path doc, int number, List<String> args) {
    String where() {
      return ROOT.relativize(doc) + ":" + number + ": aurelius " + String.join(" ", args);
    }
  }

  private static java.util.Optional<String> parse(DocLine line) {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            ROOT);
    CommandLine cli = AureliusCommand.commandLine(context);
    try {
      ParseResult result = cli.parseArgs(line.args().toArray(String[]::new));
      AureliusCommand.refuseUnmatched(result);
      return java.util.Optional.empty();
    } catch (CommandLine.ParameterException e) {
      if (e.getCause() instanceof CommandLine.TypeConversionException
          && placeholder(e.getMessage())) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          line.where() + " -> " + e.getMessage().lines().findFirst().orElse(""));
    } catch (UserInputException e) {
      return java.util.Optional.of(line.where() + " -> " + e.getMessage());
    }
  }

  /** A value the reader fills in: an upper-case name or a shortened key like 5F…. */
  private static boolean placeholder(String message) {
    return message.matches("(?s).*'([A-Z][A-Z_]*|[^']*(…|\\.\\.\\.)[^']*)'.*");
  }

  private static List<Path> docs() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(ROOT.resolve("README.md"));
    out.add(ROOT.resolve("docker/README.md"));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }

  /** The {@code aurelius} command lines in fenced blocks, continuation lines joined. */
  static List<DocLine> commandLines(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<DocLine> out = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        continue;
      }
      int start = i;
      StringBuilder command = new StringBuilder(line);
      while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines.get(++i).strip());
      }
      List<String> words = ShellWords.split(command.toString());
      int at = commandStart(words);
      if (at >= 0) {
        out.add(new DocLine(doc, start + 1, synopsis(words.subList(at + 1, words.size()))));
      }
    }
    return out;
  }

  /**
   * A synopsis line's words as a user would type them with every optional part: brackets dropped, a
   * closing ellipsis word ("and more") dropped, and only the first of alternatives split by " / ".
   */
  private static List<String> synopsis(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (w.equals("/")) {
        break;
      }
      String bare = w.replaceAll("^\\[+|]+$", "");
      if (!bare.isEmpty()) {
        out.add(bare);
      }
    }
    if (!out.isEmpty() && List.of("…", "...").contains(out.get(out.size() - 1))) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Where {@code aurelius} is the command word: first, after {@code $}, or in an exec line. */
  private static int commandStart(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("aurelius") || w.equals("./aurelius")) {
        return i == 0 || words.get(i - 1).equals("$") || words.contains("exec") ? i : -1;
      }
    }
    return -1;
  }
}
