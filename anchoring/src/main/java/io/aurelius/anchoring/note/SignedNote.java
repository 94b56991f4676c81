package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature
 * lines {@code — <name> <base64>} (U+2014). The text ends at the <em>last</em> blank line. Parsing
 * is strict and bounded: control characters, malformed lines, short signatures, more than {@value
 * #MAX_SIGNATURES} signatures or more than {@value #MAX_BYTES} bytes are refused.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  public static final String DASH = "\u2014";
  public static final int MAX_SIGNATURES = 100;
  public static final int MAX_BYTES = 1 << 20;

  public SignedNote {
    requireNonNull(text, "text");
    signatures = List.copyOf(signatures);
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must be non-empty and end in a newline");
    }
  }

  public static SignedNote parse(byte[] bytes) throws MalformedNoteException {
    requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_BYTES) {
      throw new MalformedNoteException(
          "note: " + bytes.length + " bytes (expected: at most " + MAX_BYTES + ")");
    }
    String all;
    try {
      all =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedNoteException("note: not valid UTF-8");
    }
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        throw new MalformedNoteException(
            "note: control character 0x"
                + Integer.toHexString(c)
                + " at offset "
                + i
                + " (expected: printable text and newlines)");
      }
    }
    int split = all.lastIndexOf("\n\n");
    if (split < 0) {
      throw new MalformedNoteException("note: no blank line before the signatures");
    }
    String text = all.substring(0, split + 1);
    String block = all.substring(split + 2);
    if (block.isEmpty()) {
      throw new MalformedNoteException("note: no signature lines after the blank line");
    }
    if (!block.endsWith("\n")) {
      throw new MalformedNoteException("note: last signature line does not end in a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    int lineNo = 0;
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      lineNo++;
      if (signatures.size() == MAX_SIGNATURES) {
        throw new MalformedNoteException("note: more than " + MAX_SIGNATURES + " signatures");
      }
      signatures.add(parseLine(line, lineNo));
    }
    return new SignedNote(text, signatures);
  }

  public static SignedNote parse(String note) throws MalformedNoteException {
    return parse(note.getBytes(StandardCharsets.UTF_8));
  }

  private static NoteSignature parseLine(String line, int lineNo) throws MalformedNoteException {
    String where = "note signature line " + lineNo;
    if (!line.startsWith(DASH + " ")) {
      throw new MalformedNoteException(
          where + ": '" + abbreviate(line) + "' (expected: '" + DASH + " <name> <base64>')");
    }
    String rest = line.substring(2);
    int space = rest.indexOf(' ');
    if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
      throw new MalformedNoteException(
          where + ": '" + abbreviate(line) + "' (expected: '" + DASH + " <name> <base64>')");
    }
    String name = rest.substring(0, space);
    byte[] field;
    try {
      field = Base64.getDecoder().decode(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException(where + ": signature is not base64");
    }
    if (field.length < 5) {
      throw new MalformedNoteException(
          where + ": " + field.length + "-byte signature field (expected: key id and signature)");
    }
    int keyId = ByteBuffer.wrap(field, 0, 4).getInt();
    try {
      return new NoteSignature(name, keyId, java.util.Arrays.copyOfRange(field, 4, field.length));
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException(where + ": " + e.getMessage());
    }
  }

  /** Text, blank line, signature lines: the exact bytes to publish. */
  public String format() {
    StringBuilder out = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      out.append(s.line()).append('\n');
    }
    return out.toString();
  }

  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  /** This note with one more signature, replacing any earlier one for the same key. */
  public SignedNote withSignature(NoteSignature signature) {
    List<NoteSignature> next = new ArrayList<>();
    for (NoteSignature s : signatures) {
      if (!(s.name().equals(signature.name()) && s.keyId() == signature.keyId())) {
        next.add(s);
      }
    }
    next.add(signature);
    return new SignedNote(text, next);
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
