/**
 * The miner's answer on SN37's route ({@code POST /aurelius/v1/scenario_config}, docs/protocol.md):
 * {@link io.aurelius.miner.sn37.ScenarioConfigHandler} serves the library's configurations that
 * export to SN37's schema_v1 ({@link io.aurelius.miner.sn37.V1Shelf}), one after another as SN37's
 * miner does, each stamped with a fresh work token signed by the miner's hotkey. Depends on the
 * config module (its {@code v1} exporter and validator, its {@code sn37} wire records) and
 * node-core's transport API and crypto; {@code miner.service} hands it the served configurations.
 */
package io.aurelius.miner.sn37;
