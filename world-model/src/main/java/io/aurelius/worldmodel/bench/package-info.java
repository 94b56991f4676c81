/**
 * The world model's benchmark ({@code aurelius bench world-model}): the orchestrator's own cost per
 * agent turn, concurrency efficiency against sim-llm at a fixed latency, and heap per running
 * configuration, each beside a figure measured in the same run. Also the generated commons
 * scenarios it runs. A benchmark, never a test. Depends on the orchestrator, the sim server and the
 * agent models.
 */
package io.aurelius.worldmodel.bench;
