/**
 * The admission quality gate: a logistic model on MiniLM embeddings of a configuration's text,
 * trained on labelled configurations, that refuses clearly poor configurations before any model is
 * spent on them.
 */
package io.aurelius.judge.gate;
