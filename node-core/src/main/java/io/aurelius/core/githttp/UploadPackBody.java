package io.aurelius.core.githttp;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.UploadPackInternalServerErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one stateless upload-pack round (negotiation answer and, when the client is done, the
 * pack) straight to the connection, so a large pack is never held in memory. A protocol error the
 * client caused (an unknown want, say) reaches it as a git {@code ERR} line, which stock git
 * prints; the HTTP status is already 200 by then, as with git-http-backend.
 */
final class UploadPackBody implements GitHttpResponse.Body {
  private static final Logger LOG = LoggerFactory.getLogger(UploadPackBody.class);

  private final RepositoryMap repositories;
  private final String name;
  private final byte[] request;
  private final List<String> protocolParameters;
  private final GitHttpLimits limits;

  UploadPackBody(
      RepositoryMap repositories,
      String name,
      byte[] request,
      List<String> protocolParameters,
      GitHttpLimits limits) {
    this.repositories = repositories;
    this.name = name;
    this.request = request;
    this.protocolParameters = protocolParameters;
    this.limits = limits;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (Repository repo = repositories.openForBody(name)) {
      UploadPack uploadPack = new UploadPack(repo);
      uploadPack.setBiDirectionalPipe(false);
      uploadPack.setTimeout(limits.idleTimeoutSeconds());
      uploadPack.setExtraParameters(protocolParameters);
      BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
      try {
        uploadPack.upload(new ByteArrayInputStream(request), buffered, null);
      } catch (UploadPackInternalServerErrorException e) {
        LOG.debug("{}: upload-pack refused the request: {}", name, e.getCause().toString());
      } catch (ServiceMayNotContinueException e) {
        if (!e.isOutput()) {
          throw e;
        }
        LOG.debug("{}: upload-pack stopped: {}", name, e.getMessage());
      }
      buffered.flush();
    }
  }
}
