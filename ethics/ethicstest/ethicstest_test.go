package ethicstest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/ethics/ethicstest"
)

func TestDefaultPolicy(t *testing.T) {
	ethicstest.Run(t, ethics.Default())
}

// recorder is a testing.TB that keeps what would fail.
type recorder struct {
	testing.TB
	errors []string
	logs   []string
}

func (r *recorder) Helper() {}
func (r *recorder) Error(args ...any) {
	r.errors = append(r.errors, strings.TrimSpace(fmt.Sprint(args...)))
}
func (r *recorder) Log(args ...any) { r.logs = append(r.logs, fmt.Sprint(args...)) }

func TestFailuresAreReported(t *testing.T) {
	p := ethics.MustParse("shop.policy", []byte(`policy shop "Shop"
principle respect "Respect"
  rule no-hostility critical block
    when reply.hostile
  rule no-shouting minor warn
    when reply.has("shouting")
test "wrong expectation"
  customer "Where is my order?"
  agent "I'm busy, wait like everyone else."
  expect respect/no-shouting
  verdict warn
`))
	var r recorder
	ethicstest.Run(&r, p)
	if len(r.errors) != 2 {
		t.Fatalf("errors = %q, want a failed test and the uncovered rule", r.errors)
	}
	for _, want := range []string{"shop.policy:7:1: test wrong expectation", "rules fired (-want +got)", "\"respect/no-shouting\"", "\"respect/no-hostility\"", "verdict: want warn, got block", "reply.hostile = true"} {
		if !strings.Contains(r.errors[0], want) {
			t.Errorf("report lacks %q:\n%s", want, r.errors[0])
		}
	}
	if r.errors[1] != "rules no test reaches: respect/no-shouting" {
		t.Errorf("coverage = %q", r.errors[1])
	}
	var lenient recorder
	ethicstest.Run(&lenient, p, ethicstest.AllowUncovered())
	if len(lenient.errors) != 1 || len(lenient.logs) != 1 {
		t.Errorf("AllowUncovered: errors %q, logs %q", lenient.errors, lenient.logs)
	}
}
