/**
 * How one world is told to an agent, in either framing. Immersive: the agent's own first-person
 * voice, present tense, no word that reveals a game or an evaluation. Control: the same mechanics
 * as an explicit game, with players, state, legal moves and their rules, and outcomes. Either way
 * the agent is asked for free reasoning and an action, never to weigh its own interests against
 * others'. Also the legal-reply schema of a turn (the action menu). Depends on the config model and
 * the agent schema package.
 */
package io.aurelius.worldmodel.framing;
