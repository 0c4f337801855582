package rubric_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport/rubric"
)

// reply is a toy subject: what a grader noticed in a reply.
type reply struct {
	greeted, rude bool
	stars         float64 // 1–4, 0 when not rated
}

func toyRubric(t *testing.T, opts ...rubric.Option) *rubric.Rubric[reply] {
	t.Helper()
	stars := rubric.MustPoints(
		rubric.Level{Value: 1, Label: "poor"}, rubric.Level{Value: 2, Label: "fair"},
		rubric.Level{Value: 3, Label: "good"}, rubric.Level{Value: 4, Label: "great"})
	r, err := rubric.New("toy", []rubric.Criterion[reply]{
		{ID: "greeting", Weight: 1, Scale: rubric.Binary(), Score: func(r reply) rubric.Rating {
			if r.greeted {
				return rubric.Pass()
			}
			return rubric.Fail()
		}},
		{ID: "tone", Weight: 3, Scale: stars, Score: func(r reply) rubric.Rating {
			if r.stars == 0 {
				return rubric.NA()
			}
			return rubric.Rate(r.stars)
		}},
		{ID: "respect", Weight: 2, Scale: rubric.Binary(), Critical: true, Score: func(r reply) rubric.Rating {
			if r.rude {
				return rubric.Fail(rubric.Evidence{Turn: 1, Quote: "wait like all others"})
			}
			return rubric.Pass()
		}},
	}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestScoring(t *testing.T) {
	tests := []struct {
		name     string
		subject  reply
		opts     []rubric.Option
		score    float64
		passed   bool
		autofail bool
		reason   string
	}{
		{"all good", reply{greeted: true, stars: 4}, nil, 1, true, false, "every criterion at the top"},
		{"weights", reply{greeted: false, stars: 4}, nil, 0.833, true, false,
			"(1·0 + 3·1 + 2·1) / 6: the greeting weighs a sixth"},
		{"normalised points", reply{greeted: true, stars: 2}, nil, 0.667, false, false,
			"2 on a 1–4 scale is 1/3; (1 + 3·1/3 + 2) / 6 = 0.667, under the 0.7 pass mark"},
		{"not applicable", reply{greeted: true}, nil, 1, true, false,
			"an unrated criterion leaves the weighted mean: (1 + 2) / 3"},
		{"critical zeroes", reply{greeted: true, stars: 4, rude: true}, nil, 0, false, true,
			"a failed critical criterion zeroes the score by default"},
		{"critical flags", reply{greeted: true, stars: 4, rude: true}, []rubric.Option{rubric.FlagCritical}, 0.667, false, true,
			"FlagCritical keeps the weighted score but fails the card"},
		{"pass mark", reply{greeted: true, stars: 2}, []rubric.Option{rubric.PassMark(0.6)}, 0.667, true, false,
			"a lower pass mark passes the same score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := toyRubric(t, tt.opts...).Score(tt.subject)
			if sc.Score != tt.score || sc.Passed != tt.passed || sc.Autofail != tt.autofail {
				t.Errorf("score %v passed %v autofail %v; want %v %v %v (%s)", sc.Score, sc.Passed, sc.Autofail, tt.score, tt.passed, tt.autofail, tt.reason)
			}
		})
	}
}

func TestScorecardNullForNA(t *testing.T) {
	sc := toyRubric(t).Score(reply{greeted: true})
	tone, _ := sc.Criterion("tone")
	if tone.Score != nil || tone.Level != nil {
		t.Errorf("tone = %+v, want a nil score for not applicable", tone)
	}
	greet, _ := sc.Criterion("greeting")
	if greet.Score == nil || *greet.Score != 1 || greet.Label != "pass" {
		t.Errorf("greeting = %+v", greet)
	}
}

func TestNewValidates(t *testing.T) {
	ok := rubric.Criterion[int]{ID: "a", Weight: 1, Scale: rubric.Binary()}
	tests := []struct {
		name     string
		criteria []rubric.Criterion[int]
		opts     []rubric.Option
		want     []error
		reason   string
	}{
		{"none", nil, nil, []error{rubric.ErrNoCriteria}, "a rubric rates something"},
		{"duplicate", []rubric.Criterion[int]{ok, ok}, nil, []error{rubric.ErrDuplicateID}, "ids tell criteria apart"},
		{"zero weight", []rubric.Criterion[int]{{ID: "a", Scale: rubric.Binary()}}, nil, []error{rubric.ErrWeight}, "a weight must count"},
		{"no scale", []rubric.Criterion[int]{{ID: "a", Weight: 1}}, nil, []error{rubric.ErrScale}, "a rating needs a scale"},
		{"pass mark", []rubric.Criterion[int]{ok}, []rubric.Option{rubric.PassMark(1.5)}, []error{rubric.ErrPassMark}, "the pass mark is a 0–1 score"},
		{"all at once", []rubric.Criterion[int]{{ID: "a", Weight: -1}, {ID: "a", Weight: 1, Scale: rubric.Percent()}}, nil,
			[]error{rubric.ErrWeight, rubric.ErrScale, rubric.ErrDuplicateID}, "every problem is reported"},
	}
	for _, tt := range tests {
		_, err := rubric.New("x", tt.criteria, tt.opts...)
		for _, w := range tt.want {
			if !errors.Is(err, w) {
				t.Errorf("%s: err = %v, want %v (%s)", tt.name, err, w, tt.reason)
			}
		}
	}
	var ce *rubric.CriterionError
	_, err := rubric.New("x", []rubric.Criterion[int]{ok, ok})
	if !errors.As(err, &ce) || ce.ID != "a" {
		t.Errorf("err = %v, want a CriterionError naming a", err)
	}
}

func TestScales(t *testing.T) {
	if _, err := rubric.Points(rubric.Level{Value: 1}); !errors.Is(err, rubric.ErrScale) {
		t.Errorf("one level: %v", err)
	}
	if _, err := rubric.Points(rubric.Level{Value: 1}, rubric.Level{Value: 1}); !errors.Is(err, rubric.ErrScale) {
		t.Errorf("repeated level: %v", err)
	}
	s := rubric.MustPoints(rubric.Level{Value: 5, Label: "top"}, rubric.Level{Value: 1, Label: "bottom"}, rubric.Level{Value: 3})
	if n, err := s.Normalise(3); err != nil || n != 0.5 || s.Min() != 1 || s.Max() != 5 {
		t.Errorf("Normalise(3) = %v, %v on %v", n, err, s)
	}
	if _, err := s.Normalise(2); err == nil {
		t.Error("2 is not a level of the scale")
	}
	if n, _ := rubric.Percent().Normalise(25); n != 0.25 {
		t.Errorf("25%% = %v", n)
	}
	if _, err := rubric.Percent().Normalise(101); err == nil {
		t.Error("101% accepted")
	}
}

func TestHumanRatings(t *testing.T) {
	r := toyRubric(t)
	human, err := r.Rate(map[string]rubric.Rating{
		"greeting": rubric.Pass(),
		"tone":     rubric.Rate(3, rubric.Evidence{Turn: 2, Note: "friendly but brief"}),
		"respect":  rubric.Pass(),
	})
	if err != nil {
		t.Fatal(err)
	}
	auto := r.Score(reply{greeted: true, stars: 3})
	if d := cmp.Diff(auto.Score, human.Score); d != "" {
		t.Errorf("human and automatic scores of the same ratings differ: %s", d)
	}
	_, err = r.Rate(map[string]rubric.Rating{"tone": rubric.Rate(7), "speed": rubric.Pass()})
	var ce *rubric.CriterionError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want CriterionErrors for an off-scale level and an unknown criterion", err)
	}
	if got := err.Error(); got != "criterion \"tone\": rubric: 7 is not a level of the scale (points 1–4)\ncriterion \"speed\": no such criterion in the rubric" {
		t.Errorf("err = %q", got)
	}
}
