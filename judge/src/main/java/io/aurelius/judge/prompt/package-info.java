/**
 * Building judge prompts and reading judge replies: the Orbis Ethica personas (data), the random
 * per-call fence that marks aene text as data with the task restated after it, and the strict
 * parser that turns a reply into a verdict, a refusal or a malformed answer. Pure text in, text
 * out; no model calls. Depends on the rubric, port and data packages.
 */
package io.aurelius.judge.prompt;
