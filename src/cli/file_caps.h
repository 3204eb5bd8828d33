// The most bytes each file option of the CLI reads, and why that much: a larger file is refused before it is read.
#pragma once
#include <cstddef>
#include <string>

namespace catgeo::cli {

struct FileCap {
  std::size_t bytes = 0;  // the most the option reads
  std::string why;        // what needs that much, for messages and --help: "the most a table of 20000 points needs"
};

FileCap points_file_cap();                     // --points: table.points lines of up to 400 bytes
FileCap mnist_file_cap();                      // --mnist: an asset of all 70,000 MNIST digits at 14x14
FileCap mixture_file_cap();                    // --mixture: a mixture JSON of at most 6 classes, with room to spare
FileCap merge_file_cap(std::size_t max_runs);  // --merge: one shard file of a sweep of at most max_runs runs
// "8 MB (the most a table of 20000 points needs)", decimal megabytes.
std::string cap_text(const FileCap& cap);

}  // namespace catgeo::cli
