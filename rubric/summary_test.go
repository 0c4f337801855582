package rubric_test

import (
	"iter"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport/rubric"
)

func f(x float64) *float64 { return &x }

func TestSummaries(t *testing.T) {
	r := toyRubric(t)
	type graded struct {
		agent string
		reply reply
	}
	data := []graded{
		{"ada", reply{greeted: true, stars: 4}},
		{"ada", reply{greeted: false, stars: 2}},
		{"bob", reply{greeted: true, rude: true, stars: 1}},
		{"bob", reply{greeted: true}},
	}
	cards := func(yield func(string, rubric.Scorecard) bool) {
		for _, d := range data {
			if !yield(d.agent, r.Score(d.reply)) {
				return
			}
		}
	}
	groups := rubric.SummarizeBy(iter.Seq2[string, rubric.Scorecard](cards))
	want := []rubric.Group[string]{
		{Key: "ada", Summary: rubric.Summary{Count: 2, MeanScore: 0.75, PassRate: 0.5, Criteria: []rubric.CriterionSummary{
			{ID: "greeting", Mean: f(0.5), Applicable: 2, Failures: 1},
			{ID: "tone", Mean: f(0.667), Applicable: 2},
			{ID: "respect", Mean: f(1), Applicable: 2},
		}}},
		{Key: "bob", Summary: rubric.Summary{Count: 2, MeanScore: 0.5, PassRate: 0.5, Autofails: 1, Criteria: []rubric.CriterionSummary{
			{ID: "greeting", Mean: f(1), Applicable: 2},
			{ID: "tone", Mean: f(0), Applicable: 1, Failures: 1},
			{ID: "respect", Mean: f(0.5), Applicable: 2, Failures: 1},
		}}},
	}
	if d := cmp.Diff(want, groups); d != "" {
		t.Errorf("groups (-want +got):\n%s", d)
	}
	all := rubric.Summarize(func(yield func(rubric.Scorecard) bool) {
		for _, s := range cards {
			if !yield(s) {
				return
			}
		}
	})
	if all.Count != 4 || all.MeanScore != 0.625 || all.PassRate != 0.5 {
		t.Errorf("overall = %+v", all)
	}
	var empty rubric.Tally
	if s := empty.Summary(); s.Count != 0 || s.MeanScore != 0 || len(s.Criteria) != 0 {
		t.Errorf("empty summary = %+v", s)
	}
}

func TestGraderAgreement(t *testing.T) {
	r := toyRubric(t)
	subjects := []reply{{greeted: true, stars: 4}, {stars: 3}, {greeted: true, stars: 2}, {greeted: true, rude: true, stars: 1}}
	var auto, human []rubric.Scorecard
	humanLevels := []map[string]rubric.Rating{
		{"greeting": rubric.Pass(), "tone": rubric.Rate(4), "respect": rubric.Pass()},
		{"greeting": rubric.Fail(), "tone": rubric.Rate(2), "respect": rubric.Pass()},
		{"greeting": rubric.Pass(), "tone": rubric.Rate(2), "respect": rubric.Pass()},
		{"greeting": rubric.Fail(), "tone": rubric.Rate(1), "respect": rubric.Fail()},
	}
	for i, s := range subjects {
		auto = append(auto, r.Score(s))
		h, err := r.Rate(humanLevels[i])
		if err != nil {
			t.Fatal(err)
		}
		human = append(human, h)
	}
	got, err := r.Agreement([][]rubric.Scorecard{auto, human})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]rubric.GraderAgreement{}
	for _, g := range got {
		byID[g.ID] = g
	}
	if g := byID["greeting"]; g.Units != 4 || *g.Agreement != 0.75 || g.Kappa == nil {
		t.Errorf("greeting agreement = %+v", g)
	}
	if g := byID["tone"]; *g.Agreement != 0.75 || g.Kappa == nil || *g.Kappa <= 0.75 || g.Alpha == nil {
		t.Errorf("tone: a near miss on an ordinal scale should keep weighted kappa high: %+v", g)
	}
	if g := byID["respect"]; *g.Agreement != 1 || *g.Kappa != 1 {
		t.Errorf("respect = %+v", g)
	}
	if _, err := r.Agreement([][]rubric.Scorecard{auto}); err == nil {
		t.Error("one grader accepted")
	}
	if _, err := r.Agreement([][]rubric.Scorecard{auto, human[:2]}); err == nil {
		t.Error("graders of different subjects accepted")
	}
}

// TestUnscoredApart checks that a scorecard on which no criterion applied
// is counted apart and leaves the means and the pass rate alone.
func TestUnscoredApart(t *testing.T) {
	r := rubric.MustNew("toy", []rubric.Criterion[bool]{{
		ID: "c", Title: "C", Weight: 1, Scale: rubric.Binary(),
		Score: func(applies bool) rubric.Rating {
			if !applies {
				return rubric.NA()
			}
			return rubric.Pass()
		},
	}})
	var tally rubric.Tally
	for _, applies := range []bool{true, false, false} {
		card := r.Score(applies)
		if card.Scored() != applies {
			t.Errorf("Scored() = %v for a card whose criterion applies: %v", card.Scored(), applies)
		}
		tally.Add(card)
	}
	got := tally.Summary()
	want := rubric.Summary{Count: 1, Unscored: 2, MeanScore: 1, PassRate: 1, Criteria: []rubric.CriterionSummary{{ID: "c", Mean: f(1), Applicable: 1}}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
}

// TestAgreementErrOneLine checks that the reasons statistics could not be
// computed read as one line.
func TestAgreementErrOneLine(t *testing.T) {
	r := toyRubric(t)
	var a, b []rubric.Scorecard
	for range 3 {
		for _, cards := range []*[]rubric.Scorecard{&a, &b} {
			card, err := r.Rate(map[string]rubric.Rating{"respect": rubric.Pass()})
			if err != nil {
				t.Fatal(err)
			}
			*cards = append(*cards, card)
		}
	}
	got, err := r.Agreement([][]rubric.Scorecard{a, b})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range got {
		if g.ID != "respect" {
			continue
		}
		// Every rating is the same: kappa and alpha are both undefined.
		if g.Kappa != nil || g.Alpha != nil || !strings.Contains(g.Err, "; ") || strings.Contains(g.Err, "\n") {
			t.Errorf("respect = %+v, want no kappa, no alpha, and both reasons on one line", g)
		}
	}
}
