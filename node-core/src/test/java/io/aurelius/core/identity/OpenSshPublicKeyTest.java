package io.aurelius.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSSH export, checked byte by byte and against the real {@code ssh-keygen} (installed by
 * {@code .ci/setup}): it must read the public key, and an SSH signature made with the same seed
 * must verify against the exported allowed-signers line, as git does.
 */
class OpenSshPublicKeyTest {
  private static final Ed25519KeyPair PAIR =
      Ed25519KeyPair.fromSeed(
          HexFormat.of()
              .parseHex(
                  "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")); // RFC 8032
  // TEST 1
  private static final OpenSshPublicKey KEY = OpenSshPublicKey.of(PAIR.publicKey());

  @TempDir Path dir;

  @Test
  void wireBlobIsTwoRfc4253Strings() {
    byte[] blob = KEY.wireBlob();
    assertThat(HexFormat.of().formatHex(blob))
        .isEqualTo(
            "0000000b"
                + "7373682d65643235353139"
                + "00000020"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(KEY.line("node"))
        .isEqualTo("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " node");
    assertThat(KEY.keyText()).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI");
    assertThat(KEY.allowedSignersLine("node@example.org"))
        .isEqualTo("node@example.org " + KEY.keyText());
  }

  @Test
  void refusesTextThatWouldBreakTheLineFormat() {
    assertThatThrownBy(() -> KEY.line("a\nb"))
        .hasMessageContaining("control character at position 2");
    assertThatThrownBy(() -> KEY.allowedSignersLine("two words"))
        .hasMessageStartingWith("principal 'two words' (expected:");
    assertThatThrownBy(() -> KEY.allowedSignersLine("*")).hasMessageStartingWith("principal '*'");
    assertThatThrownBy(() -> KEY.allowedSignersLine("")).hasMessageStartingWith("principal ''");
  }

  @Test
  void sshKeygenReadsTheExportedPublicKey() throws Exception {
    Path pub = dir.resolve("node.pub");
    Files.writeString(pub, KEY.line("validator key") + "\n");
    Result r = sshKeygen("-l", "-f", pub.toString());
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output().strip())
        .isEqualTo("256 " + KEY.fingerprint() + " validator key (ED25519)");
  }

  @Test
  void signatureFromTheSameSeedVerifiesAgainstTheAllowedSignersLine() throws Exception {
    Path privateKey = dir.resolve("id_ed25519");
    Files.writeString(privateKey, openSshPrivateKey(PAIR, "test"));
    Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
    Result derived = sshKeygen("-y", "-f", privateKey.toString());
    assertThat(derived.output().strip()).startsWith(KEY.keyText());

    Path message = dir.resolve("commit.txt");
    Files.writeString(message, "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nsigned\n");
    Result sign =
        sshKeygen("-Y", "sign", "-f", privateKey.toString(), "-n", "git", message.toString());
    assertThat(sign.exit()).as(sign.output()).isZero();
    Path signers = dir.resolve("allowed_signers");
    Files.writeString(signers, KEY.allowedSignersLine("node@aurelius") + "\n");
    Path signature = dir.resolve("commit.txt.sig");

    Result ok = verify(signers, "node@aurelius", signature, message);
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("Good \"git\" signature for node@aurelius");
    assertThat(verify(signers, "someone-else", signature, message).exit()).isNotZero();
    Files.writeString(message, "tampered\n");
    assertThat(verify(signers, "node@aurelius", signature, message).exit()).isNotZero();
  }

  private Result verify(Path signers, String principal, Path signature, Path message)
      throws Exception {
    return sshKeygen(
        message,
        "-Y",
        "verify",
        "-f",
        signers.toString(),
        "-I",
        principal,
        "-n",
        "git",
        "-s",
        signature.toString());
  }

  private record Result(int exit, String output) {}

  private Result sshKeygen(String... args) throws Exception {
    return sshKeygen(null, args);
  }

  private Result sshKeygen(Path stdin, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("ssh-keygen"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.redirectInput(
        stdin == null
            ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
            : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          "ssh-keygen is needed for this test: run 'bash .ci/setup' " + "(installs openssh-client)",
          e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  /**
   * An unencrypted {@code openssh-key-v1} private key file (OpenSSH PROTOCOL.key), for ssh-keygen
   * to sign with.
   */
  private static String openSshPrivateKey(Ed25519KeyPair pair, String comment) {
    byte[] pk = pair.publicKey().bytes();
    byte[] secret = new byte[64];
    System.arraycopy(pair.privateKey().seed(), 0, secret, 0, 32);
    System.arraycopy(pk, 0, secret, 32, 32);
    ByteArrayOutputStream keys = new ByteArrayOutputStream();
    writeInt(keys, 0x01020304);
    writeInt(keys, 0x01020304);
    writeString(keys, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
    writeString(keys, pk);
    writeString(keys, secret);
    writeString(keys, comment.getBytes(StandardCharsets.UTF_8));
    for (int pad = 1; keys.size() % 8 != 0; pad++) {
      keys.write(pad);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    writeString(out, "none".getBytes(StandardCharsets.US_ASCII));
    writeString(out, "none".getBytes(StandardCharsets.US_ASCII));
    writeString(out, new byte[0]);
    writeInt(out, 1);
    writeString(out, OpenSshPublicKey.of(pair.publicKey()).wireBlob());
    writeString(out, keys.toByteArray());
    String body =
        Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(out.toByteArray());
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n";
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
  }

  private static void writeString(ByteArrayOutputStream out, byte[] value) {
    writeInt(out, value.length);
    out.writeBytes(value);
  }
}
