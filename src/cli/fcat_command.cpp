// catgeo fcat: exact posterior and F_cat of a mixture file on a grid, printed as CSV.
#include <cstdio>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/geometry/grid_fields.h"
#include "core/data/mixture.h"
#include "core/data/mixture_json.h"
#include "core/config/parameters.h"

namespace catgeo::cli {
namespace {

std::string option_range(const char* key) { return range_text(parameter(key)); }

}  // namespace

int fail(const std::string& message) {
  std::fprintf(stderr, "catgeo: %s\n", message.c_str());
  return 2;
}

std::string fcat_help() {
  return "usage: catgeo fcat --mixture FILE.json --grid SPEC\n"
         "  exact posterior and F_cat of a Gaussian mixture on a grid, as CSV on stdout\n"
         "  --mixture FILE  {\"classes\":[{\"mean\":[m..],\"cov\":[[..]],\"prior\":p},..]}: " +
         option_range("classes") + " classes, means in " + option_range("mix.mean") + ", variances in " +
         option_range("mix.var") + ", priors in " + option_range("mix.prior") + ";\n"
         "                  a file of at most " + cap_text(mixture_file_cap()) + "\n"
         "  --grid SPEC     " + grid_form() + "\n";
}

int run_fcat(int argc, char** argv) {
  Result<Args> args = Args::parse(argc, argv, 2, {}, {"mixture", "grid"});
  if (!args.ok()) return fail(args.status.message);
  if (args.value.has("help")) {
    std::fputs(fcat_help().c_str(), stdout);
    return 0;
  }
  if (!args.value.value("mixture") || !args.value.value("grid"))
    return fail("fcat needs --mixture FILE.json and --grid SPEC (try catgeo fcat --help)");
  const std::string path = *args.value.value("mixture");
  Result<std::string> text = read_file("mixture", path, mixture_file_cap());
  if (!text.ok()) return fail(text.status.message);
  Result<std::vector<GaussianClass>> classes = parse_mixture_json(text.value);
  if (!classes.ok()) return fail("--mixture " + path + ": " + classes.status.message);
  Result<Mixture> mixture = Mixture::build(classes.value);
  if (!mixture.ok()) return fail("--mixture " + path + ": " + mixture.status.message);
  Result<GridSpec> grid = parse_grid_spec(*args.value.value("grid"));
  if (!grid.ok()) return fail(grid.status.message);
  const int K = mixture.value.dims(), M = mixture.value.num_classes();
  if (grid.value.dims != K)
    return fail("--grid has " + std::to_string(grid.value.dims) + " axes but the mixture is " + std::to_string(K) +
                "-D; give it " + std::to_string(K) + " axes");

  GridFields fields;
  fields.reshape(grid.value, M);
  evaluate_reference_fields(mixture.value, fields);
  std::printf(K == 1 ? "x" : "x1,x2");
  for (int mu = 1; mu <= M; ++mu) std::printf(",p_%d", mu);
  std::printf(K == 1 ? ",fcat\n" : ",f11,f12,f22\n");
  for (int i = 0; i < fields.size(); ++i) {
    std::printf("%.10g", fields.points(0, i));
    if (K == 2) std::printf(",%.10g", fields.points(1, i));
    for (int mu = 0; mu < M; ++mu) std::printf(",%.10g", fields.reference_posterior(mu, i));
    if (K == 1) std::printf(",%.10g\n", fields.fcat(0, i));
    else std::printf(",%.10g,%.10g,%.10g\n", fields.fcat(0, i), fields.fcat(1, i), fields.fcat(2, i));
  }
  return 0;
}

}  // namespace catgeo::cli
