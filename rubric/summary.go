package rubric

import (
	"cmp"
	"iter"
	"maps"
	"slices"
)

// A Summary is a team's quality on a rubric over many scorecards: the mean
// score, the pass rate, and per criterion the mean of the applicable
// ratings and how often it failed (scored at the bottom of its scale).
// Scorecards on which no criterion applied are counted apart, in Unscored,
// and left out of the rest.
type Summary struct {
	Count     int                `json:"count"`    // scored scorecards
	Unscored  int                `json:"unscored"` // scorecards on which no criterion applied
	MeanScore float64            `json:"mean_score"`
	PassRate  float64            `json:"pass_rate"`
	Autofails int                `json:"autofails"`
	Criteria  []CriterionSummary `json:"criteria"`
}

// CriterionSummary is one criterion's line in a Summary.
type CriterionSummary struct {
	ID         string   `json:"id"`
	Mean       *float64 `json:"mean"`       // of the applicable normalised scores; nil when it never applied
	Applicable int      `json:"applicable"` // scorecards on which it applied
	Failures   int      `json:"failures"`   // scorecards on which it scored 0
}

// A Tally accumulates scorecards into a Summary, in constant memory. The
// zero value is ready to use. A Tally is not safe for concurrent use.
type Tally struct {
	count, passed, autofails int
	unscored                 int
	sum                      float64
	criteria                 []criterionTally
	index                    map[string]int
}

type criterionTally struct {
	id                 string
	sum                float64
	applicable, failed int
}

// Add counts a scorecard.
func (t *Tally) Add(s Scorecard) {
	if !s.Scored() {
		t.unscored++
		return
	}
	t.count++
	t.sum += s.Score
	if s.Passed {
		t.passed++
	}
	if s.Autofail {
		t.autofails++
	}
	if t.index == nil {
		t.index = map[string]int{}
	}
	for i, c := range s.Criteria {
		// Scorecards of one rubric list their criteria in the same order:
		// try the same position before the map.
		j := i
		if j >= len(t.criteria) || t.criteria[j].id != c.ID {
			var ok bool
			if j, ok = t.index[c.ID]; !ok {
				j = len(t.criteria)
				t.index[c.ID] = j
				t.criteria = append(t.criteria, criterionTally{id: c.ID})
			}
		}
		if c.Score != nil {
			ct := &t.criteria[j]
			ct.applicable++
			ct.sum += *c.Score
			if *c.Score == 0 {
				ct.failed++
			}
		}
	}
}

// Summary returns the summary of the scorecards added so far.
func (t *Tally) Summary() Summary {
	s := Summary{Count: t.count, Unscored: t.unscored, Autofails: t.autofails, Criteria: make([]CriterionSummary, len(t.criteria))}
	if t.count > 0 {
		s.MeanScore = round3(t.sum / float64(t.count))
		s.PassRate = round3(float64(t.passed) / float64(t.count))
	}
	for i, c := range t.criteria {
		cs := CriterionSummary{ID: c.id, Applicable: c.applicable, Failures: c.failed}
		if c.applicable > 0 {
			m := round3(c.sum / float64(c.applicable))
			cs.Mean = &m
		}
		s.Criteria[i] = cs
	}
	return s
}

// Summarize returns the summary of a sequence of scorecards.
func Summarize(cards iter.Seq[Scorecard]) Summary {
	var t Tally
	for s := range cards {
		t.Add(s)
	}
	return t.Summary()
}

// A Group is the summary of the scorecards that share a key: an agent, a
// channel, a week.
type Group[K cmp.Ordered] struct {
	Key K `json:"key"`
	Summary
}

// SummarizeBy summarises scorecards grouped by key, in the order of the
// keys: cards yields each scorecard with its key.
func SummarizeBy[K cmp.Ordered](cards iter.Seq2[K, Scorecard]) []Group[K] {
	tallies := map[K]*Tally{}
	for k, s := range cards {
		t := tallies[k]
		if t == nil {
			t = &Tally{}
			tallies[k] = t
		}
		t.Add(s)
	}
	groups := make([]Group[K], 0, len(tallies))
	for _, k := range slices.Sorted(maps.Keys(tallies)) {
		groups = append(groups, Group[K]{Key: k, Summary: tallies[k].Summary()})
	}
	return groups
}
