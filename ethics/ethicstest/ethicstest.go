// Package ethicstest runs the tests written in a policy file under go test.
//
//	func TestPolicy(t *testing.T) {
//		p, err := ethics.Parse("shop.policy", src)
//		if err != nil {
//			t.Fatal(err)
//		}
//		ethicstest.Run(t, p)
//	}
//
// Each test of the file becomes a subtest; a failure shows the rules that
// fired against those expected, as a diff, with every finding and why it
// fired. Rules that no test reaches are reported too.
package ethicstest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport/ethics"
)

// An Option configures Run.
type Option func(*options)

type options struct {
	allowUncovered bool
}

// AllowUncovered makes rules that no test reaches a log line instead of a
// failure.
func AllowUncovered() Option { return func(o *options) { o.allowUncovered = true } }

// Run runs every test of p as a subtest of t. By default a rule that no
// test sees fire fails the test: every rule should have a test.
func Run(t testing.TB, p *ethics.Policy, opts ...Option) {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	var results []ethics.TestResult
	for _, test := range p.Tests() {
		r := test.Run(p)
		results = append(results, r)
		check := func(t testing.TB) {
			t.Helper()
			if r.Passed() {
				return
			}
			var b strings.Builder
			b.WriteString(test.Pos.String() + ": test " + test.Name + "\n")
			if d := cmp.Diff(r.Want, r.Got); d != "" {
				b.WriteString("rules fired (-want +got):\n" + d)
			}
			if test.Verdict != nil && *test.Verdict != r.Decision.Verdict {
				b.WriteString("verdict: want " + test.Verdict.String() + ", got " + r.Decision.Verdict.String() + "\n")
			}
			if r.Err != nil {
				b.WriteString("error: " + r.Err.Error() + "\n")
			}
			for _, f := range r.Decision.Findings {
				b.WriteString("  " + f.Rule + ": " + f.Message + "\n")
				for _, w := range f.Why {
					b.WriteString("      " + w + "\n")
				}
			}
			t.Error(b.String())
		}
		if tt, ok := t.(*testing.T); ok {
			tt.Run(test.Name, func(t *testing.T) { check(t) })
		} else {
			check(t)
		}
	}
	if un := p.Uncovered(results); len(un) > 0 {
		msg := "rules no test reaches: " + strings.Join(un, ", ")
		if o.allowUncovered {
			t.Log(msg)
		} else {
			t.Error(msg)
		}
	}
}
