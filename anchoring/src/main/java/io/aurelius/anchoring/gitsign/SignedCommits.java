package io.aurelius.anchoring.gitsign;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Ed25519PublicKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * Writes and checks SSH-signed commits. The signature covers the commit object without its {@code
 * gpgsig} header and is inserted after the last header line, each signature line prefixed by one
 * space, exactly as git's {@code sign_commit} does.
 */
public final class SignedCommits {
  private static final byte[] HEADER = "gpgsig".getBytes(StandardCharsets.US_ASCII);

  private SignedCommits() {}

  /** Signs {@code commit} (which must carry no signature yet) and inserts it. */
  public static ObjectId insert(ObjectInserter inserter, CommitBuilder commit, Ed25519KeyPair key)
      throws IOException {
    requireNonNull(inserter, "inserter");
    requireNonNull(commit, "commit");
    requireNonNull(key, "key");
    if (commit.getGpgSignature() != null) {
      throw new IllegalArgumentException("commit is already signed");
    }
    byte[] payload = commit.build();
    String armored = SshSignature.sign(key, SshSignature.GIT_NAMESPACE, payload);
    return inserter.insert(Constants.OBJ_COMMIT, splice(payload, armored));
  }

  static byte[] splice(byte[] payload, String armored) {
    int end = endOfHeaders(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + armored.length() + 64);
    out.write(payload, 0, end);
    out.writeBytes(HEADER);
    for (String line : armored.split("\n")) {
      out.write(' ');
      out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
      out.write('\n');
    }
    out.write(payload, end, payload.length - end);
    return out.toByteArray();
  }

  /**
   * Checks the SSH signature of a raw commit object; returns the signing key, which the caller
   * compares with the keys it trusts.
   */
  public static Ed25519PublicKey verify(byte[] rawCommit) throws SshSignatureException {
    requireNonNull(rawCommit, "rawCommit");
    int end = endOfHeaders(rawCommit);
    ByteArrayOutputStream payload = new ByteArrayOutputStream(rawCommit.length);
    StringBuilder signature = null;
    boolean inSignature = false;
    int pos = 0;
    while (pos < end) {
      int eol = indexOf(rawCommit, (byte) '\n', pos, end);
      int next = eol < 0 ? end : eol + 1;
      boolean continuation = rawCommit[pos] == ' ';
      if (!continuation) {
        inSignature =
            startsWithHeader(rawCommit, pos, "gpgsig ")
                || startsWithHeader(rawCommit, pos, "gpgsig-sha256 ");
        if (inSignature && startsWithHeader(rawCommit, pos, "gpgsig ")) {
          if (signature != null) {
            throw new SshSignatureException("commit: two gpgsig headers");
          }
          signature = new StringBuilder();
          signature.append(
              new String(rawCommit, pos + 7, next - pos - 7, StandardCharsets.US_ASCII));
        }
      } else if (inSignature && signature != null) {
        signature.append(new String(rawCommit, pos + 1, next - pos - 1, StandardCharsets.US_ASCII));
      }
      if (!inSignature) {
        payload.write(rawCommit, pos, next - pos);
      }
      pos = next;
    }
    if (signature == null) {
      throw new SshSignatureException("commit: not signed (no gpgsig header)");
    }
    payload.write(rawCommit, end, rawCommit.length - end);
    return SshSignature.verify(
        signature.toString(), SshSignature.GIT_NAMESPACE, payload.toByteArray());
  }

  private static boolean startsWithHeader(byte[] raw, int pos, String header) {
    if (raw.length - pos < header.length()) {
      return false;
    }
    for (int i = 0; i < header.length(); i++) {
      if (raw[pos + i] != header.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Offset just after the last header line (the blank line's position), or the length. */
  private static int endOfHeaders(byte[] raw) {
    for (int i = 0; i + 1 < raw.length; i++) {
      if (raw[i] == '\n' && raw[i + 1] == '\n') {
        return i + 1;
      }
    }
    return raw.length;
  }

  private static int indexOf(byte[] raw, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
