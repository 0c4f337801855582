package cond

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport/internal/syntax"
)

// testEnv has a field of each kind fast reads, in a struct, in an embedded
// struct and at the top, functions, and a map (which the VM reads).
type testEnv struct {
	testBase
	X     testInner         `expr:"x"`
	Y     testInner         `expr:"y"`
	M     map[string]any    `expr:"m"`
	Fired func(string) bool `expr:"fired"`
	Name  string            // no tag: read by its Go name
	Skip  bool              `expr:"-"`
}

type testBase struct {
	Deep testInner `expr:"deep"`
	N    int64     `expr:"n"`
}

type testInner struct {
	B     bool              `expr:"b"`
	I     int               `expr:"i"`
	F     float64           `expr:"f"`
	S     string            `expr:"s"`
	D     time.Duration     `expr:"d"`
	Has   func(string) bool `expr:"has"`
	Count func(string) int  `expr:"count"`
}

func inner(b bool, i int, f float64, s string, d time.Duration) testInner {
	return testInner{B: b, I: i, F: f, S: s, D: d,
		Has:   func(x string) bool { return strings.Contains(s, x) },
		Count: func(x string) int { return strings.Count(s, x) }}
}

// testEnvs are environments to compare the two ways of running on: equal
// and unequal values, ints equal to floats, negative values, zero and
// negative zero.
var testEnvs = []testEnv{
	{X: inner(true, 3, 3, "abc", 2*time.Minute), Y: inner(false, -1, 0.5, "b", 90*time.Second),
		testBase: testBase{Deep: inner(true, 7, -2.5, "", 0), N: 4}, M: map[string]any{"k": 1},
		Fired: func(r string) bool { return r == "r" }, Name: "ann"},
	{X: inner(false, 0, math.Copysign(0, -1), "", 0), Y: inner(true, 0, 0, "", 0), Fired: func(string) bool { return false }},
	{X: inner(true, 2, 2.5, "zz", time.Hour), Y: inner(true, 2, 2.5, "zz", time.Hour),
		testBase: testBase{N: -3}, Fired: func(string) bool { return true }, Name: "b"},
}

func TestFastMatchesVM(t *testing.T) {
	tests := []struct {
		name, src string
		fast      bool
		reason    string
	}{
		{"field", "x.b", true, "a bool field"},
		{"logic", "!x.b && y.b || not deep.b", true, "and, or, not with short circuit"},
		{"words", "x.b and y.b or x.b", true, "the word forms of the operators"},
		{"ints", "x.i == y.i || x.i < 3 || y.i >= -1", true, "ints compare as ints"},
		{"floats", "x.f >= y.f && x.f != 0.5", true, "floats compare as floats"},
		{"int and float", "x.i == x.f || x.f < x.i || x.i <= 2.5", true, "an int and a float compare as floats, as in expr"},
		{"float and int literal", "y.f == 0 || x.f > 1", true, "an int literal against a float"},
		{"strings", `x.s == "abc" || x.s < y.s || x.s >= "b"`, true, "strings compare by bytes"},
		{"durations", `x.d >= duration("2m") && y.d < x.d`, true, "a duration literal is a constant"},
		{"negation", "-x.i < 0 && -x.f <= 0", true, "unary minus on ints and floats"},
		{"plus", "+x.i == x.i", true, "unary plus"},
		{"ternary int", "x.b ? x.i : y.i", true, "a ternary of ints"},
		{"ternary nest", `x.s == "" ? 0 : y.b ? 1 : deep.b ? 3 : 2`, true, "nested ternaries, as rubric scores write them"},
		{"ternary string", `x.b ? "yes" : x.s`, true, "a ternary of strings"},
		{"calls", `x.has("a") && x.count("b") >= 1 || fired("r")`, true, "function fields called with a literal"},
		{"embedded", "deep.i > n", false, "an int against an int64: expr's rules, the VM's job"},
		{"embedded int64", "n > 2", false, "an int64 field against an int literal"},
		{"promoted", `deep.s == "" && n == n`, true, "fields of an embedded struct, promoted"},
		{"go name", `Name == "ann"`, true, "a field without a tag, by its Go name"},
		{"values", "x.i", true, "an int value"},
		{"float value", "x.f", true, "a float value"},
		{"duration value", "x.d", true, "a duration value keeps its type"},
		{"string value", "x.s", true, "a string value"},
		{"int64 value", "n", true, "an int64 value keeps its type"},
		{"map", "m.k == 1", false, "maps run on the VM"},
		{"arithmetic", "x.i + 1 > 2", false, "arithmetic runs on the VM"},
		{"mixed ternary", "x.b ? x.i : x.f", false, "branches of two types"},
		{"builtin", "len(x.s) > 1", false, "builtins other than duration run on the VM"},
		{"computed argument", "x.has(y.s)", false, "a call with a computed argument"},
		{"duration of a field", "duration(x.s) > x.d", false, "duration of a field"},
		{"bad duration", `x.d > duration("forever")`, false, "an invalid duration fails at run time, on the VM"},
		{"nil", "x.s != nil", false, "nil comparisons run on the VM"},
		{"in", `x.s in ["a", "abc"]`, false, "membership runs on the VM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog, err := expr.Compile(tt.src, expr.Env(testEnv{}))
			if err != nil {
				t.Fatalf("expr does not compile %q: %v", tt.src, err)
			}
			p := newProgram(prog, testEnv{}, reflect.Invalid)
			if p.Fast() != tt.fast {
				t.Fatalf("Fast() = %v, want %v: %s", p.Fast(), tt.fast, tt.reason)
			}
			compareRuns(t, tt.src, p)
		})
	}
}

// compareRuns runs p both ways on every test environment.
func compareRuns(t *testing.T, src string, p *Program) {
	t.Helper()
	var machine vm.VM
	for i := range testEnvs {
		in := NewInput(&testEnvs[i], new(any))
		got, err := p.Run(&machine, in)
		want, wantErr := machine.Run(p.prog, testEnvs[i])
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%q on env %d: error %v, the VM's %v", src, i, err, wantErr)
		}
		if d := cmp.Diff(want, got); d != "" || reflect.TypeOf(got) != reflect.TypeOf(want) {
			t.Fatalf("%q on env %d: %v (%T), the VM gives %v (%T)", src, i, got, got, want, want)
		}
	}
}

func TestFastCasts(t *testing.T) {
	tests := []struct {
		name, src string
		opt       expr.Option
		expect    reflect.Kind
		fast      bool
		reason    string
	}{
		{"int as float", "x.b ? 2 : 1", expr.AsFloat64(), reflect.Float64, true, "rubric scores: an int result cast to a float"},
		{"float as float", "x.f", expr.AsFloat64(), reflect.Float64, true, "nothing to cast"},
		{"bool as bool", "x.b", expr.AsBool(), reflect.Bool, true, "conditions"},
		{"int as int", "x.i", expr.AsInt(), reflect.Int, false, "a cast fast does not make"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog, err := expr.Compile(tt.src, expr.Env(testEnv{}), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			p := newProgram(prog, testEnv{}, tt.expect)
			if p.Fast() != tt.fast {
				t.Fatalf("Fast() = %v, want %v: %s", p.Fast(), tt.fast, tt.reason)
			}
			compareRuns(t, tt.src, p)
		})
	}
}

// An Input of another type than the program's runs on the VM, which reads
// it by field index.
func TestFastOtherEnv(t *testing.T) {
	type same testEnv
	prog, err := expr.Compile("x.i", expr.Env(testEnv{}))
	if err != nil {
		t.Fatal(err)
	}
	p := newProgram(prog, testEnv{}, reflect.Invalid)
	env := same{X: testInner{I: 5}}
	var machine vm.VM
	if got, err := p.Run(&machine, NewInput(&env, new(any))); err != nil || got != 5 {
		t.Errorf("Run = %v, %v; want 5 from the VM", got, err)
	}
}

// FuzzFast builds expressions from the fuzzer's bytes and checks that,
// whenever fast takes one, it gives what the VM gives.
func FuzzFast(f *testing.F) {
	for _, s := range []string{"\x00\x01\x02", "\x05\x10\x20\x30\x40", "\xff\xfe\xfd\xfc\xfb\xfa", "\x03\x07\x0b\x0f\x13\x17\x1b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		g := gen{b: b}
		src := g.expr(0)
		prog, err := expr.Compile(src, expr.Env(testEnv{}))
		if err != nil {
			return // not a valid expression: nothing to compare
		}
		compareRuns(t, src, newProgram(prog, testEnv{}, reflect.Invalid))
	})
}

// gen writes an expression over testEnv from bytes.
type gen struct {
	b []byte
	i int
}

func (g *gen) next() int {
	if g.i >= len(g.b) {
		return 0
	}
	g.i++
	return int(g.b[g.i-1])
}

var (
	atoms = []string{"x.b", "y.b", "deep.b", "x.i", "y.i", "deep.i", "n", "x.f", "y.f", "x.s", "y.s", "Name",
		"x.d", "y.d", `duration("1m30s")`, "0", "1", "-1", "2.5", "0.0", `""`, `"abc"`, "true", "false",
		`x.has("a")`, `y.count("b")`, `fired("r")`, "m.k"}
	binaries = []string{"&&", "||", "==", "!=", "<", "<=", ">", ">=", "and", "or", "+"}
)

func (g *gen) expr(depth int) string {
	c := g.next()
	if depth > 4 || c < 96 {
		return atoms[c%len(atoms)]
	}
	switch c % 4 {
	case 0:
		return "!(" + g.expr(depth+1) + ")"
	case 1:
		return "-(" + g.expr(depth+1) + ")"
	case 2:
		return "(" + g.expr(depth+1) + " ? " + g.expr(depth+1) + " : " + g.expr(depth+1) + ")"
	}
	return "(" + g.expr(depth+1) + " " + binaries[g.next()%len(binaries)] + " " + g.expr(depth+1) + ")"
}

// Explanations and templates read the same whichever way their programs run:
// an Input of another type with the same fields sends them to the VM.
func TestWriterFastMatchesVM(t *testing.T) {
	type same testEnv
	var c Compiler
	c.Env, c.MaxNodes = testEnv{}, 100
	c.File = &syntax.File{Name: "t"}
	tmpl := c.Template(syntax.Arg{Text: `{{ x.s }} {{ x.f }} {{ x.i }} {{ x.d }} {{ x.b }} {{ n }} {{ x.i + 1 }}`, Quoted: true})
	parts, _ := c.Explain(`x.s == "a" && x.f > 1 && x.i > 0 && x.d > duration("1m") && x.b && n > 0 && y.s != x.s`)
	if len(c.Errs) > 0 || len(parts) == 0 {
		t.Fatalf("compile: %v", c.Errs)
	}
	for i := range testEnvs {
		other := same(testEnvs[i])
		var fast, slow Writer
		var machine vm.VM
		got, err1 := fast.Render(tmpl, NewInput(&testEnvs[i], new(any)), &machine)
		want, err2 := slow.Render(tmpl, NewInput(&other, new(any)), &machine)
		if got != want || err1 != nil || err2 != nil {
			t.Errorf("env %d: template %q (%v), the VM's %q (%v)", i, got, err1, want, err2)
		}
		for _, p := range parts {
			got, err1 := fast.Explain(p, NewInput(&testEnvs[i], new(any)), &machine)
			want, err2 := slow.Explain(p, NewInput(&other, new(any)), &machine)
			if got != want || err1 != nil || err2 != nil {
				t.Errorf("env %d: %s explained %q (%v), by the VM %q (%v)", i, p.Src, got, err1, want, err2)
			}
		}
	}
}

// BenchmarkProgram runs a condition of the usual shape on the VM and as
// closures.
func BenchmarkProgram(b *testing.B) {
	prog, err := expr.Compile(`x.has("b") && x.d > duration("1m") || y.f < 0.2 && x.s == "abc"`, expr.Env(testEnv{}), expr.AsBool())
	if err != nil {
		b.Fatal(err)
	}
	p := newProgram(prog, testEnv{}, reflect.Bool)
	in := NewInput(&testEnvs[0], new(any))
	var machine vm.VM
	b.Run("vm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			machine.Run(p.prog, in.boxed)
		}
	})
	b.Run("closures", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p.Run(&machine, in)
		}
	})
}
