package io.aurelius.judge.embedding;

import java.util.List;

/** Turns texts into unit-length vectors whose dot product is their cosine similarity. */
public interface TextEmbedder {
  /** The model's name, recorded with anything computed from its vectors. */
  String model();

  int dimension();

  /** One unit vector per text, in order. Empty text gives a zero vector. */
  List<float[]> embedAll(List<String> texts);

  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
