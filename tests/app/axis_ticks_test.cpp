// Axis ticks: round tick values inside the range, never more than asked.
#include <cmath>

#include "app/axis_ticks.h"
#include "test.h"

using namespace catgeo;

TEST_CASE("nice_ticks_are_round_and_inside_the_range") {
  const std::vector<double> a = nice_ticks(0.0, 50.0, 4);
  CHECK((a.size() >= 2 && a.size() <= 5 && a.front() == 0.0 && a.back() <= 50.0));
  for (double v : a) CHECK_MESSAGE((std::fmod(v, 10.0) == 0.0 || std::fmod(v, 20.0) == 0.0), v);
  const std::vector<double> b = nice_ticks(0.3127, 0.4981, 3);  // steps of 0.05: 0.35, 0.4, 0.45
  CHECK_MESSAGE((b.size() == 3 && std::fabs(b[0] - 0.35) < 1e-12 && std::fabs(b[2] - 0.45) < 1e-12), b.size());
  const std::vector<double> c = nice_ticks(-2.2, 1.4, 4);  // log10 axis of 0.006 .. 25: -2, -1, 0, 1
  CHECK((c.size() == 4 && c[0] == -2.0 && c[1] == -1.0 && c[2] == 0.0 && c[3] == 1.0));
  CHECK((nice_ticks(1.0, 1.0, 4).empty() && nice_ticks(0.0, NAN, 4).empty()));
}
