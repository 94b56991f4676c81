/**
 * The validator's side of SN37's route ({@code POST /aurelius/v1/scenario_config},
 * docs/protocol.md): {@link io.aurelius.validator.sn37.Sn37Client} makes the request body and
 * checks an SN37-style miner's answer ({@link io.aurelius.validator.sn37.ResponseCheck}: its
 * protocol version, schema_v1, the work id recomputed and its signature verified against the
 * miner's hotkey, freshness against the validator's cycle anchor), then imports the configuration
 * into a {@code CompiledConfig}, what admission takes. Carries no bytes itself: the btauth/1
 * transport sends the request and hands back the verified response body. Depends on the config
 * module ({@code sn37}, {@code v1}, its loader) and node-core's crypto and identity.
 */
package io.aurelius.validator.sn37;
