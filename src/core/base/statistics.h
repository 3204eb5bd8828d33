// Small statistics on value lists: Pearson and Spearman correlation, least-squares slope, median.
#pragma once
#include <vector>

namespace catgeo {

double pearson_correlation(const std::vector<double>& a, const std::vector<double>& b);   // NaN if undefined
double spearman_correlation(const std::vector<double>& a, const std::vector<double>& b);  // ties get mean ranks
double least_squares_slope(const std::vector<double>& x, const std::vector<double>& y);   // y ~ slope x + c
double median(std::vector<double> values);                                                // NaN when empty
double quantile(std::vector<double> values, double q);                                    // linear interpolation

}  // namespace catgeo
