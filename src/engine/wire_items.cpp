// Lists, vectors and strings on the wire (see wire_items.h).
#include "engine/wire_items.h"

namespace catgeo {

void put_doubles(WireWriter& w, const std::vector<double>& v) {
  w.u32(static_cast<std::uint32_t>(v.size()));
  w.raw(v.data(), sizeof(double) * v.size());
}

void get_doubles(WireReader& r, std::vector<double>& v) {
  v.resize(r.count(sizeof(double)));
  r.raw(v.data(), sizeof(double) * v.size());
}

void put_ints(WireWriter& w, const std::vector<int>& v) {
  w.u32(static_cast<std::uint32_t>(v.size()));
  for (int x : v) w.i32(x);
}

void get_ints(WireReader& r, std::vector<int>& v) {
  v.resize(r.count(4));
  for (int& x : v) x = r.i32();
}

void put_bytes(WireWriter& w, const std::vector<std::uint8_t>& v) {
  w.u32(static_cast<std::uint32_t>(v.size()));
  w.raw(v.data(), v.size());
}

void get_bytes(WireReader& r, std::vector<std::uint8_t>& v) {
  v.resize(r.count(1));
  r.raw(v.data(), v.size());
}

void put_vector(WireWriter& w, const Eigen::VectorXd& v) {
  w.u32(static_cast<std::uint32_t>(v.size()));
  w.raw(v.data(), sizeof(double) * static_cast<std::size_t>(v.size()));
}

void get_vector(WireReader& r, Eigen::VectorXd& v) {
  v.resize(static_cast<Eigen::Index>(r.count(sizeof(double))));
  r.raw(v.data(), sizeof(double) * static_cast<std::size_t>(v.size()));
}

void put_strings(WireWriter& w, const std::vector<std::string>& v) {
  w.u32(static_cast<std::uint32_t>(v.size()));
  for (const std::string& s : v) w.text(s);
}

void get_strings(WireReader& r, std::vector<std::string>& v) {
  v.resize(r.count(4));
  for (std::string& s : v) s = r.text();
}

}  // namespace catgeo
