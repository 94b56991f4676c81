package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.chain.TestKeys;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.Transfer;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wire bytes signed through {@link Signer}, pinned to what the node signed when these APIs took an
 * {@code Ed25519KeyPair} (computed with the code before the signing seam): a request's and a
 * response's protocol headers and an extrinsic's signature.
 */
class SignedBytesPinnedTest {
  private static final long NONCE = 1_767_225_600_000_000_000L;
  private static final String UUID = "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00";
  private static final byte[] BODY = "{\"epoch\":7}".getBytes(StandardCharsets.UTF_8);
  private static final String BODY_HASH =
      "d5bdee720059aa94f88a353ffb032640e7d2cfc14c1a1e19ebd24df5486bce67";
  private static final String CLIENT = "5G2UPsHZAv3eGZMxMHNBEDF31k64MWH33tPFWP9YepQxKFVQ";
  private static final String SERVER = "5Go1T75j7FyzZLTp9zMDUiBuqVzotdDXLizHP7oA6no7qbi8";

  private final Signer client = TestKeys.key(1);
  private final Signer server = TestKeys.key(2);

  @Test
  void requestHeadersAreTheSameBytesAsBefore() {
    Map<String, String> headers =
        new ProtocolIdentity(client, new ManualProtocolClock(NONCE))
            .signRequest(KeyId.parse(SERVER), UUID, BODY);
    assertThat(headers)
        .containsExactly(
            Map.entry(ProtocolHeaders.SENDER, CLIENT),
            Map.entry(ProtocolHeaders.RECEIVER, SERVER),
            Map.entry(ProtocolHeaders.NONCE, Long.toString(NONCE)),
            Map.entry(ProtocolHeaders.UUID, UUID),
            Map.entry(ProtocolHeaders.BODY_SHA256, BODY_HASH),
            Map.entry(
                ProtocolHeaders.SIGNATURE,
                "6789e6902a4cbb3d260abc8d483cb8209f1097f06949d9563fccd8c9"
                    + "4bc0c29f3f0c30c65d48eaf02ea50ca8ab04aa84b06068a6de6f86ade40b7311bc047306"));
  }

  @Test
  void responseSignatureIsTheSameBytesAsBefore() {
    Map<String, String> headers =
        new ProtocolIdentity(server, new ManualProtocolClock(NONCE))
            .signResponse(200, new ResponseBinding(KeyId.parse(CLIENT), NONCE, UUID), BODY);
    assertThat(headers)
        .containsEntry(ProtocolHeaders.SENDER, SERVER)
        .containsEntry(
            ProtocolHeaders.SIGNATURE,
            "e1d14ef4db33f01f69a5ecb42b11bd4b3787eddaf94bd1321"
                + "44f9918a5d05f3d8e3bc55f203274568fe304c87aaadf6ddc2980da911a368f1c7a42f31f7bd405");
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
