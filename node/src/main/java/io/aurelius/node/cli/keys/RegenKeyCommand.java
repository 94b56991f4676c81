package io.aurelius.node.cli.keys;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyKind;
import io.aurelius.core.identity.wallet.KeyfileData;
import io.aurelius.core.identity.wallet.WalletKeys;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import io.aurelius.node.cli.VersionProvider;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurelius keys regen}: writes the wallet key a BIP-39 mnemonic gives, read from a file or
 * standard input, never from the command line (which other users can see and shells record).
 */
@Command(
    name = "regen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Regenerate a wallet key in <home>/wallets from its mnemonic, as btcli's regen does.",
      "The mnemonic is read from --mnemonic-file FILE ('-' for standard input), never from the "
          + "command line, and never printed. Names, files and passphrase as for keys new."
    })
final class RegenKeyCommand implements Callable<Integer> {
  private static final int MAX_BYTES = 1024;

  @Mixin private HomeOptions home;
  @Mixin private PassphraseOptions passphraseOptions;

  @Option(
      names = "--mnemonic-file",
      required = true,
      paramLabel = "FILE",
      description = "File holding the mnemonic's words ('-': standard input).")
  private Path mnemonicFile;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      defaultValue = "hotkey",
      description = "hotkey or coldkey (default: ${DEFAULT-VALUE}).")
  private String kind;

  @Option(names = "--name", paramLabel = "NAME", description = "WALLET/HOTKEY or WALLET.")
  private String name;

  @Option(
      names = "--scheme",
      paramLabel = "SCHEME",
      description = "sr25519 or ed25519 (default: sr25519).")
  private String scheme;

  private final CliContext context;

  RegenKeyCommand(CliContext context) {
    this.context = requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    KeyKind keyKind = NewKeyCommand.kind(kind);
    var keyScheme = NewKeyCommand.scheme(scheme);
    HomeKeys keys = HomeKeys.open(home, context);
    WalletKeyRef ref = WalletKeyWriter.target(keys, keyKind, name);
    char[] words = readWords();
    KeyfileData data;
    try {
      data = WalletKeys.fromPhrase(WalletEntry.cryptoType(keyScheme), words);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--mnemonic-file: " + e.getMessage(), e);
    } finally {
      Arrays.fill(words, '\0');
    }
    try {
      Path file = WalletKeyWriter.write(keys, ref, data, passphraseOptions, context);
      WalletKeyWriter.print(context, "regenerated", ref, data, file, Optional.empty());
    } finally {
      data.destroy();
    }
    return ExitCode.OK;
  }

  /** The words, lower-cased and separated by single spaces; the raw bytes are wiped. */
  private char[] readWords() {
    boolean stdin = mnemonicFile.toString().equals("-");
    Path file = stdin ? mnemonicFile : context.resolve(mnemonicFile);
    byte[] bytes;
    try {
      bytes = stdin ? System.in.readNBytes(MAX_BYTES + 1) : readFile(file);
    } catch (NoSuchFileException e) {
      throw new UserInputException("--mnemonic-file: " + file + ": no such file");
    } catch (IOException e) {
      throw new UserInputException("--mnemonic-file: " + file + ": " + e.getMessage(), e);
    }
    CharBuffer chars = null;
    try {
      if (bytes.length > MAX_BYTES) {
        throw new UserInputException(
            "--mnemonic-file: " + file + ": more than " + MAX_BYTES + " bytes (expected: words)");
      }
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return normalise(chars);
    } catch (CharacterCodingException e) {
      throw new UserInputException("--mnemonic-file: " + file + ": not UTF-8 (expected: words)");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }

  private static byte[] readFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }

  private static char[] normalise(CharBuffer in) {
    char[] out = new char[in.remaining()];
    int n = 0;
    boolean space = true;
    while (in.hasRemaining()) {
      char c = in.get();
      if (Character.isWhitespace(c)) {
        if (!space) {
          out[n++] = ' ';
          space = true;
        }
      } else {
        out[n++] = Character.toLowerCase(c);
        space = false;
      }
    }
    if (n > 0 && out[n - 1] == ' ') {
      n--;
    }
    char[] words = Arrays.copyOf(out, n);
    Arrays.fill(out, '\0');
    return words;
  }
}
