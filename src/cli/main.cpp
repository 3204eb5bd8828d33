// catgeo: native command line on the CatGeo core (reproduce page results headless, print CSV/JSON).
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace catgeo::cli;
  const std::string usage = "usage: catgeo COMMAND [--help | options]\n"
                            "commands:\n"
                            "  fcat    F_cat of a Gaussian mixture on a grid, as CSV\n"
                            "  train   train a scenario (E1..E7, mnist) or share link and print its matching metrics\n"
                            "  sweep   train presets over seeds and sigmas on every core; Markdown tables of metrics\n"
                            "exit codes: 0 ok, 1 the run failed (training diverged), 2 bad input\n"
                            "an option given twice keeps its last value, with a notice (as the share link does)\n\n" +
                            fcat_help() + "\n" + train_help() + "\n" + sweep_help();
  if (argc < 2) {
    std::fputs(usage.c_str(), stderr);
    return 2;
  }
  if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    std::fputs(usage.c_str(), stdout);
    return 0;
  }
  if (!std::strcmp(argv[1], "fcat")) return run_fcat(argc, argv);
  if (!std::strcmp(argv[1], "train")) return run_train(argc, argv);
  if (!std::strcmp(argv[1], "sweep")) return run_sweep(argc, argv);
  return fail(std::string("unknown command '") + argv[1] + "' (try: catgeo --help)");
}
