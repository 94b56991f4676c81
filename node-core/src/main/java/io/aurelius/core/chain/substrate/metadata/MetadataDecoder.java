package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.scale.ScaleReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes {@code RuntimeMetadataPrefixed} (frame-metadata): the magic {@code meta}, a version byte,
 * then V14 or V15. Any other version is refused by name; trailing bytes are refused.
 */
public final class MetadataDecoder {
  private static final long MAGIC = 0x6174656dL; // "meta", little-endian
  private static final int MIN_PALLET_BYTES = 7;
  private static final int MIN_ENTRY_BYTES = 6;
  private static final int MIN_CONSTANT_BYTES = 4;
  private static final int MIN_EXTENSION_BYTES = 3;
  private static final int MIN_API_BYTES = 3;
  private static final int MIN_METHOD_BYTES = 4;

  private MetadataDecoder() {}

  /** The bytes of {@code state_getMetadata} (or the inside of {@code OpaqueMetadata}). */
  public static RuntimeMetadata decode(Bytes metadata) {
    requireNonNull(metadata, "metadata");
    ScaleReader r = ScaleReader.of(metadata);
    long magic = r.at(".magic", ScaleReader::u32);
    if (magic != MAGIC) {
      throw r.error(0, String.format("magic 0x%08x (expected: 0x6174656d, \"meta\")", magic));
    }
    int version = r.at(".version", ScaleReader::u8);
    if (version != 14 && version != 15) {
      throw r.error(4, "metadata version " + version + " (expected: 14 or 15)");
    }
    RuntimeMetadata md = version == 14 ? v14(r) : v15(r);
    r.expectEnd();
    return md;
  }

  /**
   * The result of {@code state_call("Metadata_metadata_at_version", ...)}: an {@code
   * Option<OpaqueMetadata>} ({@code Option<Vec<u8>>}); none means the runtime lacks that version.
   */
  public static Optional<RuntimeMetadata> decodeOpaque(Bytes result) {
    requireNonNull(result, "result");
    ScaleReader r = ScaleReader.of(result);
    Optional<byte[]> inner = r.at(".opaque", x -> x.option(ScaleReader::byteVec));
    r.expectEnd();
    return inner.map(b -> decode(Bytes.of(b)));
  }

  private static RuntimeMetadata v14(ScaleReader r) {
    TypeRegistry types = TypeRegistryDecoder.decode(r);
    List<Pallet> pallets = r.at(".pallets", x -> x.vec(MIN_PALLET_BYTES, p -> pallet(p, false)));
    ExtrinsicInfo extrinsic =
        r.at(
            ".extrinsic",
            x -> {
              int type = x.compactU32();
              int version = x.u8();
              List<SignedExtension> extensions = signedExtensions(x);
              OptionalInt none = OptionalInt.empty();
              return new ExtrinsicInfo(
                  version, extensions, OptionalInt.of(type), none, none, none, none);
            });
    int runtimeType = r.at(".type", ScaleReader::compactU32);
    return new RuntimeMetadata(14, types, pallets, extrinsic, runtimeType, List.of());
  }

  private static RuntimeMetadata v15(ScaleReader r) {
    TypeRegistry types = TypeRegistryDecoder.decode(r);
    List<Pallet> pallets = r.at(".pallets", x -> x.vec(MIN_PALLET_BYTES + 1, p -> pallet(p, true)));
    ExtrinsicInfo extrinsic =
        r.at(
            ".extrinsic",
            x -> {
              int version = x.u8();
              OptionalInt address = OptionalInt.of(x.compactU32());
              OptionalInt call = OptionalInt.of(x.compactU32());
              OptionalInt signature = OptionalInt.of(x.compactU32());
              OptionalInt extra = OptionalInt.of(x.compactU32());
              return new ExtrinsicInfo(
                  version,
                  signedExtensions(x),
                  OptionalInt.empty(),
                  address,
                  call,
                  signature,
                  extra);
            });
    int runtimeType = r.at(".type", ScaleReader::compactU32);
    List<RuntimeApi> apis = r.at(".apis", x -> x.vec(MIN_API_BYTES, MetadataDecoder::api));
    // Outer enums (call, event, error types) and custom values: read so nothing trails.
    r.at(".outerEnums", x -> List.of(x.compactU32(), x.compactU32(), x.compactU32()));
    r.at(
        ".custom",
        x ->
            x.vec(
                3,
                c -> {
                  c.string();
                  c.compactU32();
                  return c.byteVec();
                }));
    return new RuntimeMetadata(15, types, pallets, extrinsic, runtimeType, apis);
  }

  private static List<SignedExtension> signedExtensions(ScaleReader r) {
    return r.at(
        ".signedExtensions",
        x ->
            x.vec(
                MIN_EXTENSION_BYTES,
                e ->
                    new SignedExtension(
                        e.at(".identifier", ScaleReader::string),
                        e.at(".type", ScaleReader::compactU32),
                        e.at(".additionalSigned", ScaleReader::compactU32))));
  }

  private static Pallet pallet(ScaleReader r, boolean withDocs) {
    String name = r.at(".name", ScaleReader::string);
    Optional<PalletStorage> storage = r.at(".storage", x -> x.option(MetadataDecoder::storage));
    OptionalInt calls = typeOption(r, ".calls");
    OptionalInt events = typeOption(r, ".event");
    List<Constant> constants =
        r.at(
            ".constants",
            x ->
                x.vec(
                    MIN_CONSTANT_BYTES,
                    c ->
                        new Constant(
                            c.at(".name", ScaleReader::string),
                            c.at(".type", ScaleReader::compactU32),
                            Bytes.of(c.at(".value", ScaleReader::byteVec)),
                            TypeRegistryDecoder.docs(c))));
    OptionalInt errors = typeOption(r, ".error");
    int index = r.at(".index", ScaleReader::u8);
    List<String> docs = withDocs ? TypeRegistryDecoder.docs(r) : List.of();
    return new Pallet(
        name,
        index,
        storage.map(PalletStorage::prefix).orElse(name),
        storage.map(PalletStorage::entries).orElse(List.of()),
        calls,
        events,
        errors,
        constants,
        docs);
  }

  private static OptionalInt typeOption(ScaleReader r, String segment) {
    return r.at(segment, x -> x.option(ScaleReader::compactU32))
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  private record PalletStorage(String prefix, List<StorageEntry> entries) {}

  private static PalletStorage storage(ScaleReader r) {
    String prefix = r.at(".prefix", ScaleReader::string);
    List<StorageEntry> entries =
        r.at(".entries", x -> x.vec(MIN_ENTRY_BYTES, MetadataDecoder::entry));
    return new PalletStorage(prefix, entries);
  }

  private static StorageEntry entry(ScaleReader r) {
    String name = r.at(".name", ScaleReader::string);
    StorageEntry.Modifier modifier =
        StorageEntry.Modifier.values()[
            r.at(".modifier", x -> x.variant(2, "StorageEntryModifier"))];
    StorageEntry.Kind kind = r.at(".type", MetadataDecoder::kind);
    Bytes defaultValue = Bytes.of(r.at(".default", ScaleReader::byteVec));
    return new StorageEntry(name, modifier, kind, defaultValue, TypeRegistryDecoder.docs(r));
  }

  private static StorageEntry.Kind kind(ScaleReader r) {
    if (r.variant(2, "StorageEntryType") == 0) {
      return new StorageEntry.Kind.Plain(r.compactU32());
    }
    List<StorageHasher> hashers =
        r.at(
            ".hashers",
            x ->
                x.vec(
                    1,
                    h ->
                        StorageHasher.values()[
                            h.variant(StorageHasher.values().length, "StorageHasher")]));
    if (hashers.isEmpty()) {
      throw r.error(r.offset(), "a storage map without hashers (expected: at least one)");
    }
    int key = r.at(".key", ScaleReader::compactU32);
    int value = r.at(".value", ScaleReader::compactU32);
    return new StorageEntry.Kind.Map(hashers, key, value);
  }

  private static RuntimeApi api(ScaleReader r) {
    String name = r.at(".name", ScaleReader::string);
    List<RuntimeApi.Method> methods =
        r.at(".methods", x -> x.vec(MIN_METHOD_BYTES, MetadataDecoder::method));
    return new RuntimeApi(name, methods, TypeRegistryDecoder.docs(r));
  }

  private static RuntimeApi.Method method(ScaleReader r) {
    String name = r.at(".name", ScaleReader::string);
    List<RuntimeApi.Param> inputs =
        r.at(
            ".inputs",
            x ->
                x.vec(
                    2,
                    p ->
                        new RuntimeApi.Param(
                            p.at(".name", ScaleReader::string),
                            p.at(".type", ScaleReader::compactU32))));
    int output = r.at(".output", ScaleReader::compactU32);
    return new RuntimeApi.Method(name, inputs, output, TypeRegistryDecoder.docs(r));
  }
}
