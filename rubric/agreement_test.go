package rubric_test

import (
	"errors"
	"math"
	"testing"

	"github.com/rapportkit/rapport/rubric"
)

const na = math.MaxFloat64 // placeholder in tables for a missing rating

func ratings(vs ...float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = v
		if v == na {
			out[i] = rubric.Missing
		}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.0005 }

// TestKappaWikipedia uses the worked example of the Wikipedia article
// "Cohen's kappa" (section "Simple example"): 50 grant proposals read by
// two readers, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; po = 0.7,
// pe = 0.5, kappa = 0.4.
func TestKappaWikipedia(t *testing.T) {
	var a, b []float64
	add := func(n int, x, y float64) {
		for i := 0; i < n; i++ {
			a, b = append(a, x), append(b, y)
		}
	}
	add(20, 1, 1)
	add(5, 1, 0)
	add(10, 0, 1)
	add(15, 0, 0)
	k, err := rubric.CohenKappa(a, b)
	if err != nil || !near(k, 0.4) {
		t.Errorf("kappa = %v, %v; want 0.4", k, err)
	}
	p, _ := rubric.PercentAgreement(a, b)
	if !near(p, 0.7) {
		t.Errorf("agreement = %v, want 0.7", p)
	}
	// With two categories every weighting is the same statistic.
	for _, w := range []rubric.Weighting{rubric.Linear, rubric.Quadratic} {
		if kw, _ := rubric.WeightedKappa(a, b, w); !near(kw, 0.4) {
			t.Errorf("weighted kappa (%d) = %v, want 0.4 with two categories", w, kw)
		}
	}
}

// TestWeightedKappa checks a 3-category example worked by hand from Cohen's
// (1968) definition, kw = 1 - Σ w·po / Σ w·pe. Ten units rated 1–3:
//
//	A: 1 1 1 2 2 2 3 3 3 3
//	B: 1 1 2 2 2 3 3 3 3 2
//
// Observed proportions: (1,1) .2, (1,2) .1, (2,2) .2, (2,3) .1, (3,3) .3,
// (3,2) .1. Marginals A = (.3, .3, .4), B = (.2, .4, .4). Linear weights
// (0, .5, 1): Σ w·po = .5·(.1+.1+.1) = .15; Σ w·pe = .5·(.3·.4 + .3·.2 +
// .3·.4 + .4·.4) + 1·(.3·.4 + .4·.2) = .23 + .20 = .43; kw = 1 - .15/.43 =
// 0.651. Quadratic weights (0, .25, 1): Σ w·po = .075; Σ w·pe = .115 + .20
// = .315; kw = 1 - .075/.315 = 0.762.
func TestWeightedKappa(t *testing.T) {
	a := ratings(1, 1, 1, 2, 2, 2, 3, 3, 3, 3)
	b := ratings(1, 1, 2, 2, 2, 3, 3, 3, 3, 2)
	for _, tt := range []struct {
		w    rubric.Weighting
		want float64
	}{{rubric.Linear, 0.651}, {rubric.Quadratic, 0.762}} {
		if k, err := rubric.WeightedKappa(a, b, tt.w); err != nil || !near(k, tt.want) {
			t.Errorf("weighted kappa (%d) = %.4f, %v; want %.3f", tt.w, k, err, tt.want)
		}
	}
}

// TestAlphaKrippendorff2011 uses the example of Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, values 1–5, with missing data. The paper gives alpha =
// 0.743 for nominal data and 0.849 for interval data.
func TestAlphaKrippendorff2011(t *testing.T) {
	data := [][]float64{
		ratings(1, 2, 3, 3, 2, 1, 4, 1, 2, na, na, na),
		ratings(1, 2, 3, 3, 2, 2, 4, 1, 2, 5, na, 3),
		ratings(na, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, na),
		ratings(1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, na),
	}
	for _, tt := range []struct {
		m    rubric.Metric
		want float64
	}{{rubric.Nominal, 0.743}, {rubric.Interval, 0.849}} {
		a, err := rubric.KrippendorffAlpha(data, tt.m)
		if err != nil || !near(a, tt.want) {
			t.Errorf("alpha (%d) = %.4f, %v; want %.3f", tt.m, a, err, tt.want)
		}
	}
	ord, err := rubric.KrippendorffAlpha(data, rubric.Ordinal)
	if err != nil || ord <= 0.743 || ord >= 1 {
		t.Errorf("ordinal alpha = %.4f, %v; want between the nominal figure and 1", ord, err)
	}
}

// TestAlphaTwoGraders relates alpha to Scott's pi on the Wikipedia example:
// with two graders and no missing data alpha = 1 - (2N-1)/(2N)·(1 - pi)
// (Krippendorff 2011). The pooled marginals are .45 and .55, so pe = .505
// and pi = (.7 - .505)/.495 = .3939; alpha = 1 - (99/100)·.6061 = 0.400.
func TestAlphaTwoGraders(t *testing.T) {
	var a, b []float64
	for _, row := range [][3]float64{{20, 1, 1}, {5, 1, 0}, {10, 0, 1}, {15, 0, 0}} {
		for i := 0; i < int(row[0]); i++ {
			a, b = append(a, row[1]), append(b, row[2])
		}
	}
	alpha, err := rubric.KrippendorffAlpha([][]float64{a, b}, rubric.Nominal)
	if err != nil || !near(alpha, 0.400) {
		t.Errorf("alpha = %.4f, %v; want 0.400", alpha, err)
	}
}

func TestAgreementErrors(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		reason string
	}{
		{"lengths", func() error { _, err := rubric.CohenKappa(ratings(1, 2), ratings(1)); return err }(), "ratings pair up by unit"},
		{"nothing shared", func() error { _, err := rubric.PercentAgreement(ratings(1, na), ratings(na, 2)); return err }(), "no unit rated by both"},
		{"one category", func() error { _, err := rubric.CohenKappa(ratings(1, 1, 1), ratings(1, 1, 1)); return err }(), "kappa is undefined without variation"},
		{"one grader", func() error {
			_, err := rubric.KrippendorffAlpha([][]float64{ratings(1, 2)}, rubric.Nominal)
			return err
		}(), "alpha needs two graders"},
		{"no pairable unit", func() error {
			_, err := rubric.KrippendorffAlpha([][]float64{ratings(1, na), ratings(na, 2)}, rubric.Nominal)
			return err
		}(), "each unit rated once"},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, rubric.ErrAgreement) {
			t.Errorf("%s: err = %v, want ErrAgreement (%s)", tt.name, tt.err, tt.reason)
		}
	}
}
