package ethics_test

import (
	"testing"

	"github.com/rapportkit/rapport/ethics"
)

func TestDefaultPolicyTests(t *testing.T) {
	p := ethics.Default()
	results := p.RunTests()
	for _, r := range results {
		if !r.Passed() {
			t.Error(r)
		}
	}
	if un := p.Uncovered(results); len(un) > 0 {
		t.Errorf("rules no test reaches: %v", un)
	}
}
