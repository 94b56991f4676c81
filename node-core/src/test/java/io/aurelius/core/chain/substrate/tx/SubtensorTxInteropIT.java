package io.aurelius.core.chain.substrate.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.testing.InteropPeer;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our extrinsics read by the Bittensor SDK ({@code bittensor} pinned in {@code
 * interop/requirements.txt}), through {@code interop/subtensor_tx_peer.py} with the interpreter of
 * {@code .venv-interop/}: each call we build, signed by a random sr25519 or Ed25519 key with a
 * random era, nonce and tip, decodes with the SDK's own codec (built from the same recorded
 * metadata, V14 and V15) to the intended call and arguments, signer, era, nonce and tip; the
 * payload the SDK rebuilds from what it decoded equals ours, and our signature verifies over it
 * with bittensor_wallet's {@code Keypair}, and not once a byte of it is changed. The commit hash
 * equals the SDK codec's encoding of Subtensor's tuple, hashed.
 *
 * <p>Inputs are random from one seed per run that every assertion names; {@code
 * -Daurelius.interop.seed=N} replays a run. No environment is a failure, not a skip.
 */
class SubtensorTxInteropIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long SEED =
      Long.getLong("aurelius.interop.seed", new SecureRandom().nextLong());

  @TempDir Path tmp;

  private record Built(
      String label,
      SignedExtrinsic ext,
      JsonNode expectedArgs,
      Era era,
      Bytes eraBlock,
      long tip,
      byte[] payload) {}

  @Test
  void ourExtrinsicsDecodeAndVerifyInTheSdkWithV14AndV15() throws IOException {
    check("metadata-v14.hex", SubtensorRecordings.v14(), SEED);
    check("metadata-v15.hex", SubtensorRecordings.v15(), SEED + 1);
  }

  @Test
  void commitHashesEqualTheSdks() throws IOException {
    Random random = new Random(SEED + 2);
    InteropPeer peer = peer();
    ArrayNode requests = JSON.arrayNode();
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      KeyId account = KeyId.ofAccount(bytes(random, 32));
      int netuid = random.nextInt(65536);
      Weights w = weights(random, 1 + random.nextInt(64));
      Salt salt = new Salt(u16s(random, 1 + random.nextInt(Salt.MAX_LENGTH)));
      long versionKey = random.nextLong() & Long.MAX_VALUE;
      ours.add(Bytes.of(CommitHash.of(account, netuid, w, salt, versionKey)).toPrefixedHex());
      ObjectNode r = JSON.objectNode().put("op", "commit_hash");
      r.put("account_hex", Bytes.of(account.accountBytes()).hex()).put("netuid", netuid);
      r.set("uids", MAPPER.valueToTree(w.uids()));
      r.set("values", MAPPER.valueToTree(w.values()));
      r.set("salt", MAPPER.valueToTree(salt.values()));
      r.put("version_key", versionKey);
      requests.add(r);
    }
    List<JsonNode> answers = batch(peer, requests, "metadata-v15.hex", SEED);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(answers.get(i).get("hash_hex").asText())
          .as(seeded("commit hash " + i + " " + requests.get(i)))
          .isEqualTo(ours.get(i));
    }
  }

  private void check(String metadataFile, RuntimeMetadata md, long seed) throws IOException {
    Random random = new Random(seed);
    SubtensorCalls calls = new SubtensorCalls(new CallEncoder(md));
    ExtrinsicSigner signer = new ExtrinsicSigner(md);
    Bytes genesis = Bytes.of(bytes(random, 32));
    SigningContext context = new SigningContext(genesis, 343, 1);
    List<Built> built = new ArrayList<>();
    List<Function<Random, Case>> cases = cases(calls);
    for (int round = 0; round < 3; round++) {
      for (Function<Random, Case> make : cases) {
        Case c = make.apply(random);
        Signer key = random.nextBoolean() ? Sr25519KeyPair.generate() : Ed25519KeyPair.generate();
        long current = random.nextInt(10_000_000);
        Era era =
            random.nextInt(4) == 0 ? Era.IMMORTAL : Era.mortal(4L << random.nextInt(10), current);
        Bytes eraBlock = era instanceof Era.Immortal ? genesis : Bytes.of(bytes(random, 32));
        long nonce = random.nextInt(1 << 20);
        long tip = random.nextBoolean() ? 0 : random.nextInt(1 << 30);
        TransactionParams params = new TransactionParams(era, eraBlock, nonce, tip);
        SignedExtrinsic ext = signer.sign(c.call(), key, context, params);
        built.add(
            new Built(
                c.call() + " by " + key.scheme().wireName() + " key " + KeyId.of(key.publicKey()),
                ext,
                c.args(),
                era,
                eraBlock,
                tip,
                signer.signingPayload(c.call(), context, params)));
      }
    }
    ArrayNode requests = JSON.arrayNode();
    for (Built b : built) {
      requests.add(decode(b.ext().encoded(), genesis, b.eraBlock()));
      byte[] tampered = b.ext().encoded().toArray();
      // The last byte of the signature (it ends 1 + 64 bytes after the 32-byte account).
      int at = tampered.length - b.ext().call().encoded().length() - explicitLength(b) - 1;
      tampered[at] ^= 0x01;
      requests.add(decode(Bytes.of(tampered), genesis, b.eraBlock()));
    }
    List<JsonNode> answers = batch(peer(), requests, metadataFile, seed);
    for (int i = 0; i < built.size(); i++) {
      Built b = built.get(i);
      JsonNode a = answers.get(2 * i);
      JsonNode d = a.get("decoded");
      String what = seeded(metadataFile + ": " + b.label(), seed);
      assertThat(d.get("call").get("call_module").asText())
          .as(what)
          .isEqualTo(b.ext().call().pallet());
      assertThat(d.get("call").get("call_function").asText())
          .as(what)
          .isEqualTo(b.ext().call().name());
      ObjectNode args = JSON.objectNode();
      d.get("call").get("call_args").forEach(x -> args.set(x.get("name").asText(), x.get("value")));
      // Compared as parsed text: the same numbers, whatever node type each side built.
      assertThat(MAPPER.readTree(args.toString()))
          .as(what + ": arguments")
          .isEqualTo(MAPPER.readTree(b.expectedArgs().toString()));
      assertThat(a.get("call_hex").asText())
          .as(what)
          .isEqualTo(b.ext().call().encoded().toPrefixedHex());
      assertThat(d.get("address").asText()).as(what).isEqualTo(b.ext().signer().address());
      assertThat(d.get("nonce").asLong()).as(what).isEqualTo(b.ext().nonce());
      assertThat(d.get("tip").asLong()).as(what).isEqualTo(b.tip());
      if (b.era() instanceof Era.Mortal m) {
        assertThat(d.get("era").toString())
            .as(what + ": era")
            .isEqualTo("[" + m.period() + "," + m.phase() + "]");
      } else {
        assertThat(d.get("era").asText()).as(what + ": era").isEqualTo("00");
      }
      assertThat(d.get("extrinsic_hash").asText())
          .as(what)
          .isEqualTo(b.ext().hash().toPrefixedHex());
      assertThat(a.get("payload_hex").asText())
          .as(what + ": payload")
          .isEqualTo(Bytes.of(b.payload()).toPrefixedHex());
      assertThat(a.get("signature_valid").asBoolean())
          .as(what + ": signature verifies in the SDK")
          .isTrue();
      assertThat(answers.get(2 * i + 1).get("signature_valid").asBoolean())
          .as(what + ": a changed signature is refused by the SDK")
          .isFalse();
    }
  }

  private static int explicitLength(Built b) {
    // era (1 or 2) + compact nonce + compact tip + metadata-hash mode (1), as the metadata
    // declares.
    return b.era().encoded().length + compactLength(b.ext().nonce()) + compactLength(b.tip()) + 1;
  }

  private static int compactLength(long v) {
    return v < 1 << 6 ? 1 : v < 1 << 14 ? 2 : v < 1 << 30 ? 4 : 5;
  }

  private record Case(RuntimeCall call, JsonNode args) {}

  private static List<Function<Random, Case>> cases(SubtensorCalls calls) {
    return List.of(
        r -> {
          int netuid = r.nextInt(65536);
          KeyId hotkey = KeyId.ofAccount(bytes(r, 32));
          return new Case(
              calls.burnedRegister(netuid, hotkey),
              args("netuid", netuid, "hotkey", hotkey.address()));
        },
        r -> {
          int netuid = r.nextInt(65536);
          byte[] ip = bytes(r, 4);
          String host =
              (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
          int port = 1 + r.nextInt(65535);
          long version = r.nextInt() & 0xffffffffL;
          return new Case(
              calls.serveAxon(netuid, new Endpoint(host, port), version),
              args(
                  "netuid",
                  netuid,
                  "version",
                  version,
                  "ip",
                  new BigInteger(1, ip),
                  "port",
                  port,
                  "ip_type",
                  4,
                  "protocol",
                  SubtensorCalls.AXON_PROTOCOL,
                  "placeholder1",
                  0,
                  "placeholder2",
                  0));
        },
        r -> {
          int netuid = r.nextInt(65536);
          Weights w = weights(r, r.nextInt(200));
          long vk = r.nextLong() & Long.MAX_VALUE;
          return new Case(
              calls.setWeights(netuid, w, vk),
              args("netuid", netuid, "dests", w.uids(), "weights", w.values(), "version_key", vk));
        },
        r -> {
          int netuid = r.nextInt(65536);
          int mecid = r.nextInt(256);
          Weights w = weights(r, r.nextInt(20));
          long vk = r.nextInt(1000);
          return new Case(
              calls.setMechanismWeights(netuid, mecid, w, vk),
              args(
                  "netuid",
                  netuid,
                  "mecid",
                  mecid,
                  "dests",
                  w.uids(),
                  "weights",
                  w.values(),
                  "version_key",
                  vk));
        },
        r -> {
          int netuid = r.nextInt(65536);
          byte[] hash = bytes(r, 32);
          return new Case(
              calls.commitWeights(netuid, hash),
              args("netuid", netuid, "commit_hash", Bytes.of(hash).toPrefixedHex()));
        },
        r -> {
          int netuid = r.nextInt(65536);
          Weights w = weights(r, r.nextInt(50));
          List<Integer> salt = u16s(r, 8);
          long vk = r.nextInt(1000);
          return new Case(
              calls.revealWeights(netuid, w, salt, vk),
              args(
                  "netuid",
                  netuid,
                  "uids",
                  w.uids(),
                  "values",
                  w.values(),
                  "salt",
                  salt,
                  "version_key",
                  vk));
        },
        r -> {
          KeyId hotkey = KeyId.ofAccount(bytes(r, 32));
          int netuid = r.nextInt(65536);
          long rao = 1 + (r.nextLong() & Long.MAX_VALUE) % 10_000_000_000_000L;
          return new Case(
              calls.addStake(hotkey, netuid, rao),
              args("hotkey", hotkey.address(), "netuid", netuid, "amount_staked", rao));
        },
        r -> {
          KeyId hotkey = KeyId.ofAccount(bytes(r, 32));
          int netuid = r.nextInt(65536);
          long rao = 1 + r.nextInt(Integer.MAX_VALUE);
          return new Case(
              calls.removeStake(hotkey, netuid, rao),
              args("hotkey", hotkey.address(), "netuid", netuid, "amount_unstaked", rao));
        },
        r -> {
          KeyId to = KeyId.ofAccount(bytes(r, 32));
          long rao = 1 + (r.nextLong() & Long.MAX_VALUE) % 21_000_000_000_000_000L;
          return new Case(
              calls.transferKeepAlive(to, rao), args("dest", to.address(), "value", rao));
        });
  }

  private static JsonNode args(Object... pairs) {
    ObjectNode o = JSON.objectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      o.set((String) pairs[i], MAPPER.valueToTree(pairs[i + 1]));
    }
    return o;
  }

  private static ObjectNode decode(Bytes ext, Bytes genesis, Bytes eraBlock) {
    return JSON.objectNode()
        .put("op", "decode")
        .put("extrinsic_hex", ext.toPrefixedHex())
        .put("genesis_hex", genesis.toPrefixedHex())
        .put("era_block_hex", eraBlock.toPrefixedHex());
  }

  /** One batch against the SDK codec built from a recorded metadata file (spec 343, tx 1). */
  private static List<JsonNode> batch(
      InteropPeer peer, ArrayNode requests, String metadataFile, long seed) throws IOException {
    InteropPeer.Result result =
        peer.run(
            requests.toString(),
            "batch",
            "--metadata",
            TestData.path("subtensor", metadataFile).toString(),
            "--spec-version",
            "343",
            "--tx-version",
            "1");
    assertThat(result.exit())
        .as(seeded("subtensor_tx_peer.py batch: " + result.stderr(), seed))
        .isZero();
    JsonNode answers = MAPPER.readTree(result.stdout());
    assertThat(answers.size()).as(seeded("answers", seed)).isEqualTo(requests.size());
    List<JsonNode> list = new ArrayList<>();
    answers.forEach(list::add);
    return list;
  }

  private InteropPeer peer() throws IOException {
    return InteropPeer.open("subtensor_tx_peer.py", "bittensor", tmp);
  }

  private static Weights weights(Random r, int n) {
    List<Integer> uids = IntStream.range(0, n).map(i -> r.nextInt(4096)).boxed().toList();
    return new Weights(uids, u16s(r, n));
  }

  private static List<Integer> u16s(Random r, int n) {
    return IntStream.range(0, n).map(i -> r.nextInt(65536)).boxed().toList();
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static String seeded(String what) {
    return seeded(what, SEED);
  }

  private static String seeded(String what, long seed) {
    return what + " (-Daurelius.interop.seed=" + seed + ")";
  }
}
