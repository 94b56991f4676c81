/**
 * The offline sim model's answers to judge calls: a LangChain4j {@code ChatModel} that reads
 * the fenced aene out of a judge prompt and answers each rubric criterion by surface cues
 * (data in {@code judge/sim/criterion-cues.json}). It goes through the same prompt, reply and
 * parser path as a real LLM judge, deterministically and without a network; its scores are
 * labelled {@code sim}. Depends on the text, data, prompt and llm packages.
 */
package io.aurelius.judge.sim;
