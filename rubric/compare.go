package rubric

import (
	"fmt"
	"math"
	"strings"
)

// GraderAgreement is how well graders agree on one criterion.
type GraderAgreement struct {
	ID string `json:"id"`
	// Units is the number of subjects on which every grader compared
	// rated the criterion (two graders) or on which two or more did.
	Units int `json:"units"`
	// Agreement is the share of those units with the same level (two
	// graders only).
	Agreement *float64 `json:"agreement,omitempty"`
	// Kappa is Cohen's kappa for a binary scale, quadratic weighted kappa
	// for a points scale (two graders only).
	Kappa *float64 `json:"kappa,omitempty"`
	// Alpha is Krippendorff's alpha: nominal for a binary scale, ordinal for
	// points, interval for percent.
	Alpha *float64 `json:"alpha,omitempty"`
	// Err says why statistics could not be computed, if some could not,
	// on one line: reasons are separated by "; ".
	Err string `json:"error,omitempty"`
}

// Agreement compares graders criterion by criterion. graders[g][u] is
// grader g's scorecard of subject u (automatic or entered with Rate); all
// graders score the same subjects in the same order. With two graders it
// gives percent agreement, kappa and alpha; with more, alpha only.
func (r *Rubric[S]) Agreement(graders [][]Scorecard) ([]GraderAgreement, error) {
	if len(graders) < 2 {
		return nil, fmt.Errorf("%w: need two graders or more", ErrAgreement)
	}
	for _, g := range graders {
		if len(g) != len(graders[0]) {
			return nil, fmt.Errorf("%w: graders scored %d and %d subjects", ErrAgreement, len(graders[0]), len(g))
		}
	}
	out := make([]GraderAgreement, len(r.criteria))
	for ci, c := range r.criteria {
		ga := GraderAgreement{ID: c.ID}
		levels := make([][]float64, len(graders))
		for g, cards := range graders {
			levels[g] = make([]float64, len(cards))
			for u, card := range cards {
				levels[g][u] = Missing
				if cs, ok := card.Criterion(c.ID); ok && cs.Level != nil {
					levels[g][u] = *cs.Level
				}
			}
		}
		ga.Units = pairable(levels)
		var errs []error
		if len(graders) == 2 {
			if p, err := PercentAgreement(levels[0], levels[1]); err == nil {
				ga.Agreement = &p
			} else {
				errs = append(errs, err)
			}
			w := Unweighted
			if c.Scale.ordinal() {
				w = Quadratic
			}
			if c.Scale.kind != percentScale {
				if k, err := WeightedKappa(levels[0], levels[1], w); err == nil {
					ga.Kappa = &k
				} else {
					errs = append(errs, err)
				}
			}
		}
		m := Nominal
		switch {
		case c.Scale.ordinal():
			m = Ordinal
		case c.Scale.kind == percentScale:
			m = Interval
		}
		if a, err := KrippendorffAlpha(levels, m); err == nil {
			ga.Alpha = &a
		} else {
			errs = append(errs, err)
		}
		msgs := make([]string, len(errs))
		for i, err := range errs {
			msgs[i] = err.Error()
		}
		ga.Err = strings.Join(msgs, "; ") // one line, for a JSON field and a table cell
		out[ci] = ga
	}
	return out, nil
}

// pairable counts the units rated by two graders or more.
func pairable(levels [][]float64) int {
	n := 0
	for u := range levels[0] {
		rated := 0
		for g := range levels {
			if !math.IsNaN(levels[g][u]) {
				rated++
			}
		}
		if rated >= 2 {
			n++
		}
	}
	return n
}
