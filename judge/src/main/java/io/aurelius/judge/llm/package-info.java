/**
 * LLM judges through LangChain4j: the only package of the judge module that imports
 * LangChain4j's chat API. A judge holds one or more endpoints (any
 * {@code dev.langchain4j.model.chat.ChatModel}: OpenAI-compatible, Ollama, or the offline
 * sim model), calls them in order with a time budget, and maps every failure to a
 * {@link io.aurelius.judge.port.JudgeOutcome}. Depends on the port, prompt and rubric packages.
 */
package io.aurelius.judge.llm;
