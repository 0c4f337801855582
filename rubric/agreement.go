package rubric

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Agreement statistics between graders, for calibration sessions and for
// deciding how far to trust automatic scoring. Ratings are float64 values
// on a criterion's scale; NaN marks a unit a grader did not rate.

// ErrAgreement is matched by errors.Is when a statistic cannot be computed:
// mismatched lengths, too few rated units, or no variation at all.
var ErrAgreement = errors.New("rubric: agreement cannot be computed")

// Missing is the value of a rating a grader did not give.
var Missing = math.NaN()

// pairs returns the units both graders rated.
func pairs(a, b []float64) (x, y []float64, err error) {
	if len(a) != len(b) {
		return nil, nil, fmt.Errorf("%w: %d ratings against %d", ErrAgreement, len(a), len(b))
	}
	for i := range a {
		if !math.IsNaN(a[i]) && !math.IsNaN(b[i]) {
			x, y = append(x, a[i]), append(y, b[i])
		}
	}
	if len(x) == 0 {
		return nil, nil, fmt.Errorf("%w: no unit rated by both", ErrAgreement)
	}
	return x, y, nil
}

// PercentAgreement returns the share of units rated by both graders on
// which they gave the same value.
func PercentAgreement(a, b []float64) (float64, error) {
	x, y, err := pairs(a, b)
	if err != nil {
		return 0, err
	}
	same := 0
	for i := range x {
		if x[i] == y[i] {
			same++
		}
	}
	return float64(same) / float64(len(x)), nil
}

// Weighting says how much a disagreement between two ordered categories
// counts in WeightedKappa.
type Weighting uint8

// The weightings: no credit for near misses (Cohen's kappa), linear, and
// quadratic (Cohen 1968; Fleiss and Cohen 1973).
const (
	Unweighted Weighting = iota
	Linear
	Quadratic
)

// CohenKappa returns Cohen's kappa (Cohen 1960) between two graders over the
// units both rated: (po - pe) / (1 - pe), with po the observed agreement
// and pe the agreement expected from each grader's marginal distribution.
func CohenKappa(a, b []float64) (float64, error) { return WeightedKappa(a, b, Unweighted) }

// WeightedKappa returns Cohen's weighted kappa (Cohen 1968) for ordered
// categories: 1 - Σ w·observed / Σ w·expected, with disagreement weights
// |i-j|/(k-1) (Linear) or (|i-j|/(k-1))² (Quadratic) between the i-th and
// j-th of the k categories either grader used, in order.
func WeightedKappa(a, b []float64, w Weighting) (float64, error) {
	x, y, err := pairs(a, b)
	if err != nil {
		return 0, err
	}
	cats := slices.Concat(x, y)
	slices.Sort(cats)
	cats = slices.Compact(cats)
	k := len(cats)
	if k < 2 {
		return 0, fmt.Errorf("%w: every rating is %g", ErrAgreement, cats[0])
	}
	index := func(v float64) int { i, _ := slices.BinarySearch(cats, v); return i }
	n := float64(len(x))
	obs := make([]float64, k*k)
	rowM, colM := make([]float64, k), make([]float64, k)
	for i := range x {
		r, c := index(x[i]), index(y[i])
		obs[r*k+c] += 1 / n
		rowM[r] += 1 / n
		colM[c] += 1 / n
	}
	var do, de float64
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			d := weight(i, j, k, w)
			do += d * obs[i*k+j]
			de += d * rowM[i] * colM[j]
		}
	}
	if de == 0 {
		return 0, fmt.Errorf("%w: no disagreement is possible by chance", ErrAgreement)
	}
	return 1 - do/de, nil
}

// weight is the disagreement weight between categories i and j of k.
func weight(i, j, k int, w Weighting) float64 {
	d := math.Abs(float64(i-j)) / float64(k-1)
	switch w {
	case Linear:
		return d
	case Quadratic:
		return d * d
	}
	if i == j {
		return 0
	}
	return 1
}

// Metric is the level of measurement for Krippendorff's alpha.
type Metric uint8

// The metrics: categories without order, ordered categories, and numbers
// whose differences mean something.
const (
	Nominal Metric = iota
	Ordinal
	Interval
)

// KrippendorffAlpha returns Krippendorff's alpha for any number of graders
// with missing ratings (Krippendorff 2011, "Computing Krippendorff's
// Alpha-Reliability"): 1 - Do/De from the coincidence matrix of the values
// pairable within each unit. ratings[g][u] is grader g's rating of unit u,
// Missing when absent; units rated by fewer than two graders are left out.
func KrippendorffAlpha(ratings [][]float64, m Metric) (float64, error) {
	if len(ratings) < 2 {
		return 0, fmt.Errorf("%w: need two graders or more", ErrAgreement)
	}
	units := len(ratings[0])
	for _, g := range ratings {
		if len(g) != units {
			return 0, fmt.Errorf("%w: graders rated %d and %d units", ErrAgreement, units, len(g))
		}
	}
	// The values of each unit, and the set of values.
	var values []float64
	perUnit := make([][]float64, 0, units)
	for u := 0; u < units; u++ {
		var vs []float64
		for _, g := range ratings {
			if !math.IsNaN(g[u]) {
				vs = append(vs, g[u])
			}
		}
		if len(vs) >= 2 {
			perUnit = append(perUnit, vs)
			values = append(values, vs...)
		}
	}
	if len(perUnit) == 0 {
		return 0, fmt.Errorf("%w: no unit rated by two graders", ErrAgreement)
	}
	slices.Sort(values)
	values = slices.Compact(values)
	k := len(values)
	index := func(v float64) int { i, _ := slices.BinarySearch(values, v); return i }
	// The coincidence matrix o and its marginals nc.
	o := make([]float64, k*k)
	for _, vs := range perUnit {
		mu := float64(len(vs))
		for i := range vs {
			for j := range vs {
				if i != j {
					o[index(vs[i])*k+index(vs[j])] += 1 / (mu - 1)
				}
			}
		}
	}
	nc := make([]float64, k)
	n := 0.0
	for c := 0; c < k; c++ {
		for d := 0; d < k; d++ {
			nc[c] += o[c*k+d]
		}
		n += nc[c]
	}
	delta := func(c, d int) float64 {
		switch m {
		case Interval:
			x := values[c] - values[d]
			return x * x
		case Ordinal:
			lo, hi := min(c, d), max(c, d)
			s := 0.0
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			s -= (nc[c] + nc[d]) / 2
			return s * s
		}
		if c == d {
			return 0
		}
		return 1
	}
	var do, de float64
	for c := 0; c < k; c++ {
		for d := 0; d < k; d++ {
			dd := delta(c, d)
			do += o[c*k+d] * dd
			de += nc[c] * nc[d] * dd
		}
	}
	if de == 0 {
		return 0, fmt.Errorf("%w: every rating has the same value", ErrAgreement)
	}
	return 1 - (n-1)*do/de, nil
}
