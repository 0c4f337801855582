package rubric

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// A Scale is how a criterion is rated: pass or fail, a few points with a
// label and a descriptor each, or a percentage. A rating normalises to 0–1
// as (value - min) / (max - min). The zero value is not a usable scale;
// build one with Binary, Points or Percent. A Scale is immutable and safe
// for concurrent use.
type Scale struct {
	kind   scaleKind
	levels []Level // for points, in increasing value
}

type scaleKind uint8

const (
	noScale scaleKind = iota
	binaryScale
	pointsScale
	percentScale
)

// A Level is one point of a points scale.
type Level struct {
	Value      float64 `json:"value"`
	Label      string  `json:"label"`                // "warm"
	Descriptor string  `json:"descriptor,omitempty"` // what a reply at this level does
}

// Binary is the pass (1) or fail (0) scale.
func Binary() Scale {
	return Scale{kind: binaryScale, levels: []Level{{0, "fail", ""}, {1, "pass", ""}}}
}

// Percent is the 0–100 scale.
func Percent() Scale { return Scale{kind: percentScale} }

// ErrScale is matched by errors.Is for every invalid scale.
var ErrScale = errors.New("rubric: invalid scale")

// Points is a scale of levels (1–4, 1–5, with a label and a descriptor
// each). It needs two levels or more with distinct values; they are sorted
// by value.
func Points(levels ...Level) (Scale, error) {
	if len(levels) < 2 {
		return Scale{}, fmt.Errorf("%w: a points scale needs two levels or more, got %d", ErrScale, len(levels))
	}
	for _, l := range levels {
		if math.IsNaN(l.Value) || math.IsInf(l.Value, 0) {
			return Scale{}, fmt.Errorf("%w: level %q has the value %g; want a finite number", ErrScale, l.Label, l.Value)
		}
	}
	ls := slices.Clone(levels)
	slices.SortFunc(ls, func(a, b Level) int {
		switch {
		case a.Value < b.Value:
			return -1
		case a.Value > b.Value:
			return 1
		}
		return 0
	})
	for i := 1; i < len(ls); i++ {
		if ls[i].Value == ls[i-1].Value {
			return Scale{}, fmt.Errorf("%w: two levels have the value %g", ErrScale, ls[i].Value)
		}
	}
	return Scale{kind: pointsScale, levels: ls}, nil
}

// MustPoints is like Points but panics on an invalid scale.
func MustPoints(levels ...Level) Scale {
	s, err := Points(levels...)
	if err != nil {
		panic(err)
	}
	return s
}

// Min and Max return the ends of the scale.
func (s Scale) Min() float64 {
	if s.kind == percentScale || len(s.levels) == 0 {
		return 0
	}
	return s.levels[0].Value
}

// Max returns the top of the scale.
func (s Scale) Max() float64 {
	switch {
	case s.kind == percentScale:
		return 100
	case len(s.levels) == 0:
		return 0
	}
	return s.levels[len(s.levels)-1].Value
}

// Levels returns the levels of a binary or points scale, lowest first.
func (s Scale) Levels() []Level { return slices.Clone(s.levels) }

// Valid reports whether the scale was built by Binary, Points or Percent.
func (s Scale) Valid() bool { return s.kind != noScale }

// Normalise returns value on 0–1. A points scale accepts only its levels'
// values; binary accepts 0 and 1; percent anything from 0 to 100.
func (s Scale) Normalise(value float64) (float64, error) {
	switch s.kind {
	case noScale:
		return 0, fmt.Errorf("%w: the zero Scale", ErrScale)
	case percentScale:
		if value < 0 || value > 100 || value != value {
			return 0, fmt.Errorf("rubric: %g is outside the 0–100 scale", value)
		}
	default:
		if !slices.ContainsFunc(s.levels, func(l Level) bool { return l.Value == value }) {
			return 0, fmt.Errorf("rubric: %g is not a level of the scale (%s)", value, s)
		}
	}
	return (value - s.Min()) / (s.Max() - s.Min()), nil
}

// Label returns the label of the level with the given value, or "".
func (s Scale) Label(value float64) string {
	for _, l := range s.levels {
		if l.Value == value {
			return l.Label
		}
	}
	return ""
}

// String describes the scale: "binary", "percent" or "points 0–3".
func (s Scale) String() string {
	switch s.kind {
	case binaryScale:
		return "binary"
	case percentScale:
		return "percent"
	case pointsScale:
		return fmt.Sprintf("points %g–%g", s.Min(), s.Max())
	}
	return "no scale"
}

// ordinal reports whether the scale's values are ordered categories (for
// weighted agreement statistics).
func (s Scale) ordinal() bool { return s.kind == pointsScale }
