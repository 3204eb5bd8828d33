// Commands and snapshots <-> bytes (the engine protocol on the wire; layout in docs/engine.md). A message of another
// protocol version or a corrupt one decodes to false, never to a partial picture. std + core only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/protocol.h"

namespace catgeo {

std::vector<std::uint8_t> encode_command(const Command& command);
bool decode_command(const std::uint8_t* data, std::size_t size, Command& out);

// `buffer` lends its capacity (a worker encodes into the previous message's storage: no megabyte reallocations).
std::vector<std::uint8_t> encode_snapshot(const Snapshot& snapshot, std::vector<std::uint8_t> buffer = {});
bool decode_snapshot(const std::uint8_t* data, std::size_t size, Snapshot& out);

}  // namespace catgeo
