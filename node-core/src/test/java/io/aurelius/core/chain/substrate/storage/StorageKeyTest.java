package io.aurelius.core.chain.substrate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.StorageHasher;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage keys built from the metadata must equal, byte for byte, the keys the Bittensor SDK sent
 * to a mainnet node (testdata/subtensor/websocket-recordings.json).
 */
class StorageKeyTest {
  private static final String HOTKEY = "5Cf4LPRv6tiyuFsfLRQaFYEEn3zJRGi4bAE9DwbbKmbCSHpV";
  private final RuntimeMetadata md = SubtensorRecordings.v15();

  private static Value account(String ss58) {
    return Value.bytes(KeyId.parse(ss58).accountBytes());
  }

  /** xxHash's own sanity values (xxhash_spec.md; python-xxhash's README for the long input). */
  @Test
  void xxHash64KnownValues() {
    assertThat(XxHash64.hash(new byte[0], 0)).isEqualTo(0xef46db3751d8e999L);
    byte[] text = "Nobody inspects the spammish repetition".getBytes(StandardCharsets.US_ASCII);
    assertThat(XxHash64.hash(text, 0)).isEqualTo(0xfbcea83c8a378bf1L);
  }

  /** The well-known Substrate prefixes: twox128("System") ‖ twox128("Account"). */
  @Test
  void twox128OfSystemAccount() {
    assertThat(Bytes.of(Hashers.twox128("System".getBytes(StandardCharsets.UTF_8))).hex())
        .isEqualTo("26aa394eea5630e07c48ae0c9558cef7");
    assertThat(StorageKey.of(md, "System", "Account").toPrefixedHex())
        .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9");
  }

  @Test
  void hashersLayout() {
    byte[] key = {1, 2, 3};
    assertThat(Hashers.hash(StorageHasher.IDENTITY, key)).containsExactly(1, 2, 3);
    assertThat(Hashers.hash(StorageHasher.TWOX_64_CONCAT, new byte[0]))
        .isEqualTo(Bytes.fromHex("99e9d85137db46ef").toArray());
    byte[] blake = Hashers.hash(StorageHasher.BLAKE2_128_CONCAT, key);
    assertThat(blake).hasSize(19);
    assertThat(Bytes.of(blake).hex()).endsWith("010203");
    assertThat(Hashers.hash(StorageHasher.BLAKE2_256, key)).hasSize(32);
    assertThat(Hashers.hash(StorageHasher.TWOX_256, key)).hasSize(32);
  }

  @Test
  void uidsKeyOfTheSdkHotkeyOnSubnet14() {
    StorageKey key = StorageKey.of(md, "SubtensorModule", "Uids", Value.of(14), account(HOTKEY));
    String recorded =
        "0x658faa385070e074c85bf6b568cf0555aab1b4e78e1ea8305462ee53b3686dc80e00"
            + "5d3e588dc49748e3395ac2bc5a2343741a33474e4a857009da52aaa4080f176465f99c09763e03b9"
            + "cd5ee038cec4093e";
    assertThat(key.toPrefixedHex()).isEqualTo(recorded);
    assertThat(
            SubtensorRecordings.result(
                    "is_hotkey_registered_on_subnet",
                    "state_getStorageAt",
                    "[\"" + recorded + "\", null]")
                .asText())
        .isEqualTo("0x1d00");
  }

  @Test
  void identityKeysOfSubnetEntries() {
    assertThat(StorageKey.of(md, "SubtensorModule", "SubnetworkN", Value.of(1)).toPrefixedHex())
        .isEqualTo("0x658faa385070e074c85bf6b568cf0555a1048e9d244171852dfe8db314dc68ca0100");
    assertThat(StorageKey.of(md, "SubtensorModule", "LastUpdate", Value.of(1)).toPrefixedHex())
        .isEqualTo("0x658faa385070e074c85bf6b568cf0555696e262a16e52255a69d8acd793541460100");
    assertThat(StorageKey.of(md, "SubtensorModule", "Tempo", Value.of(23)).toPrefixedHex())
        .isEqualTo("0x658faa385070e074c85bf6b568cf05557641384bb339f3758acddfd7053d33171700");
  }

  @Test
  void aPartialKeyIsThePrefixTheSdkPages() {
    // bonds(netuid=23): state_getKeysPaged over Bonds with the first of its two keys.
    assertThat(StorageKey.of(md, "SubtensorModule", "Bonds", Value.of(23)).toPrefixedHex())
        .isEqualTo("0x658faa385070e074c85bf6b568cf05555641285262b8f970e4cbaafbff8d6ab01700");
  }

  @Test
  void systemAccountKeyOfTheRecordedBalance() {
    String recorded =
        "0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9"
            + "11b12ddffa80cb6f18baa803af02c1d7"
            + "1257de87a71abb164403f7cb9ea65d0721f8bb89d8bd85754deceedd91e86053";
    byte[] account = Bytes.fromHex(recorded.substring(recorded.length() - 64)).toArray();
    assertThat(StorageKey.of(md, "System", "Account", Value.bytes(account)).toPrefixedHex())
        .isEqualTo(recorded);
  }

  /** get_netuids_for_hotkey("5Cf4LPRv…") is [14] in the SDK's tests. */
  @Test
  void netuidsForHotkeyReadBackFromIsNetworkMemberKeys() {
    StorageKey prefix = StorageKey.of(md, "SubtensorModule", "IsNetworkMember", account(HOTKEY));
    JsonNode changes = null;
    var calls = SubtensorRecordings.calls("get_netuids_for_hotkey", "state_queryStorageAt");
    while (calls.hasNext()) {
      changes = calls.next().getValue().get("result").get(0).get("changes");
    }
    assertThat(changes).isNotNull().hasSize(100);
    List<Long> member = new ArrayList<>();
    for (JsonNode change : changes) {
      StorageKey key = new StorageKey(Bytes.fromHex(change.get(0).asText()));
      assertThat(key.toPrefixedHex()).startsWith(prefix.toPrefixedHex());
      List<Value> keys = key.keys(md, "SubtensorModule", "IsNetworkMember");
      assertThat(keys.get(0).unwrapped()).isEqualTo(account(HOTKEY));
      if ("0x01".equals(change.get(1).asText())) {
        member.add(keys.get(1).asLong());
      }
    }
    assertThat(member).containsExactly(14L);
  }

  @Test
  void badKeysAreOneLineErrors() {
    assertThatThrownBy(() -> StorageKey.of(md, "SubtensorModule", "Nope"))
        .hasMessage("storage SubtensorModule.Nope: not in the metadata");
    assertThatThrownBy(() -> StorageKey.of(md, "Nope", "Account"))
        .hasMessage("pallet Nope: not in the metadata");
    assertThatThrownBy(
            () -> StorageKey.of(md, "SubtensorModule", "Tempo", Value.of(1), Value.of(2)))
        .hasMessage("storage SubtensorModule.Tempo: 2 keys (expected: at most 1)");
    assertThatThrownBy(() -> StorageKey.of(md, "SubtensorModule", "Tempo", Value.of(70000)))
        .hasMessageEndingWith("u16: 70000 (expected: 0..2^16-1)");
    assertThatThrownBy(() -> StorageKey.of(md, "SubtensorModule", "Tempo", new Value.Text("one")))
        .hasMessageContaining("a Text value (expected: u16)");
    assertThatThrownBy(() -> StorageKey.of(md, "System", "Account", Value.bytes(new byte[31])))
        .hasMessageContaining("(expected: 32 items)");
    StorageKey hashedOnly = StorageKey.of(md, "System", "Account", account(HOTKEY));
    assertThatThrownBy(() -> hashedOnly.keys(md, "SubtensorModule", "Uids"))
        .hasMessageStartingWith("storage key 0x26aa")
        .hasMessageContaining("not under SubtensorModule.Uids");
  }
}
