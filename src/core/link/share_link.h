// Share-link codec: the whole run (scenario, data, network, training, view) <-> short URL-hash text; std only.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.h"
#include "core/link/link_payloads.h"  // quantize_for_link, kLinkPointScale: the lattice of drawn points

namespace catgeo {

// Grammar: key=value pairs joined by '&' (no leading '#'); keys and values may be %XX-encoded.
//   scenario=E1..E7|mnist|custom|drawn   always written first. custom = a mixture given by mix (base
//     preset E1 if 1-D, E5 if 2-D); drawn = points given by pts (base preset E5; E1 with pdims=1). mix after a preset
//     id replaces that preset's mixture (same dimension; otherwise it is read as scenario=custom).
//   Then, only where the config differs from that base preset, in this order:
//   mix=<class>;<class>...   class = mean:cov[:prior], numbers joined by ','; mean = m or mx,my;
//                            cov = upper triangle (v, or vxx,vxy,vyy); prior default 1 (relative weight)
//   pts=<base64url>          5 bytes per point: int16 LE round(x*4096), int16 LE round(y*4096), uint8 label
//   pdims=1                  drawn points of a 1-D table (y = 0; base preset E1 instead of E5), written right after
//                            scenario=drawn
//   names=a,b%252Cc          a table's class names (each name's '%' and ',' as %XX, then the value link-encoded)
//   scale=cx,cy,s            a table's scaling into the view, view = (x - c) / s (exact numbers)
//   digits=49                MNIST digits kept, in label order
//   n=5000 dseed=1 sigma=1 noise=gauss|dropout alpha=0.25 layers=64t-128s (width + t/s/r/l per hidden layer)
//   rep=-1 proj=-1
//   opt=adam|sgd lr=0.003 batch=32 epochs=100 seed=7 view=side|overlay measure=trace|lmax
//   log=0|1 glyphs=0|1 data=0|1 boundary=0|1 decoder=0|1 layer=-1   decoder ellipses, F_code map's hidden layer
//   embed=0|1 panels=0|1|auto controls=0|1 autoplay=0|1 lecture=0|1   page chrome (ViewConfig); the CLI ignores them
//   cut=x0,y0,x1,y1          a 1-D cut through a 2-D view (ignored, with a notice, on a 1-D scenario)
//   path=from,to,pair        MNIST only: digits among those kept, pair 0..9999 (ignored, with a notice, elsewhere)
//   tour=1..15               guided-tour step whose caption shows (core/config/tour.h). Without scenario=, tour=N stands
//                            for that step's settings with the link's other keys on top
//   v=1                      always written last: the link version, kLinkVersion of the CatGeo that wrote it
// Numbers use JSON number grammar in the shortest form that reads back exactly (0.003, 1e-5).
// Not carried (always the base preset's): title, test_samples, grid, mnist.side, mnist.test_fraction.
// The version of the numbers a link gives. Bump it exactly when what a link shows changes (the trainer, the data
// sampler, a default, an estimator): the golden runs (tests/golden/) fail until it is bumped and they are blessed
// again. A link without v= is read as this version; another version loads with a notice saying so.
constexpr int kLinkVersion = 1;
constexpr std::size_t kShareLinkMaxLength = 2000;  // drawn points are left out of longer links

struct LinkDecodeResult {
  ScenarioConfig config;
  std::vector<std::string> notices;    // one line each, for the UI / CLI to show
  bool fell_back_to_defaults = false;  // the link was empty or not understood; config is the E1 preset
  int version = kLinkVersion;          // the link's v= (kLinkVersion when absent or unreadable)
};

// The link text for `config` (without '#'). When the drawn points would make the link longer than max_length
// they are left out (with a table's names and scale; pdims stays) and `notice` (if given) says so; otherwise it is
// cleared. The engine passes SIZE_MAX to send the
// whole configuration to its view.
std::string encode_share_link(const ScenarioConfig& config, std::string* notice = nullptr,
                              std::size_t max_length = kShareLinkMaxLength);

// Reads a link with or without a leading '#' or '?' (or a whole URL: the part after '#'),
// percent-decoded. Never fails: problems become notices (control bytes are dropped with one); an empty link,
// an unknown scenario or garbage gives E1 with fell_back_to_defaults and a notice saying so. Every value is read
// strictly (a number is the whole value, a whole number is plain digits): otherwise the previous value is kept with a
// notice naming the key, the value and what was expected. A repeated key always gets a notice (the last value wins).
// Numbers are clamped to the ranges of the parameter table (parameters.h). Drawn points whose KDE reference has
// F_cat = 0 on the whole grid get a notice saying why (drawn_reference.h).
LinkDecodeResult decode_share_link(std::string_view link);

// The configuration a link of `config` reads back as: numbers and drawn points as the link writes them, values in the
// parameter table's ranges, and what the link does not carry from the base preset. What the engine runs, so that its
// link reproduces the run whichever way the configuration was made. The title stays when the scenario does.
ScenarioConfig as_link_reads(const ScenarioConfig& config);
// `config` with one link key set to `value` (link-encoded), as a link of `config` with that pair reads: a preset key
// (scenario, tour) starts from its preset, a value that cannot be used is kept out with a notice. The title stays
// when the scenario does.
LinkDecodeResult with_link_pair(const ScenarioConfig& config, const std::string& key, const std::string& value);

// Every key of the grammar above: the payload keys, then the plain fields in link order, then v.
std::vector<std::string> link_keys();

// Field-by-field equality of two configurations (exact for numbers).
bool configs_equal(const ScenarioConfig& a, const ScenarioConfig& b);

}  // namespace catgeo
