/**
 * The judge port: what a judge is given ({@link io.aurelius.judge.port.JudgeInput}, one aene's
 * observation, reasoning and action with its ids), what it answers (the sealed {@link
 * io.aurelius.judge.port.JudgeOutcome}) and how it names itself. LLM, embedded and simulated judges
 * implement {@link io.aurelius.judge.port.Judge}; the ensemble depends only on this package.
 * Depends on the rubric package.
 */
package io.aurelius.judge.port;
