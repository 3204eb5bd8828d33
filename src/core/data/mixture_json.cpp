// Reading, validating and writing Gaussian-mixture files (JSON); Eigen + std only.
#include "core/data/mixture_json.h"


namespace catgeo {
namespace {

std::string class_name(std::size_t index) { return "class " + std::to_string(index + 1); }

Status read_vector(const JsonValue* value, const std::string& where, Eigen::VectorXd& out) {
  if (!value || !value->is_array() || value->size() == 0) {
    return Status::error(where + ": \"mean\" must be a non-empty array of numbers, e.g. [0.5] or [-1, 0]");
  }
  out.resize(static_cast<Eigen::Index>(value->size()));
  for (std::size_t i = 0; i < value->size(); ++i) {
    const JsonValue& x = value->items()[i];
    if (!x.is_number()) return Status::error(where + ": \"mean\" entry " + std::to_string(i) + " is not a number");
    out[static_cast<Eigen::Index>(i)] = x.as_number();
  }
  return Status::success();
}

Status read_matrix(const JsonValue* value, const std::string& where, Eigen::MatrixXd& out) {
  const char* shape = ": \"cov\" must be a square array of rows, e.g. [[0.25]] or [[1, 0], [0, 1]]";
  if (!value || !value->is_array() || value->size() == 0) return Status::error(where + shape);
  const std::size_t n = value->size();
  out.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  for (std::size_t r = 0; r < n; ++r) {
    const JsonValue& row = value->items()[r];
    if (!row.is_array() || row.size() != n) return Status::error(where + shape);
    for (std::size_t c = 0; c < n; ++c) {
      const JsonValue& x = row.items()[c];
      if (!x.is_number()) {
        return Status::error(where + ": \"cov\" entry [" + std::to_string(r) + "][" + std::to_string(c) +
                             "] is not a number");
      }
      out(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = x.as_number();
    }
  }
  return Status::success();
}

Result<GaussianClass> read_class(const JsonValue& value, std::size_t index) {
  const std::string where = "mixture " + class_name(index);
  if (!value.is_object()) return Result<GaussianClass>::fail(where + " must be an object with \"mean\" and \"cov\"");
  for (const std::string& key : value.keys()) {
    if (key != "mean" && key != "cov" && key != "prior") {
      return Result<GaussianClass>::fail(where + ": unknown key '" + key + "' (allowed: mean, cov, prior)");
    }
  }
  Result<GaussianClass> result;
  result.status = read_vector(value.find("mean"), where, result.value.mean);
  if (!result.ok()) return result;
  result.status = read_matrix(value.find("cov"), where, result.value.cov);
  if (!result.ok()) return result;
  if (const JsonValue* prior = value.find("prior")) {
    if (!prior->is_number()) return Result<GaussianClass>::fail(where + ": \"prior\" must be a number");
    result.value.prior = prior->as_number();
  }
  return result;
}

JsonValue numbers_to_json(const Eigen::VectorXd& v) {
  JsonValue array = JsonValue::array();
  for (Eigen::Index i = 0; i < v.size(); ++i) array.push_back(JsonValue::number(v[i]));
  return array;
}

}  // namespace

Result<std::vector<GaussianClass>> mixture_from_json(const JsonValue& document) {
  using R = Result<std::vector<GaussianClass>>;
  const char* expected = "a mixture file must be {\"classes\": [{\"mean\": [...], \"cov\": [[...]], \"prior\": p}, ...]}";
  if (!document.is_object()) return R::fail(expected);
  for (const std::string& key : document.keys()) {
    if (key != "classes") return R::fail("mixture file: unknown key '" + key + "' (only \"classes\" is allowed)");
  }
  const JsonValue* list = document.find("classes");
  if (!list || !list->is_array()) return R::fail(expected);
  R result;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Result<GaussianClass> g = read_class(list->items()[i], i);
    if (!g.ok()) return R::fail(g.status.message);
    result.value.push_back(std::move(g.value));
  }
  result.status = validate_mixture(result.value);
  if (!result.ok()) return R::fail(result.status.message);
  return result;
}

Result<std::vector<GaussianClass>> parse_mixture_json(std::string_view text) {
  Result<JsonValue> document = parse_json(text);
  if (!document.ok()) return Result<std::vector<GaussianClass>>::fail(document.status.message);
  return mixture_from_json(document.value);
}

std::string mixture_to_json(const std::vector<GaussianClass>& classes) {
  JsonValue list = JsonValue::array();
  for (const GaussianClass& g : classes) {
    JsonValue cov = JsonValue::array();
    for (Eigen::Index r = 0; r < g.cov.rows(); ++r) cov.push_back(numbers_to_json(g.cov.row(r).transpose()));
    JsonValue entry = JsonValue::object();
    entry.set("mean", numbers_to_json(g.mean));
    entry.set("cov", std::move(cov));
    entry.set("prior", JsonValue::number(g.prior));
    list.push_back(std::move(entry));
  }
  JsonValue document = JsonValue::object();
  document.set("classes", std::move(list));
  return to_json(document);
}

}  // namespace catgeo
