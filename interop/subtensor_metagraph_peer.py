"""The metagraph of a subnet as the Bittensor SDK computes it from recorded runtime-API bytes.

A test peer, not part of the product: node-core's SubtensorMetagraphInteropIT runs it with the
interpreter of .venv-interop/ (made by .ci/setup) and compares its answer, field by field, with
the metagraph our client reads from the same recording served by a fake node.

  metagraph --recordings FILE --metadata-v15 FILE --operation OP --netuid N

reads, from the recording of OP, the answers to SubnetInfoRuntimeApi_get_selective_mechagraph and
NeuronInfoRuntimeApi_get_neurons_lite; decodes them with the SDK's own SCALE codec (bittensor_core,
typed by the V15 metadata); builds the SDK's Metagraph from the first (bittensor.metagraph._build,
what client.subnets.metagraph does with its runtime call) and takes validator trust from the second
(the SDK's PerU16 ratio). Prints one JSON object. Bad input exits with status 2 and one line on
stderr.
"""

import argparse
import json
import sys

from bittensor._transport.codec import RuntimeCodec, strip_option_opaque_metadata
from bittensor._transport.runtime_api import decode_runtime_api_result
from bittensor.hyperparams import ratio_fraction
from bittensor.metagraph import _build


def recorded_call(calls, method):
    for params, response in calls.items():
        decoded = json.loads(params)
        if decoded and decoded[0] == method:
            if "cycle" in response:
                response = response["cycle"][0]
            return bytes.fromhex(response["result"].removeprefix("0x"))
    raise SystemExit(f"no recorded state_call {method}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["metagraph"])
    parser.add_argument("--recordings", required=True)
    parser.add_argument("--metadata-v15", required=True)
    parser.add_argument("--operation", required=True)
    parser.add_argument("--netuid", type=int, required=True)
    parser.add_argument("--spec-version", type=int, required=True)
    args = parser.parse_args()

    with open(args.recordings, encoding="utf-8") as f:
        recordings = json.load(f)
    with open(args.metadata_v15, encoding="utf-8") as f:
        opaque = bytes.fromhex(f.read().strip().removeprefix("0x"))
    if args.operation not in recordings:
        print(f"operation {args.operation!r} is not recorded", file=sys.stderr)
        sys.exit(2)
    codec = RuntimeCodec(
        strip_option_opaque_metadata(opaque), spec_version=args.spec_version, transaction_version=1
    )
    calls = recordings[args.operation]["state_call"]
    graph = decode_runtime_api_result(
        codec,
        "SubnetInfoRuntimeApi",
        "get_selective_mechagraph",
        recorded_call(calls, "SubnetInfoRuntimeApi_get_selective_mechagraph"),
    )
    lite = decode_runtime_api_result(
        codec,
        "NeuronInfoRuntimeApi",
        "get_neurons_lite",
        recorded_call(calls, "NeuronInfoRuntimeApi_get_neurons_lite"),
    )
    m = _build(args.netuid, graph, {})
    trust_by_uid = {int(r["uid"]): ratio_fraction("PerU16", int(r["validator_trust"])) for r in lite}
    raw = m.raw
    out = {
        "netuid": m.netuid,
        "block": m.block,
        "name": m.name,
        "tempo": m.tempo,
        "last_step": m.last_step,
        "owner_hotkey": m.owner_hotkey,
        "weights_rate_limit": int(raw["weights_rate_limit"]),
        "commit_reveal_weights_enabled": bool(raw["commit_reveal_weights_enabled"]),
        "commit_reveal_period": int(raw["commit_reveal_period"]),
        "max_weights_limit": int(raw["max_weights_limit"]),
        "min_allowed_weights": int(raw["min_allowed_weights"]),
        "immunity_period": int(raw["immunity_period"]),
        "neurons": [
            {
                "uid": n.uid,
                "hotkey": n.hotkey,
                "coldkey": n.coldkey,
                "active": n.active,
                "validator_permit": n.validator_permit,
                "last_update": n.last_update,
                "block_at_registration": n.block_at_registration,
                "rank": n.rank,
                "trust": n.trust,
                "validator_trust": trust_by_uid[n.uid],
                "consensus": n.consensus,
                "incentive": n.incentive,
                "dividends": n.dividends,
                "pruning_score": n.pruning_score,
                "emission_rao": n.emission.rao,
                "alpha_stake_rao": n.alpha_stake.rao,
                "tao_stake_rao": n.tao_stake.rao,
                "total_stake_rao": n.total_stake.rao,
                "axon": n.axon,
            }
            for n in m.neurons
        ],
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
