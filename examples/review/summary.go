package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/rapportkit/rapport/rubric"
)

// allAgents labels the summary of every agent together.
const allAgents = "(all agents)"

// writeSummary prints the team summary: one row per agent, in the order of
// their names, and one for all of them.
func (rv *review) writeSummary(w io.Writer) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%s: %d conversations scored", rv.input, rv.scored)
	if rv.unscored > 0 {
		fmt.Fprintf(ew, ", %d unscored (no criterion applied)", rv.unscored)
	}
	if rv.bad > 0 {
		fmt.Fprintf(ew, ", %d bad lines skipped", rv.bad)
	}
	if rv.evalErrs > 0 {
		fmt.Fprintf(ew, ", %d with policy errors", rv.evalErrs)
	}
	fmt.Fprintf(ew, "\npolicy %s, rubric %s\n\n", rv.sc.policy.Name(), rv.sc.rubric.Name())

	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "agent\tconversations\tmean score\tpass rate\tautofails\tweakest criterion")
	row := func(name string, s rubric.Summary) {
		weak := "-"
		if id, mean, ok := weakest(s); ok {
			weak = fmt.Sprintf("%s (%.3f)", id, mean)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.1f%%\t%d\t%s\n", name, s.Count, s.MeanScore, 100*s.PassRate, s.Autofails, weak)
	}
	for _, g := range rv.agents {
		row(g.Key, g.Summary)
	}
	row(allAgents, rv.total.Summary())
	tw.Flush()
	return ew.err
}

// weakest returns the criterion with the lowest mean, the earliest in the
// rubric on a tie; ok is false when no criterion applied.
func weakest(s rubric.Summary) (id string, mean float64, ok bool) {
	for _, c := range s.Criteria {
		if c.Mean != nil && (!ok || *c.Mean < mean) {
			id, mean, ok = c.ID, *c.Mean, true
		}
	}
	return id, mean, ok
}

// An errWriter remembers the first write error and drops what follows.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
