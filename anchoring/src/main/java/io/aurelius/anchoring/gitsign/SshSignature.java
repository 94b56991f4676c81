package io.aurelius.anchoring.gitsign;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Ed25519PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SSHSIG (OpenSSH PROTOCOL.sshsig), Ed25519 and SHA-512 only. The signed blob is {@code "SSHSIG" ‖
 * string namespace ‖ string "" ‖ string "sha512" ‖ string SHA-512(message)}; the armored signature
 * carries the signer's public key, so {@link #verify} returns it for the caller to check against
 * whom it trusts.
 */
public final class SshSignature {
  public static final String GIT_NAMESPACE = "git";
  private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final String HASH = "sha512";
  private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
  private static final String END = "-----END SSH SIGNATURE-----";
  private static final int LINE = 70;
  private static final int MAX_ARMOR = 8192;

  private SshSignature() {}

  /** The armored signature, ending in a newline, as {@code ssh-keygen -Y sign} prints it. */
  public static String sign(Ed25519KeyPair key, String namespace, byte[] message) {
    requireNonNull(key, "key");
    requireNonNull(namespace, "namespace");
    requireNonNull(message, "message");
    byte[] signature = key.sign(signedData(namespace, message));
    byte[] blob =
        new SshWire.Writer()
            .raw(MAGIC)
            .uint32(VERSION)
            .string(SshEd25519Key.blob(key.publicKey()))
            .string(namespace)
            .string("")
            .string(HASH)
            .string(new SshWire.Writer().string(SshEd25519Key.TYPE).string(signature).bytes())
            .bytes();
    String b64 = Base64.getEncoder().encodeToString(blob);
    StringBuilder out = new StringBuilder(BEGIN).append('\n');
    for (int i = 0; i < b64.length(); i += LINE) {
      out.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
    }
    return out.append(END).append('\n').toString();
  }

  /** Checks an armored signature over {@code message}; returns the key that made it. */
  public static Ed25519PublicKey verify(String armored, String namespace, byte[] message)
      throws SshSignatureException {
    requireNonNull(armored, "armored");
    requireNonNull(namespace, "namespace");
    requireNonNull(message, "message");
    SshWire.Reader in = new SshWire.Reader(dearmor(armored));
    if (!MessageDigest.isEqual(in.raw(MAGIC.length), MAGIC)) {
      throw new SshSignatureException("SSH signature: bad magic (expected: SSHSIG)");
    }
    int version = in.uint32();
    if (version != VERSION) {
      throw new SshSignatureException("SSH signature: version " + version + " (expected: 1)");
    }
    Ed25519PublicKey key = SshEd25519Key.parseBlob(in.string());
    String ns = in.text();
    if (!ns.equals(namespace)) {
      throw new SshSignatureException(
          "SSH signature: namespace '"
              + SshEd25519Key.abbreviate(ns)
              + "' (expected: '"
              + namespace
              + "')");
    }
    in.string(); // reserved
    String hash = in.text();
    if (!HASH.equals(hash)) {
      throw new SshSignatureException(
          "SSH signature: hash '" + SshEd25519Key.abbreviate(hash) + "' (expected: sha512)");
    }
    SshWire.Reader sig = new SshWire.Reader(in.string());
    in.end();
    String type = sig.text();
    if (!SshEd25519Key.TYPE.equals(type)) {
      throw new SshSignatureException(
          "SSH signature: signature type '"
              + SshEd25519Key.abbreviate(type)
              + "' (expected: ssh-ed25519)");
    }
    byte[] raw = sig.string();
    sig.end();
    if (!key.verify(signedData(namespace, message), raw)) {
      throw new SshSignatureException(
          "SSH signature: does not verify under its key " + SshEd25519Key.line(key));
    }
    return key;
  }

  private static byte[] signedData(String namespace, byte[] message) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-512").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-512", e);
    }
    return new SshWire.Writer()
        .raw(MAGIC)
        .string(namespace)
        .string("")
        .string(HASH)
        .string(digest)
        .bytes();
  }

  private static byte[] dearmor(String armored) throws SshSignatureException {
    if (armored.length() > MAX_ARMOR) {
      throw new SshSignatureException(
          "SSH signature: " + armored.length() + " chars (expected: at most " + MAX_ARMOR + ")");
    }
    String t = armored.strip();
    if (!t.startsWith(BEGIN) || !t.endsWith(END)) {
      throw new SshSignatureException("SSH signature: missing '" + BEGIN + "' armor");
    }
    String body = t.substring(BEGIN.length(), t.length() - END.length()).replaceAll("\\s+", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new SshSignatureException("SSH signature: armored body is not base64");
    }
  }
}
