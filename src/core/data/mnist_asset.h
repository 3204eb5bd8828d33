// MNIST asset codec (docs/mnist-asset.md): checked bytes <-> Dataset, digit selection; Eigen + std only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"
#include "core/base/status.h"

namespace catgeo {

// File layout, little-endian (written by scripts/make_mnist_asset.mjs):
//   0  char[8] magic "CGMNIST\0"     20  u32 cols (rows x cols is 14x14 or 7x7)
//   8  u32 format version (1)        24  u32 number of classes (1..256)
//  12  u32 count (samples, >= 1)     28  u32 CRC-32 (zlib/PNG) of every byte after the header
//  16  u32 rows
// then the payload: count label bytes, then count images of rows*cols pixel bytes (row-major).
constexpr std::size_t kMnistAssetHeaderBytes = 32;
constexpr std::uint32_t kMnistAssetVersion = 1;

// CRC-32 as in zlib, PNG and gzip (reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF).
std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size);

// Parses and validates an asset (magic, version, image size, byte length against the header counts,
// checksum, label range) before allocating anything. inputs = pixel / 255, (rows*cols, count), one
// column per sample; labels in file order (by digit, then the source order).
Result<Dataset> load_mnist_asset(const std::uint8_t* bytes, std::size_t size);

// The inverse of load_mnist_asset: input_dim must be 196 or 49 and num_classes in 1..256; inputs are
// clamped to [0, 1] and quantised to round(255 v). Used by tests and tools.
std::vector<std::uint8_t> encode_mnist_asset(const Dataset& data);

// Keeps the samples whose label is in `digits` (distinct labels of `data`), in their original order,
// relabelled to their position in `digits`: select_digits(d, {3, 8}) maps 3 -> 0 and 8 -> 1.
Dataset select_digits(const Dataset& data, const std::vector<int>& digits);

}  // namespace catgeo
