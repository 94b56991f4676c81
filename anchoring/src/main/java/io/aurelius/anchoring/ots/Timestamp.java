package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A node of a timestamp proof: a message, the attestations made directly on it, and the ops leading
 * to further nodes. Children are kept sorted, so {@link #write} is canonical. Nodes are mutable
 * only through {@link #add}, {@link #attest} and {@link #merge}, as stamping and upgrading need; a
 * node is not thread-safe.
 */
public final class Timestamp {
  static final int MAX_DEPTH = 256;

  private final byte[] msg;
  private final SortedSet<Attestation> attestations = new TreeSet<>(Attestation.ORDER);
  private final SortedMap<Op, Timestamp> ops = new TreeMap<>(Op.ORDER);

  public Timestamp(byte[] msg) {
    requireNonNull(msg, "msg");
    if (msg.length > Op.MAX_MSG_LENGTH) {
      throw new IllegalArgumentException(
          "timestamp message: "
              + msg.length
              + " bytes (expected: at most "
              + Op.MAX_MSG_LENGTH
              + ")");
    }
    this.msg = msg.clone();
  }

  public byte[] msg() {
    return msg.clone();
  }

  public SortedSet<Attestation> attestations() {
    return Collections.unmodifiableSortedSet(attestations);
  }

  public SortedMap<Op, Timestamp> ops() {
    return Collections.unmodifiableSortedMap(ops);
  }

  /** The child reached by {@code op}, created if absent. */
  public Timestamp add(Op op) throws OtsFormatException {
    requireNonNull(op, "op");
    Timestamp child = ops.get(op);
    if (child == null) {
      child = new Timestamp(op.apply(msg));
      ops.put(op, child);
    }
    return child;
  }

  public Timestamp attest(Attestation attestation) {
    attestations.add(requireNonNull(attestation, "attestation"));
    return this;
  }

  /** Adds every op and attestation of {@code other}, a proof for the same message. */
  public void merge(Timestamp other) throws OtsFormatException {
    requireNonNull(other, "other");
    if (!Arrays.equals(msg, other.msg)) {
      throw new IllegalArgumentException("cannot merge timestamps for different messages");
    }
    attestations.addAll(other.attestations);
    for (Map.Entry<Op, Timestamp> e : other.ops.entrySet()) {
      add(e.getKey()).merge(e.getValue());
    }
  }

  /** Every (message, attestation) pair in the tree, depth first in canonical order. */
  public List<Leaf> leaves() {
    List<Leaf> out = new ArrayList<>();
    collect(out);
    return out;
  }

  private void collect(List<Leaf> out) {
    for (Attestation a : attestations) {
      out.add(new Leaf(msg.clone(), a));
    }
    for (Timestamp child : ops.values()) {
      child.collect(out);
    }
  }

  /** An attestation with the message it attests to. */
  public record Leaf(byte[] msg, Attestation attestation) {}

  public boolean isEmpty() {
    return attestations.isEmpty() && ops.isEmpty();
  }

  /** Reads a tree whose root message is {@code msg}; replays every op while reading. */
  static Timestamp read(OtsReader in, byte[] msg, int depth) throws OtsFormatException {
    if (depth >= MAX_DEPTH) {
      throw in.error("proof nested deeper than " + MAX_DEPTH + " levels");
    }
    Timestamp node = new Timestamp(msg);
    int tag = in.readByte();
    while (tag == 0xff) {
      node.readBranch(in, in.readByte(), depth);
      tag = in.readByte();
    }
    node.readBranch(in, tag, depth);
    return node;
  }

  private void readBranch(OtsReader in, int tag, int depth) throws OtsFormatException {
    if (tag == 0x00) {
      attestations.add(Attestation.read(in));
      return;
    }
    int at = in.position() - 1;
    Op op = Op.read(in, tag);
    byte[] result;
    try {
      result = op.apply(msg);
    } catch (OtsFormatException e) {
      throw in.errorAt(at, e.getMessage());
    }
    ops.put(op, read(in, result, depth + 1));
  }

  void write(OtsWriter out) {
    if (isEmpty()) {
      throw new IllegalStateException("an empty timestamp cannot be serialized");
    }
    List<Attestation> atts = new ArrayList<>(attestations);
    for (int i = 0; i < atts.size() - 1; i++) {
      out.writeByte(0xff);
      out.writeByte(0x00);
      atts.get(i).write(out);
    }
    if (ops.isEmpty()) {
      out.writeByte(0x00);
      atts.get(atts.size() - 1).write(out);
      return;
    }
    if (!atts.isEmpty()) {
      out.writeByte(0xff);
      out.writeByte(0x00);
      atts.get(atts.size() - 1).write(out);
    }
    List<Map.Entry<Op, Timestamp>> entries = new ArrayList<>(ops.entrySet());
    for (int i = 0; i < entries.size(); i++) {
      if (i < entries.size() - 1) {
        out.writeByte(0xff);
      }
      entries.get(i).getKey().write(out);
      entries.get(i).getValue().write(out);
    }
  }

  /** Serializes this tree alone (as a calendar returns it), without file header. */
  public byte[] toBytes() {
    OtsWriter out = new OtsWriter();
    write(out);
    return out.toByteArray();
  }

  /** Parses a bare tree for {@code msg}, as a calendar sends it; trailing bytes are refused. */
  public static Timestamp parse(byte[] bytes, byte[] msg, String what) throws OtsFormatException {
    requireNonNull(bytes, "bytes");
    OtsReader in = new OtsReader(bytes, what);
    Timestamp t = read(in, msg, 0);
    in.assertEof();
    return t;
  }
}
