package io.aurelius.node.cli.keys;

import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.UserInputException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a coldkey passphrase comes from, in this order: {@code --passphrase-file FILE} (the first
 * line, UTF-8), the {@code AURELIUS_PASSPHRASE} environment variable, or a no-echo prompt when a
 * terminal is attached. An empty passphrase is refused.
 */
public final class PassphraseOptions {
  static final String ENV = "AURELIUS_PASSPHRASE";
  private static final int MAX_FILE_BYTES = 4096;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the coldkey passphrase (else the "
              + ENV
              + " environment variable, else a prompt on the terminal).")
  private Path passphraseFile;

  /** A passphrase for a new key; typed twice when prompted. */
  public char[] newPassphrase(CliContext context, String keyName) {
    return read(context, keyName, true);
  }

  /** The passphrase of an existing key. */
  public char[] passphrase(CliContext context, String keyName) {
    return read(context, keyName, false);
  }

  private char[] read(CliContext context, String keyName, boolean confirm) {
    if (passphraseFile != null && !passphraseFile.toString().isEmpty()) {
      return fromFile(context.resolve(passphraseFile));
    }
    String fromEnv = context.env().get(ENV);
    if (fromEnv != null) {
      return nonEmpty(fromEnv.toCharArray(), ENV);
    }
    Console console = System.console();
    if (console == null || !context.interactive()) {
      throw new UserInputException(
          "coldkey passphrase: none given (expected: --passphrase-file FILE, "
              + "the "
              + ENV
              + " environment variable, or a terminal to type it on)");
    }
    char[] first = console.readPassword("Passphrase for coldkey '%s': ", keyName);
    if (first == null) {
      throw new UserInputException("coldkey passphrase: input ended (expected: a passphrase)");
    }
    nonEmpty(first, "typed passphrase");
    if (confirm) {
      char[] second = console.readPassword("Repeat the passphrase: ");
      boolean same = second != null && Arrays.equals(first, second);
      if (second != null) {
        Arrays.fill(second, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw new UserInputException(
            "coldkey passphrase: the two entries differ (expected: the same passphrase twice)");
      }
    }
    return first;
  }

  private static char[] fromFile(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": passphrase file not found");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read passphrase file: " + e.getMessage(), e);
    }
    try {
      if (bytes.length > MAX_FILE_BYTES) {
        throw new UserInputException(
            file
                + ": passphrase file is larger than "
                + MAX_FILE_BYTES
                + " bytes (expected: the passphrase on one line)");
      }
      CharBuffer decoded;
      try {
        decoded =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        throw new UserInputException(
            file + ": passphrase file is not UTF-8 (expected: UTF-8 text)");
      }
      char[] chars = new char[decoded.remaining()];
      decoded.get(chars);
      Arrays.fill(decoded.array(), '\0');
      return nonEmpty(firstLine(chars, file), file + ": passphrase");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The text up to a final line break; a second non-empty line is refused. */
  private static char[] firstLine(char[] chars, Path file) {
    int end = chars.length;
    if (end > 0 && chars[end - 1] == '\n') {
      end--;
      if (end > 0 && chars[end - 1] == '\r') {
        end--;
      }
    }
    for (int i = 0; i < end; i++) {
      if (chars[i] == '\n' || chars[i] == '\r') {
        Arrays.fill(chars, '\0');
        throw new UserInputException(
            file
                + ": passphrase file has more than one line "
                + "(expected: the passphrase on one line)");
      }
    }
    char[] line = Arrays.copyOf(chars, end);
    Arrays.fill(chars, '\0');
    return line;
  }

  private static char[] nonEmpty(char[] passphrase, String where) {
    if (passphrase.length == 0) {
      throw new UserInputException(
          where + ": empty (expected: a passphrase of at least one character)");
    }
    return passphrase;
  }
}
