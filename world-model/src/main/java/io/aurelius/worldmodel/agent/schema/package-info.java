/**
 * The shape of a legal reply: the actions an agent may take now with their bounded parameters
 * ({@link io.aurelius.worldmodel.agent.schema.ReplySchema}), rendered as the JSON Schema sent to a
 * model (structured output) and read back from one (the embedded simulation model answers within
 * whatever schema it is sent), and the strict parser that turns a model's raw text into a {@link
 * io.aurelius.worldmodel.agent.Decision} or a one-line reason. Depends on node-core's JSON and the
 * value package.
 */
package io.aurelius.worldmodel.agent.schema;
