// The CLI's commands; each returns the process exit code (0 ok, 1 the run failed, 2 bad input) and prints its output.
#pragma once
#include <string>

namespace catgeo::cli {

int run_fcat(int argc, char** argv);   // catgeo fcat --mixture FILE.json --grid SPEC
int run_train(int argc, char** argv);  // catgeo train --scenario ID | --link TEXT [...]
int run_sweep(int argc, char** argv);  // catgeo sweep [--scenarios IDS] [--seeds LIST] [--sigmas LIST] [...]
std::string fcat_help();
std::string train_help();
std::string sweep_help();
int fail(const std::string& message);  // prints "catgeo: <message>" to stderr, returns 2

}  // namespace catgeo::cli
