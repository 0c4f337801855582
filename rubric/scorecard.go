package rubric

import (
	"fmt"
	"strings"
)

// A Scorecard is a rubric's verdict on one subject, a plain value owned by
// its caller. Its JSON form is a
// stable contract:
//
//	{"rubric": "first-impression", "score": 0.82, "passed": true, "autofail": false,
//	 "criteria": [{"id": "greeting", "score": 1, "evidence": [...]}, {"id": "clarity", "score": null, ...}]}
//
// A criterion's score is null when it does not apply.
type Scorecard struct {
	Rubric   string           `json:"rubric"`
	Score    float64          `json:"score"`    // weighted mean of the applicable criteria, 0–1; 0 after a critical failure unless flagged only
	Passed   bool             `json:"passed"`   // score at or above the pass mark, and no critical failure
	Autofail bool             `json:"autofail"` // a critical criterion failed
	Criteria []CriterionScore `json:"criteria"`
}

// Scored reports whether any criterion applied. A scorecard on which none
// did (a conversation with no reply yet) has score 0 and does not pass, but
// says nothing of quality: summaries count it apart.
func (s *Scorecard) Scored() bool {
	for _, c := range s.Criteria {
		if c.Score != nil {
			return true
		}
	}
	return false
}

// CriterionScore is one criterion's line on a scorecard.
type CriterionScore struct {
	ID       string     `json:"id"`
	Title    string     `json:"title,omitempty"`
	Score    *float64   `json:"score"`           // normalised 0–1; nil when not applicable
	Level    *float64   `json:"level,omitempty"` // the value on the criterion's scale
	Label    string     `json:"label,omitempty"` // the level's label, on a binary or points scale
	Critical bool       `json:"critical,omitempty"`
	Failed   bool       `json:"failed,omitempty"` // a critical criterion that failed
	Evidence []Evidence `json:"evidence"`
}

// Criterion returns the line of the criterion with the given id.
func (s *Scorecard) Criterion(id string) (CriterionScore, bool) {
	for _, c := range s.Criteria {
		if c.ID == id {
			return c, true
		}
	}
	return CriterionScore{}, false
}

// Text renders the scorecard for a support lead: the verdict, then one line
// per criterion with its level and the evidence quoted.
func (s *Scorecard) Text() string {
	var b strings.Builder
	verdict := "FAILED"
	switch {
	case s.Autofail:
		verdict = "FAILED (a critical criterion failed)"
	case s.Passed:
		verdict = "passed"
	}
	fmt.Fprintf(&b, "%s: %.0f%% — %s\n", s.Rubric, 100*s.Score, verdict)
	for _, c := range s.Criteria {
		title := c.Title
		if title == "" {
			title = c.ID
		}
		mark := " "
		switch {
		case c.Failed:
			mark = "!"
		case c.Score == nil:
			mark = "-"
		}
		score := "n/a"
		if c.Score != nil {
			score = fmt.Sprintf("%3.0f%%", 100**c.Score)
			if c.Label != "" {
				score += " " + c.Label
			}
		}
		fmt.Fprintf(&b, "%s %-24s %s\n", mark, title, score)
		for _, e := range c.Evidence {
			var parts []string
			if e.Quote != "" {
				parts = append(parts, fmt.Sprintf("%q", e.Quote))
			}
			if e.Rule != "" {
				parts = append(parts, "("+e.Rule+")")
			}
			if e.Note != "" {
				parts = append(parts, e.Note)
			}
			where := ""
			if e.Turn >= 0 {
				where = fmt.Sprintf("turn %d: ", e.Turn)
			}
			fmt.Fprintf(&b, "      %s%s\n", where, strings.Join(parts, " "))
		}
	}
	return b.String()
}
