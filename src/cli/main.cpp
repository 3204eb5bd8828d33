// catgeo: native command line on the CatGeo core (reproduce page results headless, print CSV/JSON).
#include <cstdio>
#include <cstring>

#include "cli/commands.h"

namespace {

const char* kUsage =
    "usage:\n"
    "  catgeo fcat --mixture FILE.json --grid x0:x1:n[,y0:y1:m]\n"
    "      F_cat of a Gaussian mixture on a grid, as CSV\n"
    "  catgeo train (--scenario ID | --link 'scenario=E5&sigma=1') [--sigma S] [--seed N] [--epochs E]\n"
    "               [--lr LR] [--mnist FILE.cgd] [--digits 49|3,5,8] [--json] [--history]\n"
    "      train a scenario (E1..E7, mnist) and print its matching metrics\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "fcat")) return catgeo::cli::run_fcat(argc, argv);
  if (!std::strcmp(argv[1], "train")) return catgeo::cli::run_train(argc, argv);
  return catgeo::cli::fail(std::string("unknown command '") + argv[1] + "' (try: catgeo --help)");
}
