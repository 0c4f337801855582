package ethics

import "testing"

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
