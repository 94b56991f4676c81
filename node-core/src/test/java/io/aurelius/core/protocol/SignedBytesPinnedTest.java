package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wire bytes signed through {@link Signer}, pinned: a request's and a response's btauth/1 headers
 * under Ed25519 (deterministic, so a change to the payload or header order shows here; the Python
 * SDK checks the same bytes in {@code BtAuthInteropIT}), and an extrinsic's signature, the same
 * bytes the node signed when these APIs took an {@code Ed25519KeyPair}.
 */
class SignedBytesPinnedTest {
  private static final long NONCE = 1_767_225_600_000_000_000L;
  private static final String TARGET = "/v1/epoch/status";
  private static final String REQUEST_SIGNATURE =
      "0xeb5efd32b843df012b46c3922abfa9fe15e7a9b1d018f993ec1af2a7f397c3fb"
          + "6f78a426c4f594270ddaa14642c9ebf2bffa6b151ff5fa9a679c0e3b3ef95d0f";
  private static final String RESPONSE_SIGNATURE =
      "0x48baf0fe9196d968778c2ce4c53a05719a18dcb26e450496d60808b5c3ceb068"
          + "d479139d5bc68e480b0cf8391b9065cb4950e3a67c8dbb1dc8459edb586a1e0a";
  private static final byte[] BODY = "{\"epoch\":7}".getBytes(StandardCharsets.UTF_8);
  private static final String CLIENT = "5G2UPsHZAv3eGZMxMHNBEDF31k64MWH33tPFWP9YepQxKFVQ";
  private static final String SERVER = "5Go1T75j7FyzZLTp9zMDUiBuqVzotdDXLizHP7oA6no7qbi8";

  private final Signer client = TestKeys.key(1);
  private final Signer server = TestKeys.key(2);

  @Test
  void requestHeadersAreBtAuthOverTheTargetAndBody() {
    Map<String, String> headers =
        new ProtocolIdentity(client, new ManualProtocolClock(NONCE))
            .signRequest(KeyId.parse(SERVER), TARGET, BODY)
            .asMap();
    assertThat(headers)
        .containsExactly(
            Map.entry(BtAuthHeaders.VERSION, "1"),
            Map.entry(BtAuthHeaders.HOTKEY, CLIENT),
            Map.entry(BtAuthHeaders.NONCE, Long.toString(NONCE)),
            Map.entry(BtAuthHeaders.SIGNATURE, REQUEST_SIGNATURE),
            Map.entry(BtAuthHeaders.CRYPTO, "ed25519"),
            Map.entry(BtAuthHeaders.RECEIVER, SERVER));
  }

  @Test
  void responseIsSignedAsARequestFromTheServerToTheClient() {
    Map<String, String> headers =
        new ProtocolIdentity(server, new ManualProtocolClock(NONCE))
            .signResponse(new ResponseBinding(KeyId.parse(CLIENT), TARGET), BODY);
    assertThat(headers)
        .containsEntry(BtAuthHeaders.HOTKEY, SERVER)
        .containsEntry(BtAuthHeaders.RECEIVER, CLIENT)
        .containsEntry(BtAuthHeaders.SIGNATURE, RESPONSE_SIGNATURE);
  }

  @Test
  void extrinsicSignatureIsTheSameBytesAsBefore() {
    Extrinsic x =
        Extrinsic.sign("aurelius-test-chain", client, 3, new Transfer(KeyId.parse(SERVER), 5));
    assertThat(x.signer().address()).isEqualTo(CLIENT);
    assertThat(x.signature())
        .isEqualTo(
            "e55ac5e890eb38c3727b0e2d26abd1144f92d523adc924a3a3e24a64f"
                + "e88973fa6fadf095121d3b460418ee7d680669970363842a3420e032f93ad96fdce4603");
    assertThat(x.verify("aurelius-test-chain")).isTrue();
    assertThat(x.verify("another-chain")).isFalse();
  }
}
