// The Information Bottleneck side (spec 1.11): I(x; r) by its high-SNR form and the spread of F_code / F_cat over the
// category-relevant data region (the IB optimum F_code = beta F_cat makes the ratio constant). Eigen + std only.
#pragma once
#include "core/geometry/grid_fields.h"

namespace catgeo {

// I(x; r) ~ H(x) + 1/2 E_p[ln det F_code(x)] - (K/2) ln(2 pi e) (Brunel & Nadal 1998), nats: a high-SNR approximation
// (it needs the posterior of x given r to be narrow and Gaussian; it can exceed any bound at low SNR, and it is -inf
// where F_code is singular). entropy_x = H(x) (information.h, differential_entropy); E_p is the p(x)-weighted mean over
// the fields' grid (weights normalised on the grid). Needs has_reference and has_network. NaN when det F_code <= 0 at
// a grid point with p(x) >= 1e-6 max p(x) (points below carry no weight that matters and are skipped).
double information_xr_high_snr(const GridFields& fields, double entropy_x);

// The coefficient of variation (standard deviation / mean) of rho(x) = tr F_code(x) / tr F_cat(x) (in 1-D F_code /
// F_cat) over the category-relevant data region, weighted by p(x): grid points with p(x) >= 5% of max p(x) (the data
// region of data_region_mask) where tr F_cat >= 1% of its largest value in the data region. 0 when F_code follows
// F_cat exactly (F_code = beta F_cat, the IB optimum); NaN when no point qualifies. Needs has_reference and
// has_network. Uses the traces, so it compares sizes, not directions (the angles of metrics.h do that).
double fcode_over_fcat_cv(const GridFields& fields);

}  // namespace catgeo
