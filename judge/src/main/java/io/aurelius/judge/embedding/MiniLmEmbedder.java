package io.aurelius.judge.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's in-process all-MiniLM-L6-v2 (384 dimensions, mean pooling). The ONNX model is
 * loaded from the jar once per process, on first use, and shared: loading takes seconds, embedding
 * a sentence milliseconds. Texts are cut to {@link #MAX_CHARS} first; the model reads at most 256
 * word pieces of a segment anyway. Vectors are shared read-only; callers must not modify them.
 */
public final class MiniLmEmbedder implements TextEmbedder {
  public static final String MODEL = "all-minilm-l6-v2";
  public static final int DIMENSION = 384;

  /** About 256 word pieces of English; more would only be averaged in, at a cost. */
  public static final int MAX_CHARS = 1_200;

  private static final int BATCH = 32;

  /** Recently embedded texts (observations repeat across turns, exemplars across judges). */
  private static final int CACHE_ENTRIES = 20_000;

  private static final MiniLmEmbedder SHARED = new MiniLmEmbedder();
  private volatile EmbeddingModel model;
  private final Map<String, float[]> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  private MiniLmEmbedder() {}

  /** The process-wide instance (one loaded model). */
  public static MiniLmEmbedder shared() {
    return SHARED;
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<TextSegment> batch = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i).strip();
      out.add(null);
      if (t.isEmpty()) {
        out.set(i, new float[DIMENSION]);
        continue;
      }
      String cut = t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
      float[] known;
      synchronized (cache) {
        known = cache.get(cut);
      }
      if (known != null) {
        out.set(i, known);
        continue;
      }
      batch.add(TextSegment.from(cut));
      slots.add(i);
      if (batch.size() == BATCH) {
        flush(batch, slots, out);
      }
    }
    flush(batch, slots, out);
    return out;
  }

  private void flush(List<TextSegment> batch, List<Integer> slots, List<float[]> out) {
    if (batch.isEmpty()) {
      return;
    }
    List<Embedding> embeddings = loaded().embedAll(batch).content();
    for (int j = 0; j < batch.size(); j++) {
      float[] v = Vectors.unit(embeddings.get(j).vector());
      out.set(slots.get(j), v);
      synchronized (cache) {
        cache.put(batch.get(j).text(), v);
      }
    }
    batch.clear();
    slots.clear();
  }

  private EmbeddingModel loaded() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          // The model's own executor would spawn one thread per core per call; run inline.
          m = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
          model = m;
        }
      }
    }
    return m;
  }
}
