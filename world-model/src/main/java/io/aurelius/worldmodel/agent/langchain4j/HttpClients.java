package io.aurelius.worldmodel.agent.langchain4j;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import java.net.http.HttpClient;

/**
 * The HTTP client under the adapters: the JDK's. On plain {@code http://} it speaks HTTP/1.1
 * outright; left to itself it offers every request an h2c upgrade that model servers (vLLM,
 * llama.cpp, Ollama) never take, at a cost per request.
 */
final class HttpClients {
  private HttpClients() {}

  static JdkHttpClientBuilder forUrl(String baseUrl) {
    HttpClient.Builder jdk = HttpClient.newBuilder();
    if (baseUrl.startsWith("http://")) {
      jdk.version(HttpClient.Version.HTTP_1_1);
    }
    return new JdkHttpClientBuilder().httpClientBuilder(jdk);
  }
}
