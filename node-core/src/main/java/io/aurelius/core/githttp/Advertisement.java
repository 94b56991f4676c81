package io.aurelius.core.githttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * The {@code info/refs} answer. In v0 it is the {@code # service=git-upload-pack} line, a flush and
 * the refs with capabilities; in v2 it is only the capability list (no service line, as
 * git-http-backend does). Rendered in memory: it is the size of the ref list.
 */
final class Advertisement {
  static final String SERVICE = "git-upload-pack";

  private Advertisement() {}

  static byte[] render(Repository repository, List<String> protocolParameters, GitHttpLimits limits)
      throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (UploadPack uploadPack = new UploadPack(repository)) {
      uploadPack.setBiDirectionalPipe(false);
      uploadPack.setTimeout(limits.idleTimeoutSeconds());
      uploadPack.setExtraParameters(protocolParameters);
      try {
        uploadPack.sendAdvertisedRefs(
            new PacketLineOutRefAdvertiser(new PacketLineOut(buffer)), SERVICE);
      } finally {
        uploadPack.getRevWalk().close();
      }
    }
    return buffer.toByteArray();
  }
}
