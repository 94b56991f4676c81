package io.aurelius.node.cli.corpus;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads an Ed25519 key from a file holding its 32-byte seed as 64 hex digits (whitespace
 * ignored). The node's key files will replace this; until then it is the development form.
 */
final class HotkeySeedFile {
  private HotkeySeedFile() {}

  static Ed25519KeyPair read(Path file, String option) {
    String text;
    try {
      if (Files.size(file) > 1024) {
        throw new UserInputException(file + ": " + option + " is larger than 1 KiB (expected: 64 hex digits)");
      }
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + ": " + option + " not found");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read " + option + ": " + e.getMessage());
    }
    if (!text.matches("[0-9a-fA-F]{64}")) {
      throw new UserInputException(file + ": " + option + " holds " + text.length()
          + " characters (expected: a 32-byte Ed25519 seed as 64 hex digits)");
    }
    return Ed25519KeyPair.fromSeed(HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT)));
  }
}
