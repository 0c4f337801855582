package ethics

import (
	"fmt"
	"slices"

	"github.com/rapportkit/rapport"
)

// A Decision is what a policy concluded about a conversation. Its JSON form
// is a stable contract:
//
//	{"policy": "first-impression", "verdict": "block", "findings": [{"rule": "respect/no-hostility",
//	  "principle": "respect", "severity": "critical", "message": "...", "turn": 2,
//	  "spans": [{"start": 0, "end": 11}], "why": ["reply.hostile = true"], "suggestion": "..."}]}
//
// Findings are ordered by turn (findings about the whole conversation last)
// and then by the order of the rules in the file. The zero Decision is a
// pass with no findings; a Decision is a plain value owned by its caller.
//
// A rule whose condition failed at run time did not fire: it is not among
// the findings but among the failures, each saying what went wrong, and it
// makes the verdict at least Warn. Failures marshal as "failures", left
// out when there are none.
type Decision struct {
	Policy   string            `json:"policy"`
	Verdict  Verdict           `json:"verdict"`
	Findings []rapport.Finding `json:"findings"`
	Failures []rapport.Finding `json:"failures,omitempty"`
}

// Verdict is what to do with the reviewed replies. The zero value is Pass.
type Verdict uint8

// The verdicts, from mildest.
const (
	Pass  Verdict = iota // nothing blocks or warns
	Warn                 // a warning rule fired, or a rule failed at run time
	Block                // a blocking rule fired
)

var verdictNames = [...]string{Pass: "pass", Warn: "warn", Block: "block"}

// String returns "pass", "warn" or "block".
func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return fmt.Sprintf("Verdict(%d)", v)
}

// MarshalText implements [encoding.TextMarshaler].
func (v Verdict) MarshalText() ([]byte, error) {
	if int(v) >= len(verdictNames) {
		return nil, fmt.Errorf("ethics: cannot marshal %v", v)
	}
	return []byte(verdictNames[v]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (v *Verdict) UnmarshalText(b []byte) error {
	for i, n := range verdictNames {
		if n == string(b) {
			*v = Verdict(i)
			return nil
		}
	}
	return fmt.Errorf("ethics: unknown verdict %q (want pass, warn or block)", b)
}

// Has reports whether a rule fired, by its id ("respect/no-hostility").
func (d *Decision) Has(rule string) bool {
	return d.FiredAt(rule, -1)
}

// FiredAt reports whether a rule fired about a turn: at the turn itself,
// or about the whole conversation. Turn -1 asks about the whole
// conversation, where a rule fired at any turn counts.
func (d *Decision) FiredAt(rule string, turn int) bool {
	_, ok := findingOf(d.Findings, rule, turn)
	return ok
}

// FailedAt returns the failure of a rule about a turn, read as FiredAt
// reads it, when the rule failed there and did not fire.
func (d *Decision) FailedAt(rule string, turn int) (rapport.Finding, bool) {
	if d.FiredAt(rule, turn) {
		return rapport.Finding{}, false
	}
	return findingOf(d.Failures, rule, turn)
}

// About reports whether finding f is about turn: made at it, or about the
// whole conversation; at turn -1, every finding is.
func About(f rapport.Finding, turn int) bool {
	return turn == -1 || f.Turn == turn || f.Turn == -1
}

// findingOf returns the first of fs that rule made about turn.
func findingOf(fs []rapport.Finding, rule string, turn int) (rapport.Finding, bool) {
	i := slices.IndexFunc(fs, func(f rapport.Finding) bool { return f.Rule == rule && About(f, turn) })
	if i < 0 {
		return rapport.Finding{}, false
	}
	return fs[i], true
}

// Rules returns the ids of the rules that fired, in order, without repeats.
func (d *Decision) Rules() []string {
	var ids []string
	seen := map[string]bool{}
	for _, f := range d.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			ids = append(ids, f.Rule)
		}
	}
	return ids
}
