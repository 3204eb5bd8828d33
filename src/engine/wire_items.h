// Lists, matrices and strings on the wire: the pieces the protocol codec and the configuration codec are made of.
// A count that cannot fit in the rest of the message fails the reader, never allocates. std + Eigen only.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/wire.h"

namespace catgeo {

// rows, cols, then the column-major values.
template <typename Matrix>
void put_matrix(WireWriter& w, const Matrix& m) {
  w.u32(static_cast<std::uint32_t>(m.rows()));
  w.u32(static_cast<std::uint32_t>(m.cols()));
  w.raw(m.data(), sizeof(typename Matrix::Scalar) * static_cast<std::size_t>(m.size()));
}

template <typename Matrix>
void get_matrix(WireReader& r, Matrix& m) {
  const std::uint32_t rows = r.u32(), cols = r.u32();
  const std::size_t item = sizeof(typename Matrix::Scalar);
  const std::size_t n = static_cast<std::size_t>(rows) * cols;
  if (!r.ok() || (rows > 0 && cols > (1u << 30) / rows) || !r.fits(item * n)) return r.fail();
  m.resize(rows, cols);
  if (!r.raw(m.data(), item * n)) m.resize(0, 0);
}

// A count, then the items.
void put_doubles(WireWriter& w, const std::vector<double>& v);
void get_doubles(WireReader& r, std::vector<double>& v);
void put_ints(WireWriter& w, const std::vector<int>& v);
void get_ints(WireReader& r, std::vector<int>& v);
void put_bytes(WireWriter& w, const std::vector<std::uint8_t>& v);
void get_bytes(WireReader& r, std::vector<std::uint8_t>& v);
void put_vector(WireWriter& w, const Eigen::VectorXd& v);
void get_vector(WireReader& r, Eigen::VectorXd& v);
void put_strings(WireWriter& w, const std::vector<std::string>& v);
void get_strings(WireReader& r, std::vector<std::string>& v);

}  // namespace catgeo
