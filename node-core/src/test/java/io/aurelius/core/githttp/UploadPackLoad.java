package io.aurelius.core.githttp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A corpus repository of two commits, mounted at {@code /git/corpus.git}, and an upload-pack
 * negotiation that is costly to answer (one want, thousands of random haves): what the git floods
 * of {@link GitFloodIT} and the transport's soak test send, unauthenticated.
 */
public final class UploadPackLoad {
  /** Where the negotiation is posted. */
  public static final String PATH = "/git/corpus.git/git-upload-pack";

  private final Path repository;
  private final byte[] negotiation;

  private UploadPackLoad(Path repository, byte[] negotiation) {
    this.repository = repository;
    this.negotiation = negotiation;
  }

  /** Creates the repository under {@code home}; the negotiation carries {@code haves} haves. */
  public static UploadPackLoad create(Path home, int haves) throws IOException {
    BareRepo corpus = BareRepo.create(home.resolve("corpus.git"));
    corpus.commit("first", Map.of("a.txt", "alpha"));
    ObjectId tip = corpus.commit("second", Map.of("a.txt", "alpha", "b.txt", "beta"));
    return new UploadPackLoad(corpus.dir(), UploadPackProtocolTest.negotiation(tip, haves));
  }

  /** The repository served at {@code /git/corpus.git}. */
  public GitMount mount() {
    return new GitMount(new GitHttpService(Map.of("corpus.git", repository)));
  }

  /** The request body to post to {@link #PATH}, with content type {@link #CONTENT_TYPE}. */
  public byte[] negotiation() {
    return negotiation.clone();
  }

  public static final String CONTENT_TYPE = GitHttpService.REQUEST_TYPE;
}
