package io.aurelius.core.githttp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a fixed set of bare repositories read-only over git smart HTTP, upload-pack only.
 * Thread-safe and stateless between requests: each request opens its repository, so new commits are
 * visible to the next clone or fetch. {@link #handle} blocks (it reads the request body and the
 * repository) and must run off any event loop.
 *
 * <p>Mount it under a prefix such as {@code /git} and pass the path below the prefix: {@code git
 * clone http://host:port/git/corpus.git} then sends {@code GET
 * /corpus.git/info/refs?service=git-upload-pack} and {@code POST /corpus.git/git-upload-pack}.
 */
public final class GitHttpService {
  private static final Logger LOG = LoggerFactory.getLogger(GitHttpService.class);

  static final String REQUEST_TYPE = "application/x-git-upload-pack-request";
  static final String RESULT_TYPE = "application/x-git-upload-pack-result";
  static final String ADVERTISEMENT_TYPE = "application/x-git-upload-pack-advertisement";

  private final RepositoryMap repositories;
  private final GitHttpLimits limits;

  /** Serves {@code repositoriesByName} (e.g. {@code corpus.git} to a bare repository). */
  public GitHttpService(Map<String, Path> repositoriesByName) {
    this(repositoriesByName, GitHttpLimits.DEFAULTS);
  }

  public GitHttpService(Map<String, Path> repositoriesByName, GitHttpLimits limits) {
    this.repositories = new RepositoryMap(repositoriesByName);
    this.limits = requireNonNull(limits, "limits");
  }

  public Set<String> repositoryNames() {
    return repositories.names();
  }

  public GitHttpLimits limits() {
    return limits;
  }

  /**
   * Answers one request. Bad input is an error response with a one-line text body, never an
   * exception; an {@link IOException} means the request body or the repository could not be read.
   */
  public GitHttpResponse handle(GitHttpRequest request) throws IOException {
    requireNonNull(request, "request");
    try {
      return route(request);
    } catch (GitHttpException e) {
      LOG.debug(
          "git {} {}: {} {}",
          request.method(),
          GitRoute.quote(request.path()),
          e.status(),
          e.getMessage());
      return e.toResponse();
    }
  }

  private GitHttpResponse route(GitHttpRequest request) throws GitHttpException, IOException {
    GitRoute route = GitRoute.parse(request.path());
    String name = route.repository();
    repositories.require(name);
    return switch (route.endpoint()) {
      case INFO_REFS -> infoRefs(request, name);
      case UPLOAD_PACK -> uploadPack(request, name);
      case RECEIVE_PACK -> throw readOnly(name);
      case HEAD_FILE -> headFile(request, name);
    };
  }

  private GitHttpResponse infoRefs(GitHttpRequest request, String name)
      throws GitHttpException, IOException {
    requireMethod(request, "GET");
    String service =
        Query.single(request.query(), "service")
            .orElseThrow(
                () ->
                    new GitHttpException(
                        403,
                        GitRoute.quote(name)
                            + ": dumb HTTP is not served"
                            + " (expected: ?service=git-upload-pack from a smart git client)"));
    if (service.equals("git-receive-pack")) {
      throw readOnly(name);
    }
    if (!service.equals(Advertisement.SERVICE)) {
      throw new GitHttpException(
          400, "service: " + GitRoute.quote(service) + " (expected: git-upload-pack)");
    }
    List<String> parameters = ProtocolParameters.of(request);
    byte[] body;
    try (Repository repository = repositories.open(name)) {
      body = Advertisement.render(repository, parameters, limits);
    }
    return GitHttpResponse.fixed(200, headers(ADVERTISEMENT_TYPE), body);
  }

  private GitHttpResponse uploadPack(GitHttpRequest request, String name)
      throws GitHttpException, IOException {
    requireMethod(request, "POST");
    String type = request.header("Content-Type").orElse("");
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals(REQUEST_TYPE)) {
      throw new GitHttpException(
          415, "Content-Type: " + GitRoute.quote(type) + " (expected: " + REQUEST_TYPE + ")");
    }
    List<String> parameters = ProtocolParameters.of(request);
    byte[] body = RequestBody.read(request, limits.maxRequestBytes());
    PktLines.check(body);
    int haves = PktLines.count(body, "have ");
    if (haves > limits.maxHaves()) {
      throw new GitHttpException(
          413,
          "request body: " + haves + " have lines (expected: at most " + limits.maxHaves() + ")");
    }
    return new GitHttpResponse(
        200,
        headers(RESULT_TYPE),
        OptionalLong.empty(),
        new UploadPackBody(repositories, name, body, parameters, limits));
  }

  private GitHttpResponse headFile(GitHttpRequest request, String name)
      throws GitHttpException, IOException {
    requireMethod(request, "GET");
    String line;
    try (Repository repository = repositories.open(name)) {
      Ref head = repository.exactRef("HEAD");
      if (head == null || head.getObjectId() == null && !head.isSymbolic()) {
        throw new GitHttpException(404, GitRoute.quote(name) + ": HEAD not found");
      }
      line = head.isSymbolic() ? "ref: " + head.getTarget().getName() : head.getObjectId().name();
    }
    return GitHttpResponse.fixed(
        200, headers("text/plain"), (line + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static void requireMethod(GitHttpRequest request, String method) throws GitHttpException {
    if (!request.method().equals(method)) {
      throw new GitHttpException(
          405,
          "method: " + GitRoute.quote(request.method()) + " (expected: " + method + ")",
          Map.of("Allow", method));
    }
  }

  private static GitHttpException readOnly(String name) {
    return new GitHttpException(
        403, GitRoute.quote(name) + ": read-only, push is not accepted (expected: clone or fetch)");
  }

  private static Map<String, String> headers(String contentType) {
    Map<String, String> headers = new LinkedHashMap<>(NoCache.HEADERS);
    headers.put("Content-Type", contentType);
    return headers;
  }
}
