package ethics_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestDiagnostics checks the exact text of Parse's errors for each bad
// policy in testdata/errors against its .golden file.
func TestDiagnostics(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.policy")
	if err != nil || len(files) == 0 {
		t.Fatal("no test policies", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ethics.Parse(filepath.Base(file), src, ethics.MaxNodes(20))
			if err == nil {
				t.Fatal("Parse succeeded; want errors")
			}
			if !errors.Is(err, ethics.ErrPolicy) {
				t.Errorf("errors.Is(err, ErrPolicy) = false")
			}
			golden.Check(t, strings.TrimSuffix(file, ".policy")+".golden", err.Error()+"\n", *update)
		})
	}
}

// TestHugeNesting parses conditions that nest as deep as a file of the
// largest size allows: expr would parse them by recursion until the stack
// overflowed, which ends the program; Parse must reject them instead.
func TestHugeNesting(t *testing.T) {
	const n = 1000000 // the file stays under the 1 MiB limit
	for _, tt := range []struct{ name, cond string }{
		{"negations", strings.Repeat("!", n) + "true"},
		{"brackets", strings.Repeat("(", n/2) + "true" + strings.Repeat(")", n/2-100)},
		{"minus signs", strings.Repeat("-", n) + "1 > 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "policy p \"P\"\nprinciple a \"A\"\n  rule r major warn\n    when " + tt.cond + "\n    message \"m\"\n"
			_, err := ethics.Parse("huge.policy", []byte(src))
			if err == nil || !strings.Contains(err.Error(), "huge.policy:4:110: expression nests deeper than 100 levels") {
				t.Errorf("Parse = %.200v; want the nesting error at 4:110", err)
			}
		})
	}
}

func TestDefaultSourceParses(t *testing.T) {
	p, err := ethics.Parse("copy.policy", ethics.DefaultSource())
	if err != nil {
		t.Fatal(err)
	}
	if p.Name() != "first-impression" || len(p.Rules()) != len(ethics.Default().Rules()) || len(p.Tests()) == 0 {
		t.Errorf("copy of the default policy: name %q, %d rules, %d tests", p.Name(), len(p.Rules()), len(p.Tests()))
	}
}

func FuzzParse(f *testing.F) {
	f.Add(ethics.DefaultSource())
	files, _ := filepath.Glob("testdata/errors/*.policy")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		f.Add(src)
	}
	f.Add([]byte("policy p\nprinciple a\n  rule b\n    when {{}}((((\n    message \"{{ }} {{\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := ethics.Parse("fuzz.policy", src, ethics.MaxNodes(100))
		if err != nil {
			if p != nil || !errors.Is(err, ethics.ErrPolicy) {
				t.Fatalf("Parse = %v, %v", p, err)
			}
			return
		}
		// A policy that compiles evaluates without panicking.
		for _, test := range p.Tests() {
			test.Run(p)
		}
	})
}

// TestTooLargeIsNotAlsoEmpty checks that a file refused whole gets one
// error, not a second one saying it is empty.
func TestTooLargeIsNotAlsoEmpty(t *testing.T) {
	for _, src := range [][]byte{bytes.Repeat([]byte("# padding\n"), 110_000), []byte("policy p\xff\n")} {
		_, err := ethics.Parse("big.policy", src)
		if err == nil || strings.Contains(err.Error(), "empty policy") || strings.Count(err.Error(), "big.policy:") != 1 {
			t.Errorf("err = %.200v; want one error", err)
		}
	}
}

// TestManyExpressions checks that a file holds a bounded number of
// expressions: each costs tens of microseconds to compile.
func TestManyExpressions(t *testing.T) {
	var b strings.Builder
	b.WriteString("policy p\nprinciple a\n  rule r\n    when true\n    message \"")
	for range 6000 {
		b.WriteString("{{ reply.words }}")
	}
	b.WriteString("\"\n")
	_, err := ethics.Parse("many.policy", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 5000 expressions in the file") || strings.Count(err.Error(), "many.policy:") != 1 {
		t.Errorf("err = %.300v; want one error for the count", err)
	}
}
