package io.aurelius.core.chain.substrate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.StorageEntry;
import io.aurelius.core.chain.substrate.metadata.StorageHasher;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every storage key the SDK read in the recordings (single reads, batched reads, paged key listings
 * and their prefixes) belongs to an entry of the metadata, and a key whose hashers all keep the key
 * reads back into values that build the same key again.
 */
class StorageKeyRecordingsTest {
  private final RuntimeMetadata md = SubtensorRecordings.v15();

  private static Map<String, String> recordedKeys() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> keys = new TreeMap<>(); // key -> operation
    for (var op : SubtensorRecordings.all().properties()) {
      for (var method : op.getValue().properties()) {
        for (var call : method.getValue().properties()) {
          JsonNode params = json.readTree(call.getKey());
          switch (method.getKey()) {
            case "state_getStorageAt" -> keys.put(params.get(0).asText(), op.getKey());
            case "state_queryStorageAt" ->
                params.get(0).forEach(k -> keys.put(k.asText(), op.getKey()));
            case "state_getKeysPaged" -> {
              keys.put(params.get(0).asText(), op.getKey());
              JsonNode result = call.getValue().get("result");
              result.forEach(k -> keys.put(k.asText(), op.getKey()));
            }
            default -> {}
          }
        }
      }
    }
    return keys;
  }

  @Test
  void everyRecordedKeyBelongsToAnEntryAndRebuildsItself() throws Exception {
    Map<String, String> keys = recordedKeys();
    assertThat(keys).hasSizeGreaterThan(300);
    TreeSet<String> entries = new TreeSet<>();
    int rebuilt = 0;
    for (Map.Entry<String, String> k : keys.entrySet()) {
      StorageKey key = new StorageKey(Bytes.fromHex(k.getKey()));
      StorageKey.EntryName name =
          key.entry(md)
              .orElseThrow(() -> new AssertionError(k.getValue() + ": no entry for " + k.getKey()));
      entries.add(name.pallet() + "." + name.entry());
      StorageEntry entry = md.storageEntry(name.pallet(), name.entry()).orElseThrow();
      if (entry.hashers().stream().allMatch(StorageHasher::concat)) {
        Value[] values = key.keys(md, name.pallet(), name.entry()).toArray(new Value[0]);
        assertThat(StorageKey.of(md, name.pallet(), name.entry(), values)).isEqualTo(key);
        rebuilt++;
      }
    }
    assertThat(entries)
        .contains(
            "System.Account",
            "SubtensorModule.Uids",
            "SubtensorModule.IsNetworkMember",
            "SubtensorModule.SubnetworkN",
            "SubtensorModule.LastUpdate",
            "SubtensorModule.Bonds");
    assertThat(rebuilt).isGreaterThan(300);
  }

  /**
   * Every non-empty storage value in the recordings (single and batched reads) decodes completely,
   * with nothing left over, as its entry's value type in metadata V15.
   */
  @Test
  void everyRecordedStorageValueDecodesByItsEntryType() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ValueDecoder decoder = new ValueDecoder(md.types());
    Map<String, Value> decoded = new TreeMap<>();
    int values = 0;
    for (var op : SubtensorRecordings.all().properties()) {
      for (var method : op.getValue().properties()) {
        for (var call : method.getValue().properties()) {
          JsonNode params = json.readTree(call.getKey());
          JsonNode result = call.getValue().get("result");
          List<JsonNode[]> pairs = new ArrayList<>();
          if (method.getKey().equals("state_getStorageAt")) {
            pairs.add(new JsonNode[] {params.get(0), result});
          } else if (method.getKey().equals("state_queryStorageAt")) {
            result
                .get(0)
                .get("changes")
                .forEach(c -> pairs.add(new JsonNode[] {c.get(0), c.get(1)}));
          }
          for (JsonNode[] pair : pairs) {
            if (pair[1].isNull()) {
              continue;
            }
            StorageKey key = new StorageKey(Bytes.fromHex(pair[0].asText()));
            StorageKey.EntryName name = key.entry(md).orElseThrow();
            int type = md.storageEntry(name.pallet(), name.entry()).orElseThrow().valueType();
            Value v = decoder.decode(type, Bytes.fromHex(pair[1].asText()));
            decoded.put(op.getKey() + " " + name.entry(), v);
            values++;
          }
        }
      }
    }
    assertThat(values).isEqualTo(593);
    assertThat(decoded.get("get_total_subnets TotalNetworks").asLong()).isEqualTo(247);
    assertThat(decoded.get("tempo Tempo").asLong()).isEqualTo(1000);
    assertThat(decoded.get("immunity_period ImmunityPeriod").asLong()).isEqualTo(5000);
    assertThat(decoded.get("max_weight_limit MaxWeightsLimit").asLong()).isEqualTo(65535);
    assertThat(decoded.get("get_uid_for_hotkey_on_subnet Uids").asLong()).isEqualTo(5);
  }
}
