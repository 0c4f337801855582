package cond

import (
	"strings"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/google/go-cmp/cmp"
)

func TestTooDeep(t *testing.T) {
	tests := []struct {
		name, src string
		deep      bool
		line, col int
		reason    string
	}{
		{"brackets at the limit", strings.Repeat("(", 100) + "true" + strings.Repeat(")", 100), false, 0, 0,
			"a hundred levels are allowed"},
		{"brackets past the limit", strings.Repeat("(", 101) + "true" + strings.Repeat(")", 101), true, 1, 100,
			"the 101st bracket is one too many"},
		{"mixed brackets", strings.Repeat("[{(", 40) + "1", true, 1, 100, "every kind of bracket nests"},
		{"closed between", strings.Repeat("(1) + ", 500) + "1", false, 0, 0, "brackets closed again do not add up"},
		{"negations in a row", strings.Repeat("!", 101) + "true", true, 1, 100, "expr parses each prefix operator by recursion"},
		{"minus signs with spaces", strings.Repeat("- ", 101) + "1", true, 1, 200, "spaces do not end a run of operators"},
		{"not as a word", strings.Repeat("not ", 101) + "true", true, 1, 400, "the word form counts like !"},
		{"words that start with not", strings.Repeat("nothing + ", 200) + "1", false, 0, 0, "only the word not is an operator"},
		{"inside a string", `reply.text contains "` + strings.Repeat("((!", 200) + `"`, false, 0, 0,
			"brackets and operators in a string are letters"},
		{"escaped quote", `"a\"(((" == x && ` + strings.Repeat("(", 101), true, 1, 117, "an escaped quote does not end the string"},
		{"on a later line", "true &&\n  " + strings.Repeat("(", 101), true, 2, 102, "the place is given by line and column"},
		{"binary minus", strings.Repeat("1 - ", 300) + "1", false, 0, 0, "an operator between operands starts a new run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col, deep := tooDeep(tt.src)
			if deep != tt.deep || line != tt.line || col != tt.col {
				t.Errorf("tooDeep = %d:%d %v, want %d:%d %v (%s)", line, col, deep, tt.line, tt.col, tt.deep, tt.reason)
			}
		})
	}
}

// TestTurnsKeepValues compiles predicates with the turns they count and
// without, and compares what they give.
func TestTurnsKeepValues(t *testing.T) {
	c := Compiler{Env: testEnv{}, MaxNodes: 500}
	for _, src := range []string{
		`all(split("a bb ccc", " "), {len(#) > 0})`,
		`any([1, 2, 3], {# > x.i})`,
		`none([1, 2, 3], {# > 5})`,
		`one([1, 2, 3], {# == 2})`,
		`filter([1, 2, 3, 4], {# % 2 == 0})`,
		`map([1, 2, 3], {# * x.f})`,
		`count(["a", "b", "a"], {# == "a"})`,
		`sum([1, 2, 3], {# * 2})`,
		`find([1, 2, 3], {# > 1})`,
		`findIndex([1, 2, 3], {# > 1})`,
		`findLast([1, 2, 3], {# > 1})`,
		`groupBy(["a", "bb", "cc"], {len(#)})`,
		`sortBy(["ccc", "a", "bb"], {len(#)})`,
		`reduce([1, 2, 3], {#acc + #}, 10)`,
		`map([[1, 2], [3]], {map(#, {# + #index})})`,
	} {
		plain, err := expr.Compile(src, expr.Env(testEnv{}))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		counted, err := expr.Compile(src, c.Options()...)
		if err != nil {
			t.Fatalf("%q with turns: %v", src, err)
		}
		for i := range testEnvs {
			want, err1 := expr.Run(plain, testEnvs[i])
			got, err2 := expr.Run(counted, testEnvs[i])
			if err1 != nil || err2 != nil {
				t.Fatalf("%q: %v, with turns %v", src, err1, err2)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%q on env %d: turns change the value (-without +with):\n%s", src, i, d)
			}
		}
	}
}

// TestTurnsCount checks that the turns of a predicate count against the
// memory budget: 20 turns of four units pass a budget of 100, not of 60.
func TestTurnsCount(t *testing.T) {
	c := Compiler{Env: testEnv{}, MaxNodes: 500}
	prog, err := expr.Compile(`all([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20], {# > 0})`, c.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		budget uint
		fails  bool
	}{{100, false}, {60, true}} {
		machine := vm.VM{MemoryBudget: tt.budget}
		_, err := machine.Run(prog, testEnvs[0])
		if failed := err != nil && strings.Contains(err.Error(), "memory budget exceeded"); failed != tt.fails {
			t.Errorf("budget %d: err = %v, want failure %v", tt.budget, err, tt.fails)
		}
	}
}
