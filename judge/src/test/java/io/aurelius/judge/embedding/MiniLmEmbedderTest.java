package io.aurelius.judge.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private final TextEmbedder embedder = MiniLmEmbedder.shared();

  @Test
  void paraphrasesAreCloserThanUnrelatedText() {
    List<float[]> v =
        embedder.embedAll(
            List.of(
                "I am afraid that if I report my colleague she will lose her job.",
                "Reporting my coworker could cost her the job, and that scares me.",
                "The recipe needs two cups of flour and an egg."));
    assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
    assertThat(Vectors.dot(v.get(0), v.get(0)))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(Vectors.dot(v.get(0), v.get(1)))
        .isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.3);
  }

  @Test
  void emptyTextIsTheZeroVector() {
    assertThat(Vectors.dot(embedder.embed(""), embedder.embed("anything"))).isZero();
  }
}
