package io.aurelius.validator.epoch;

/**
 * One step of a validator epoch. A step takes only what it works on ({@code I}, the outputs of
 * earlier steps) and returns what later steps need ({@code O}). It stores its output and marks
 * itself done in the state store in one transaction, so running it again for an epoch it has
 * finished returns the stored output and does nothing else: a restarted validator reruns the
 * pipeline and only the steps that were not done do work.
 *
 * @param <I> the step's input
 * @param <O> the step's output
 */
public interface EpochStep<I, O> {
  /** The step's name, as the state store and the progress lines know it. */
  String name();

  O run(long epoch, I input) throws InterruptedException;

  /** The input of a step that needs nothing from earlier steps. */
  enum None {
    NONE
  }
}
