// Information quantities by quadrature: I(mu; x) and H(x) of a category model, and a wide quadrature grid for them.
#pragma once
#include "core/data/category_model.h"
#include "core/config/config.h"
#include "core/data/mixture.h"

namespace catgeo {

// I(mu; x) in nats = sum_mu integral p(mu, x) ln[P(mu|x) / q_mu] dx, on the given grid (the class
// marginals q_mu are integrated on the same grid, so a grid covering the mass gives a consistent value).
double mutual_information(const CategoryModel& model, const GridSpec& grid);

// H(x) in nats = -integral p(x) ln p(x) dx of the model's density, on the given grid (a Riemann sum, like
// mutual_information; the grid must cover the mass).
double differential_entropy(const CategoryModel& model, const GridSpec& grid);

// A grid covering every class of the mixture to +-8 standard deviations (1-D: 20001 points,
// 2-D: 401 x 401), fine enough for 5 significant digits of I(mu; x) on smooth mixtures.
GridSpec quadrature_grid(const Mixture& mixture);
// A grid covering every class of the mixture to +-sds standard deviations per axis, points_1d points in 1-D, points_2d
// per axis in 2-D.
GridSpec class_covering_grid(const Mixture& mixture, double sds, int points_1d, int points_2d);

}  // namespace catgeo
