package ethics

import (
	"testing"

	"github.com/rapportkit/rapport/internal/cond"
)

// The default policy runs without expr's VM: every condition, explanation
// and template of it is in the subset cond compiles to Go closures.
func TestDefaultPolicyRunsFast(t *testing.T) {
	for _, r := range Default().rules {
		if !r.when.Fast() {
			t.Errorf("rule %s: condition runs on the VM", r.id)
		}
		for _, p := range r.why {
			if !p.Prog.Fast() {
				t.Errorf("rule %s: part %s runs on the VM", r.id, p.Src)
			}
		}
		if !r.message.Fast() {
			t.Errorf("rule %s: message runs on the VM", r.id)
		}
		for _, s := range r.suggest {
			if !s.text.Fast() {
				t.Errorf("rule %s: suggestion runs on the VM", r.id)
			}
		}
	}
}

// vmEnv has Env's fields: an Input of it sends every program to expr's VM,
// which reads fields by index.
type vmEnv Env

// On the environments of the default policy's own test conversations, every
// condition, explanation and template gives the same on closures as on the
// VM.
func TestDefaultPolicyFastMatchesVM(t *testing.T) {
	p := Default()
	if len(p.tests) == 0 {
		t.Fatal("the default policy has no tests to take conversations from")
	}
	envs := 0
	for _, tc := range p.tests {
		v := NewView(tc.Conversation, WithFacts(tc.Facts))
		for turn := -1; turn < len(tc.Conversation.Messages); turn++ {
			fast := v.input(turn)
			slowEnv, box := vmEnv(v.turns[turn+1].env), any(nil)
			slow := cond.NewInput(&slowEnv, &box)
			envs++
			var fw, sw cond.Writer
			for _, r := range p.rules {
				got, err1 := r.when.Run(&v.vm, fast)
				want, err2 := r.when.Run(&v.vm, slow)
				if got != want || (err1 == nil) != (err2 == nil) {
					t.Errorf("%s, turn %d, rule %s: %v (%v), the VM %v (%v)", tc.Name, turn, r.id, got, err1, want, err2)
				}
				for _, part := range r.why {
					got, err1 := fw.Explain(part, fast, &v.vm)
					want, err2 := sw.Explain(part, slow, &v.vm)
					if got != want || (err1 == nil) != (err2 == nil) {
						t.Errorf("%s, turn %d, %s: %q (%v), the VM %q (%v)", tc.Name, turn, part.Src, got, err1, want, err2)
					}
				}
				got, err1 = fw.Render(r.message, fast, &v.vm)
				want, err2 = sw.Render(r.message, slow, &v.vm)
				if got != want || (err1 == nil) != (err2 == nil) {
					t.Errorf("%s, turn %d, message of %s: %q (%v), the VM %q (%v)", tc.Name, turn, r.id, got, err1, want, err2)
				}
			}
		}
	}
	t.Logf("%d environments compared", envs)
}
