package io.aurelius.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command's help renders without a picocli warning: descriptions are format strings, so a
 * bare {@code %} (as in "95% interval") must be written {@code %%}.
 */
class HelpTextsTest {
  @TempDir Path dir;

  @Test
  void everyHelpTextRendersWithoutAFormatWarning() {
    CommandLine root =
        AureliusCommand.commandLine(
            new CliContext(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Map.of(),
                dir));
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    PrintStream before = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> usages = new ArrayList<>();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine c : all) {
        usages.add(c.getUsageMessage(CommandLine.Help.Ansi.OFF));
      }
    } finally {
      System.setErr(before);
    }
    assertThat(all).hasSizeGreaterThan(20);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(String.join("\n", usages)).contains("its 95% interval").doesNotContain("%%");
  }

  private static void collect(CommandLine c, List<CommandLine> out) {
    out.add(c);
    c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
  }
}
