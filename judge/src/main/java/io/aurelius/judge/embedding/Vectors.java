package io.aurelius.judge.embedding;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Arithmetic on embedding vectors. */
public final class Vectors {
  private Vectors() {}

  /** The dot product; for unit vectors, the cosine similarity. Zero vectors give 0. */
  public static double dot(float[] a, float[] b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vector lengths " + a.length + " and " + b.length + " differ");
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /** The cosine similarity, clamped to [-1, 1]; 0 if either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    double na = Math.sqrt(dot(a, a));
    double nb = Math.sqrt(dot(b, b));
    if (na == 0 || nb == 0) {
      return 0;
    }
    return Math.max(-1, Math.min(1, dot(a, b) / (na * nb)));
  }

  /** The vector scaled to length 1 (a zero vector stays zero). */
  public static float[] unit(float[] v) {
    double n = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    if (n == 0 || !Double.isFinite(n)) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / n);
    }
    return out;
  }

  /** The unit-length mean of the vectors (a zero vector if there are none). */
  public static float[] meanUnit(List<float[]> vectors, int dimension) {
    float[] sum = new float[dimension];
    for (float[] v : vectors) {
      for (int i = 0; i < dimension; i++) {
        sum[i] += v[i];
      }
    }
    return unit(sum);
  }
}
