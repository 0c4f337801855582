package rubric

import (
	"testing"

	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/internal/cond"
	"github.com/rapportkit/rapport/internal/syntax"
)

// The built-in rubric runs without expr's VM: every when and score of it is
// in the subset cond compiles to Go closures.
func TestFirstImpressionRunsFast(t *testing.T) {
	f, err := syntax.Parse("first-impression.rubric", firstImpressionSrc, syntax.Options{ExprKeywords: []string{"when", "score"}})
	if err != nil {
		t.Fatal(err)
	}
	p := fileParser{f: f, Compiler: cond.Compiler{File: f, Env: Env{}, MaxNodes: 500}, policy: ethics.Default()}
	p.file()
	if len(p.Errs) > 0 || len(p.compiled) == 0 {
		t.Fatalf("the built-in rubric does not compile: %v", p.Errs)
	}
	for i, c := range p.compiled {
		if c.when != nil && !c.when.Fast() {
			t.Errorf("criterion %d: when runs on the VM", i)
		}
		if !c.score.Fast() {
			t.Errorf("criterion %d: score runs on the VM", i)
		}
	}
}
