/**
 * The offline sim model's answers to judge calls: a chat endpoint that reads the fenced aene out of
 * a judge prompt and answers each rubric criterion by surface cues (data in {@code
 * judge/sim/criterion-cues.json}). It goes through the same prompt, endpoint and parser path as a
 * real LLM judge, deterministically and without a network; its endpoint is marked sim and its
 * scores are labelled {@code sim}. (The world model's own sim endpoint answers any other schema
 * with a random conforming instance, which is no judge at all.) Depends on the text, data, prompt
 * and llm packages and the world model's endpoint port.
 */
package io.aurelius.judge.sim;
