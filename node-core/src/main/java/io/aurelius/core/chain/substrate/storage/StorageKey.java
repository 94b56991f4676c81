package io.aurelius.core.chain.substrate.storage;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.Pallet;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.StorageEntry;
import io.aurelius.core.chain.substrate.metadata.StorageHasher;
import io.aurelius.core.chain.substrate.metadata.TypeDef;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleReader;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueDecoder;
import io.aurelius.core.chain.substrate.value.ValueEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A storage key: {@code twox128(pallet prefix) ‖ twox128(entry) ‖ hasher_i(SCALE(key_i))...}, with
 * each key encoded as the type the metadata declares and hashed by its hasher. Fewer keys than the
 * map has give a prefix (for {@code state_getKeysPaged}).
 */
public record StorageKey(Bytes bytes) {
  public StorageKey {
    requireNonNull(bytes, "bytes");
  }

  public static StorageKey of(
      RuntimeMetadata metadata, String pallet, String entry, Value... keys) {
    requireNonNull(metadata, "metadata");
    requireNonNull(pallet, "pallet");
    requireNonNull(entry, "entry");
    requireNonNull(keys, "keys");
    var p =
        metadata
            .pallet(pallet)
            .orElseThrow(
                () -> new IllegalArgumentException("pallet " + pallet + ": not in the metadata"));
    StorageEntry e =
        p.storageEntry(entry)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "storage " + pallet + "." + entry + ": not in the metadata"));
    List<StorageHasher> hashers = e.hashers();
    if (keys.length > hashers.size()) {
      throw new IllegalArgumentException(
          "storage "
              + pallet
              + "."
              + entry
              + ": "
              + keys.length
              + " keys (expected: at most "
              + hashers.size()
              + ")");
    }
    ScaleWriter w = new ScaleWriter();
    w.raw(Hashers.twox128(p.storagePrefix().getBytes(StandardCharsets.UTF_8)));
    w.raw(Hashers.twox128(entry.getBytes(StandardCharsets.UTF_8)));
    if (keys.length > 0) {
      List<Integer> keyTypes = keyTypes(metadata, (StorageEntry.Kind.Map) e.kind(), pallet, entry);
      ValueEncoder encoder = new ValueEncoder(metadata.types());
      for (int i = 0; i < keys.length; i++) {
        byte[] encoded =
            encoder.encode(keyTypes.get(i), requireNonNull(keys[i], "keys[i]")).toArray();
        w.raw(Hashers.hash(hashers.get(i), encoded));
      }
    }
    return new StorageKey(w.toBytes());
  }

  /** A storage entry by name. */
  public record EntryName(String pallet, String entry) {
    public EntryName {
      requireNonNull(pallet, "pallet");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * The entry this key belongs to, found by its 32-byte prefix (e.g. to read a storage change
   * notification); empty if no entry of this metadata has that prefix.
   */
  public Optional<EntryName> entry(RuntimeMetadata metadata) {
    requireNonNull(metadata, "metadata");
    if (bytes.length() < 32) {
      return Optional.empty();
    }
    byte[] raw = bytes.toArray();
    for (Pallet p : metadata.pallets()) {
      byte[] palletHash = Hashers.twox128(p.storagePrefix().getBytes(StandardCharsets.UTF_8));
      if (!Arrays.equals(raw, 0, 16, palletHash, 0, 16)) {
        continue;
      }
      for (StorageEntry e : p.storage()) {
        byte[] entryHash = Hashers.twox128(e.name().getBytes(StandardCharsets.UTF_8));
        if (Arrays.equals(raw, 16, 32, entryHash, 0, 16)) {
          return Optional.of(new EntryName(p.name(), e.name()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the map keys back out of a full key of this entry; every hasher must be a concat hasher
   * (a BLAKE2b-128 or twox64 hash followed by the key, or the key itself). A prefix gives the keys
   * it holds, so {@code of(metadata, pallet, entry, keys(...))} rebuilds this key; a plain value's
   * key gives none. The key bytes are untrusted and decoded strictly.
   */
  public List<Value> keys(RuntimeMetadata metadata, String pallet, String entry) {
    StorageKey prefix = of(metadata, pallet, entry);
    StorageEntry e = metadata.storageEntry(pallet, entry).orElseThrow();
    byte[] raw = bytes.toArray();
    byte[] head = prefix.bytes().toArray();
    if (raw.length < head.length || !Arrays.equals(raw, 0, head.length, head, 0, head.length)) {
      throw new IllegalArgumentException(
          "storage key "
              + bytes
              + ": not under "
              + pallet
              + "."
              + entry
              + " (expected: prefix "
              + prefix.bytes()
              + ")");
    }
    if (!(e.kind() instanceof StorageEntry.Kind.Map map)) {
      if (raw.length == head.length) {
        return List.of();
      }
      throw new IllegalArgumentException(
          "storage key "
              + bytes
              + ": "
              + pallet
              + "."
              + entry
              + " is a plain value (expected: no bytes after the prefix)");
    }
    List<Integer> keyTypes = keyTypes(metadata, map, pallet, entry);
    ScaleReader r = ScaleReader.of(raw);
    r.bytes(head.length);
    ValueDecoder decoder = new ValueDecoder(metadata.types());
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < map.hashers().size() && r.remaining() > 0; i++) {
      StorageHasher h = map.hashers().get(i);
      if (!h.concat()) {
        throw new IllegalArgumentException(
            "storage "
                + pallet
                + "."
                + entry
                + ": key "
                + i
                + " is hashed with "
                + h
                + " (expected: a concat hasher, which keeps the key)");
      }
      int type = keyTypes.get(i);
      out.add(
          r.at(
              "[" + i + "]",
              x -> {
                x.bytes(h.hashBytes());
                return decoder.decode(type, x);
              }));
    }
    r.expectEnd();
    return List.copyOf(out);
  }

  /** One key type per hasher: the key type itself, or the elements of its tuple. */
  private static List<Integer> keyTypes(
      RuntimeMetadata metadata, StorageEntry.Kind.Map map, String pallet, String entry) {
    if (map.hashers().size() == 1) {
      return List.of(map.key());
    }
    TypeDef def = metadata.types().get(map.key()).def();
    if (def instanceof TypeDef.Tuple t && t.elements().size() == map.hashers().size()) {
      return t.elements();
    }
    throw new IllegalArgumentException(
        "storage "
            + pallet
            + "."
            + entry
            + ": key type "
            + map.key()
            + " is not a tuple of "
            + map.hashers().size()
            + " (expected: one key type per hasher)");
  }

  public String toPrefixedHex() {
    return bytes.toPrefixedHex();
  }
}
