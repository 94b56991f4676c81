/**
 * The live SN37 subnet's scenario-config exchange as it travels on btauth/1 ({@code POST
 * /aurelius/v1/scenario_config}, docs/protocol.md "SN37 scenario_config"): the request a validator
 * sends and the response a miner answers, read strictly and bounded; the {@code work_id} a miner
 * stamps on the configuration it serves (Python's {@code json.dumps} rendering, rebuilt in {@link
 * io.aurelius.config.sn37.PyJson}) and its work-token signature. Both sides use it, so it lives
 * below the miner and the validator; it depends on node-core's JSON, hashing and crypto and knows
 * no networking (the transport carries the bytes and checks btauth/1).
 */
package io.aurelius.config.sn37;
