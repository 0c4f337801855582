package rubric

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/rapportkit/rapport/ethics"
	"math"
	"strconv"
	"strings"
)

// A Rating is a criterion's rating of one subject: a value on the
// criterion's scale with the evidence for it, or not applicable. The zero
// Rating is a value of 0 without evidence; Ratings, like Evidence and
// Criteria, are plain values.
type Rating struct {
	Value    float64
	NA       bool // the criterion does not apply; it is left out of the score
	Evidence []Evidence
}

// NA returns the rating of a criterion that does not apply.
func NA() Rating { return Rating{NA: true} }

// Rate returns a rating of value with its evidence.
func Rate(value float64, evidence ...Evidence) Rating {
	return Rating{Value: value, Evidence: evidence}
}

// Pass and Fail are the ratings of a binary criterion.
func Pass(evidence ...Evidence) Rating { return Rate(1, evidence...) }

// Fail returns the failing rating of a binary criterion.
func Fail(evidence ...Evidence) Rating { return Rate(0, evidence...) }

// Evidence is what a rating rests on: a quote from a message, a finding of
// the ethics policy, a note from a human grader. Its JSON form has start
// and end whenever it quotes words (a quote may start at byte 0), and
// leaves them out when it quotes none.
type Evidence struct {
	Turn  int    `json:"turn"`            // index of the message, -1 for the whole conversation
	Start int    `json:"start,omitempty"` // byte offsets of Quote in the message's text
	End   int    `json:"end,omitempty"`
	Quote string `json:"quote,omitempty"` // the words, as written
	Rule  string `json:"rule,omitempty"`  // the ethics rule that fired, if any
	Note  string `json:"note,omitempty"`
}

// MarshalJSON implements [json.Marshaler].
func (e Evidence) MarshalJSON() ([]byte, error) {
	type plain Evidence // without the method
	if e.End == 0 {
		return json.Marshal(plain(e))
	}
	return json.Marshal(struct {
		Turn  int    `json:"turn"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Quote string `json:"quote,omitempty"`
		Rule  string `json:"rule,omitempty"`
		Note  string `json:"note,omitempty"`
	}{e.Turn, e.Start, e.End, e.Quote, e.Rule, e.Note})
}

// A Criterion rates one aspect of a subject of type S. Score is called once
// per subject; it must be safe for concurrent use if the rubric is.
type Criterion[S any] struct {
	ID          string
	Title       string
	Description string
	Weight      float64 // relative weight in the rubric's score; > 0
	Scale       Scale
	Critical    bool // failing it fails the scorecard
	// Score rates a subject. Nil means the criterion is rated by people
	// only (see Rubric.Rate); Score then reports it as not applicable.
	Score func(S) Rating
	// FailBelow is the normalised score (0–1) under which a critical
	// criterion fails; 0 means it fails only at the bottom of its scale.
	FailBelow float64
}

// A Rubric scores subjects of type S on weighted criteria, the way a QA
// team's scorecard does. Build one with New (or Parse, for conversations).
// A Rubric is immutable and safe for concurrent use when its criteria's
// Score functions are. The zero Rubric has no criteria: it scores every
// subject 0, not passed.
type Rubric[S any] struct {
	name, title string
	criteria    []Criterion[S]
	opts        options
	// scoreAll, when set, rates every criterion at once (a parsed rubric
	// reads a conversation once for all its criteria).
	scoreAll func(S) []Rating
	// scoreView, when set, does the same on a conversation already read
	// into an ethics view (see ScoreView).
	scoreView func(*ethics.View) []Rating
}

// An Option configures a rubric.
type Option interface{ apply(*options) }

type options struct {
	passMark     float64
	flagCritical bool
}

type passMark float64

func (p passMark) apply(o *options) { o.passMark = float64(p) }

// PassMark sets the score (0–1) a scorecard needs to pass; the default is
// 0.7.
func PassMark(mark float64) Option { return passMark(mark) }

type flagCritical struct{}

func (flagCritical) apply(o *options) { o.flagCritical = true }

// FlagCritical makes a failed critical criterion fail the scorecard and
// set Autofail while keeping the weighted score, instead of zeroing it
// (the default).
var FlagCritical Option = flagCritical{}

// Errors returned by New.
var (
	ErrNoCriteria  = errors.New("rubric: no criteria")
	ErrDuplicateID = errors.New("rubric: duplicate criterion id")
	ErrWeight      = errors.New("rubric: invalid weight")
	ErrPassMark    = errors.New("rubric: pass mark outside 0–1")
)

// A CriterionError says which criterion is invalid, and why.
type CriterionError struct {
	ID  string
	Err error
}

func (e *CriterionError) Error() string { return fmt.Sprintf("criterion %q: %v", e.ID, e.Err) }

// Unwrap returns the reason, for errors.Is.
func (e *CriterionError) Unwrap() error { return e.Err }

// New returns a rubric of the given criteria, in order. It checks that ids
// are unique and non-empty, weights positive, scales valid, and the pass
// mark within 0–1; every problem is reported, joined.
func New[S any](name string, criteria []Criterion[S], opts ...Option) (*Rubric[S], error) {
	r := &Rubric[S]{name: name, criteria: append([]Criterion[S](nil), criteria...), opts: options{passMark: 0.7}}
	for _, o := range opts {
		o.apply(&r.opts)
	}
	var errs []error
	if len(criteria) == 0 {
		errs = append(errs, ErrNoCriteria)
	}
	if r.opts.passMark < 0 || r.opts.passMark > 1 || math.IsNaN(r.opts.passMark) {
		errs = append(errs, fmt.Errorf("%w: %g", ErrPassMark, r.opts.passMark))
	}
	seen := map[string]bool{}
	for _, c := range criteria {
		switch {
		case c.ID == "":
			errs = append(errs, &CriterionError{c.Title, errors.New("empty id")})
		case seen[c.ID]:
			errs = append(errs, &CriterionError{c.ID, ErrDuplicateID})
		}
		seen[c.ID] = true
		if !(c.Weight > 0) || math.IsInf(c.Weight, 0) {
			errs = append(errs, &CriterionError{c.ID, fmt.Errorf("%w %g: want a positive number", ErrWeight, c.Weight)})
		}
		if !c.Scale.Valid() {
			errs = append(errs, &CriterionError{c.ID, fmt.Errorf("%w: no scale", ErrScale)})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

// MustNew is like New but panics on error, for rubrics built at package
// initialisation.
func MustNew[S any](name string, criteria []Criterion[S], opts ...Option) *Rubric[S] {
	r, err := New(name, criteria, opts...)
	if err != nil {
		panic(err)
	}
	return r
}

// String returns the rubric's name and title.
func (r *Rubric[S]) String() string {
	return strings.TrimSpace(r.name + " " + strconv.Quote(r.title))
}

// Name returns the rubric's name.
func (r *Rubric[S]) Name() string { return r.name }

// Title returns the rubric's title, from its file.
func (r *Rubric[S]) Title() string { return r.title }

// Criteria returns the rubric's criteria (the Score functions included).
func (r *Rubric[S]) Criteria() []Criterion[S] { return append([]Criterion[S](nil), r.criteria...) }

// Score rates s on every criterion and combines the ratings into a
// scorecard. A rating off its criterion's scale counts as not applicable,
// with a note in its evidence.
func (r *Rubric[S]) Score(s S) Scorecard {
	if r.scoreAll != nil {
		return r.card(r.scoreAll(s))
	}
	ratings := make([]Rating, len(r.criteria))
	for i, c := range r.criteria {
		if c.Score == nil {
			ratings[i] = NA()
			continue
		}
		ratings[i] = c.Score(s)
	}
	return r.card(ratings)
}

// Rate builds the scorecard of ratings given by a person, by criterion id,
// comparable with the automatic one. A criterion missing from ratings is
// not applicable. It is an error to rate an unknown criterion or off the
// scale.
func (r *Rubric[S]) Rate(ratings map[string]Rating) (Scorecard, error) {
	all := make([]Rating, len(r.criteria))
	known := map[string]bool{}
	var errs []error
	for i, c := range r.criteria {
		known[c.ID] = true
		rt, ok := ratings[c.ID]
		if !ok {
			all[i] = NA()
			continue
		}
		if !rt.NA {
			if _, err := c.Scale.Normalise(rt.Value); err != nil {
				errs = append(errs, &CriterionError{c.ID, err})
			}
		}
		all[i] = rt
	}
	for id := range ratings {
		if !known[id] {
			errs = append(errs, &CriterionError{id, errors.New("no such criterion in the rubric")})
		}
	}
	if len(errs) > 0 {
		return Scorecard{}, errors.Join(errs...)
	}
	return r.card(all), nil
}

// card combines ratings into a scorecard.
func (r *Rubric[S]) card(ratings []Rating) Scorecard {
	sc := Scorecard{Rubric: r.name, Criteria: make([]CriterionScore, len(r.criteria))}
	values := make([]float64, 2*len(r.criteria)) // what the criteria's Score and Level point to
	var sum, weights float64
	for i, c := range r.criteria {
		rt := ratings[i]
		cs := CriterionScore{ID: c.ID, Title: c.Title, Critical: c.Critical, Evidence: rt.Evidence}
		if cs.Evidence == nil {
			cs.Evidence = []Evidence{}
		}
		if !rt.NA {
			n, err := c.Scale.Normalise(rt.Value)
			if err != nil {
				cs.Evidence = append(cs.Evidence, Evidence{Turn: -1, Note: err.Error()})
			} else {
				values[2*i], values[2*i+1] = n, rt.Value
				cs.Score, cs.Level, cs.Label = &values[2*i], &values[2*i+1], c.Scale.Label(rt.Value)
				sum += c.Weight * n
				weights += c.Weight
				if c.Critical && (n < c.FailBelow || c.FailBelow == 0 && n == 0) {
					sc.Autofail = true
					cs.Failed = true
				}
			}
		}
		sc.Criteria[i] = cs
	}
	if weights > 0 {
		sc.Score = round3(sum / weights)
	}
	if sc.Autofail && !r.opts.flagCritical {
		sc.Score = 0
	}
	sc.Passed = !sc.Autofail && weights > 0 && sc.Score >= r.opts.passMark
	return sc
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
