package cond

import (
	"reflect"
	"time"
	"unsafe"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm"
)

// Expressions run fast. expr's VM interprets byte code and reads every
// struct field by reflection, some hundreds of instructions per field and
// call. Most expressions of policy and rubric files are field reads,
// comparisons, logic, ternaries, duration literals and calls such as
// reply.has("apology") with a literal: for these, the checked tree is
// turned into Go closures that read fields at offsets found once by
// reflection. Anything else (maps, arithmetic, builtins, nil) runs on the
// VM. Both give the same values: see fast_test.go.

// A Program is a compiled expression: expr's program, and closures that do
// its work when its tree is in the subset above. A Program is immutable and
// safe for concurrent use.
type Program struct {
	prog *vm.Program
	fast *fn          // nil: the program runs on the VM
	env  reflect.Type // the environment type fast reads
}

// newProgram wraps prog, compiled against a value of env's type, with the
// result cast to expect (reflect.Invalid: no cast), as expr.AsBool and
// expr.AsFloat64 ask.
func newProgram(prog *vm.Program, env any, expect reflect.Kind) *Program {
	p := &Program{prog: prog, env: reflect.TypeOf(env)}
	if p.env == nil || p.env.Kind() != reflect.Struct {
		return p
	}
	f, ok := compileFast(prog.Node(), p.env)
	switch {
	case !ok:
		return p
	case expect == reflect.Float64 && f.kind == kInt:
		i := f.i
		f = fn{kind: kFloat, typ: floatType, f: func(p unsafe.Pointer) float64 { return float64(i(p)) }}
	case expect == reflect.Float64 && f.kind == kFloat, expect == reflect.Bool && f.kind == kBool, expect == reflect.Invalid:
	default:
		return p // a cast fast does not make
	}
	p.fast = &f
	return p
}

// Fast reports whether p runs without the VM.
func (p *Program) Fast() bool { return p.fast != nil }

// An Input is an environment as programs read it: where it is, for the
// closures, and, made on the VM's first use, the same value boxed in an
// interface (fields read from a value that is not addressable need no copy,
// so the VM reads them without allocating). The zero Input is no
// environment.
type Input struct {
	ptr unsafe.Pointer
	typ reflect.Type
	box *any
}

// NewInput returns the input of the environment env points to, which must
// not change afterwards; box is where the input keeps the environment once
// the VM has boxed it.
func NewInput[E any](env *E, box *any) Input {
	return Input{ptr: unsafe.Pointer(env), typ: reflect.TypeFor[E](), box: box}
}

// boxed returns the environment boxed for the VM.
func (in Input) boxed() any {
	if *in.box == nil {
		*in.box = reflect.NewAt(in.typ, in.ptr).Elem().Interface() // a copy
	}
	return *in.box
}

// Valid reports whether in holds an environment.
func (in Input) Valid() bool { return in.ptr != nil }

// Run runs p against in.
func (p *Program) Run(v *vm.VM, in Input) (any, error) {
	if f := p.fastFor(in); f != nil {
		return f.value(in.ptr), nil
	}
	return v.Run(p.prog, in.boxed())
}

// fastFor returns p's closures if they can read in, else nil.
func (p *Program) fastFor(in Input) *fn {
	if in.typ != p.env {
		return nil
	}
	return p.fast
}

type kind uint8

const (
	kBool kind = iota
	kInt
	kFloat
	kString
)

// A fn is a compiled node: a closure for its kind of value, and the Go
// type of that value (int and time.Duration are both kInt).
type fn struct {
	kind kind
	typ  reflect.Type
	b    func(unsafe.Pointer) bool
	i    func(unsafe.Pointer) int64
	f    func(unsafe.Pointer) float64
	s    func(unsafe.Pointer) string
}

var (
	boolType     = reflect.TypeFor[bool]()
	intType      = reflect.TypeFor[int]()
	int64Type    = reflect.TypeFor[int64]()
	durationType = reflect.TypeFor[time.Duration]()
	floatType    = reflect.TypeFor[float64]()
	stringType   = reflect.TypeFor[string]()
)

// value runs f and boxes its value in its Go type, as the VM returns it.
func (f *fn) value(p unsafe.Pointer) any {
	switch f.kind {
	case kBool:
		return f.b(p)
	case kFloat:
		return f.f(p)
	case kString:
		return f.s(p)
	}
	switch i := f.i(p); f.typ {
	case durationType:
		return time.Duration(i)
	case int64Type:
		return i
	default:
		return int(i)
	}
}

// kindOf returns the kind of values of type t, for the types fast handles.
func kindOf(t reflect.Type) (kind, bool) {
	switch t {
	case boolType:
		return kBool, true
	case intType, int64Type, durationType:
		return kInt, true
	case floatType:
		return kFloat, true
	case stringType:
		return kString, true
	}
	return 0, false
}

// constValue returns the fn of a constant value.
func constValue(v any) (fn, bool) {
	switch v := v.(type) {
	case bool:
		return fn{kind: kBool, typ: boolType, b: func(unsafe.Pointer) bool { return v }}, true
	case int:
		return fn{kind: kInt, typ: intType, i: func(unsafe.Pointer) int64 { return int64(v) }}, true
	case int64:
		return fn{kind: kInt, typ: int64Type, i: func(unsafe.Pointer) int64 { return v }}, true
	case time.Duration:
		return fn{kind: kInt, typ: durationType, i: func(unsafe.Pointer) int64 { return int64(v) }}, true
	case float64:
		return fn{kind: kFloat, typ: floatType, f: func(unsafe.Pointer) float64 { return v }}, true
	case string:
		return fn{kind: kString, typ: stringType, s: func(unsafe.Pointer) string { return v }}, true
	}
	return fn{}, false
}

// compileFast compiles a checked tree over an environment of struct type
// env, or returns false when the tree leaves the subset.
func compileFast(n ast.Node, env reflect.Type) (fn, bool) {
	switch n := n.(type) {
	case *ast.BoolNode:
		return constValue(n.Value)
	case *ast.IntegerNode:
		if n.Type() == floatType {
			return constValue(float64(n.Value))
		}
		return constValue(n.Value)
	case *ast.FloatNode:
		return constValue(n.Value)
	case *ast.StringNode:
		return constValue(n.Value)
	case *ast.ConstantNode:
		return constValue(n.Value)
	case *ast.IdentifierNode, *ast.MemberNode:
		off, t, ok := locate(n, env)
		if !ok || t != n.Type() {
			return fn{}, false
		}
		return field(off, t)
	case *ast.UnaryNode:
		return unary(n, env)
	case *ast.BinaryNode:
		return binary(n, env)
	case *ast.ConditionalNode:
		return conditional(n, env)
	case *ast.CallNode:
		return call(n, env)
	case *ast.BuiltinNode:
		// duration("2m"): a constant, parsed as expr parses it; an invalid
		// one fails at run time, as in expr.
		if arg, ok := literal(n.Arguments); ok && n.Name == "duration" {
			if d, err := time.ParseDuration(arg); err == nil {
				return constValue(d)
			}
		}
	}
	return fn{}, false
}

// literal returns the string of a single literal argument.
func literal(args []ast.Node) (string, bool) {
	if len(args) != 1 {
		return "", false
	}
	switch a := args[0].(type) {
	case *ast.StringNode:
		return a.Value, true
	case *ast.ConstantNode:
		s, ok := a.Value.(string)
		return s, ok
	}
	return "", false
}

// locate finds the field an identifier or a chain of members names: its
// offset in the environment and its type.
func locate(n ast.Node, env reflect.Type) (uintptr, reflect.Type, bool) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		return fieldOf(env, n.Value)
	case *ast.MemberNode:
		name, ok := n.Property.(*ast.StringNode)
		if !ok || n.Optional {
			return 0, nil, false
		}
		off, t, ok := locate(n.Node, env)
		if !ok || t.Kind() != reflect.Struct {
			return 0, nil, false
		}
		foff, ft, ok := fieldOf(t, name.Value)
		return off + foff, ft, ok
	}
	return 0, nil, false
}

// fieldOf finds a field of struct type t by the name expressions use: its
// expr tag, or its Go name. As in expr, a struct's own exported fields come
// first, then the fields of the structs it embeds (by value only here).
func fieldOf(t reflect.Type, name string) (uintptr, reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		fname := f.Name
		if tag := f.Tag.Get("expr"); tag == "-" {
			continue
		} else if tag != "" {
			fname = tag
		}
		if fname == name {
			return f.Offset, f.Type, true
		}
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous {
			continue
		}
		if f.Type.Kind() != reflect.Struct {
			return 0, nil, false // embedded through a pointer: leave it to expr
		}
		if off, ft, ok := fieldOf(f.Type, name); ok {
			return f.Offset + off, ft, true
		}
	}
	return 0, nil, false
}

// field returns the fn reading a field at offset off of type t.
func field(off uintptr, t reflect.Type) (fn, bool) {
	k, ok := kindOf(t)
	if !ok {
		return fn{}, false
	}
	f := fn{kind: k, typ: t}
	switch {
	case k == kBool:
		f.b = func(p unsafe.Pointer) bool { return *(*bool)(unsafe.Add(p, off)) }
	case t == intType:
		f.i = func(p unsafe.Pointer) int64 { return int64(*(*int)(unsafe.Add(p, off))) }
	case k == kInt:
		f.i = func(p unsafe.Pointer) int64 { return *(*int64)(unsafe.Add(p, off)) }
	case k == kFloat:
		f.f = func(p unsafe.Pointer) float64 { return *(*float64)(unsafe.Add(p, off)) }
	case k == kString:
		f.s = func(p unsafe.Pointer) string { return *(*string)(unsafe.Add(p, off)) }
	}
	return f, true
}

func unary(n *ast.UnaryNode, env reflect.Type) (fn, bool) {
	x, ok := compileFast(n.Node, env)
	if !ok {
		return fn{}, false
	}
	switch {
	case (n.Operator == "!" || n.Operator == "not") && x.kind == kBool:
		b := x.b
		return fn{kind: kBool, typ: boolType, b: func(p unsafe.Pointer) bool { return !b(p) }}, true
	case n.Operator == "-" && x.kind == kInt:
		i := x.i
		return fn{kind: kInt, typ: x.typ, i: func(p unsafe.Pointer) int64 { return -i(p) }}, true
	case n.Operator == "-" && x.kind == kFloat:
		f := x.f
		return fn{kind: kFloat, typ: floatType, f: func(p unsafe.Pointer) float64 { return -f(p) }}, true
	case n.Operator == "+" && (x.kind == kInt || x.kind == kFloat):
		return x, true
	}
	return fn{}, false
}

func conditional(n *ast.ConditionalNode, env reflect.Type) (fn, bool) {
	c, ok1 := compileFast(n.Cond, env)
	a, ok2 := compileFast(n.Exp1, env)
	b, ok3 := compileFast(n.Exp2, env)
	if !ok1 || !ok2 || !ok3 || c.kind != kBool || a.typ != b.typ {
		return fn{}, false
	}
	out := fn{kind: a.kind, typ: a.typ}
	switch a.kind {
	case kBool:
		out.b = choose(c.b, a.b, b.b)
	case kInt:
		out.i = choose(c.b, a.i, b.i)
	case kFloat:
		out.f = choose(c.b, a.f, b.f)
	case kString:
		out.s = choose(c.b, a.s, b.s)
	}
	return out, true
}

// choose returns x's value when c is true, else y's.
func choose[T any](c func(unsafe.Pointer) bool, x, y func(unsafe.Pointer) T) func(unsafe.Pointer) T {
	return func(p unsafe.Pointer) T {
		if c(p) {
			return x(p)
		}
		return y(p)
	}
}

func binary(n *ast.BinaryNode, env reflect.Type) (fn, bool) {
	l, ok1 := compileFast(n.Left, env)
	r, ok2 := compileFast(n.Right, env)
	if !ok1 || !ok2 {
		return fn{}, false
	}
	var b func(unsafe.Pointer) bool
	switch op := n.Operator; {
	case (op == "&&" || op == "and") && l.kind == kBool && r.kind == kBool:
		x, y := l.b, r.b
		b = func(p unsafe.Pointer) bool { return x(p) && y(p) }
	case (op == "||" || op == "or") && l.kind == kBool && r.kind == kBool:
		x, y := l.b, r.b
		b = func(p unsafe.Pointer) bool { return x(p) || y(p) }
	case op == "==" || op == "!=":
		eq, ok := equal(l, r)
		if !ok {
			return fn{}, false
		}
		b = eq
		if op == "!=" {
			b = func(p unsafe.Pointer) bool { return !eq(p) }
		}
	case op == "<" || op == ">" || op == "<=" || op == ">=":
		var ok bool
		if b, ok = order(op, l, r); !ok {
			return fn{}, false
		}
	default:
		return fn{}, false
	}
	return fn{kind: kBool, typ: boolType, b: b}, true
}

// equal compiles l == r for values of one type, and for an int and a
// float, which expr compares as floats.
func equal(l, r fn) (func(unsafe.Pointer) bool, bool) {
	switch {
	case l.typ == r.typ && l.kind == kBool:
		return same(l.b, r.b), true
	case l.typ == r.typ && l.kind == kString:
		return same(l.s, r.s), true
	case l.typ == r.typ && l.kind == kInt:
		return same(l.i, r.i), true
	}
	if x, y, ok := floats(l, r); ok {
		return same(x, y), true
	}
	return nil, false
}

func same[T comparable](x, y func(unsafe.Pointer) T) func(unsafe.Pointer) bool {
	return func(p unsafe.Pointer) bool { return x(p) == y(p) }
}

// floats returns l and r as floats when both are numbers of the kinds expr
// compares as floats: floats, or a float and an int.
func floats(l, r fn) (x, y func(unsafe.Pointer) float64, ok bool) {
	asFloat := func(f fn) func(unsafe.Pointer) float64 {
		switch {
		case f.kind == kFloat:
			return f.f
		case f.typ == intType:
			i := f.i
			return func(p unsafe.Pointer) float64 { return float64(i(p)) }
		}
		return nil
	}
	if l.kind != kFloat && r.kind != kFloat {
		return nil, nil, false
	}
	x, y = asFloat(l), asFloat(r)
	return x, y, x != nil && y != nil
}

// order compiles a comparison of two numbers or two strings.
func order(op string, l, r fn) (func(unsafe.Pointer) bool, bool) {
	switch {
	case l.typ == r.typ && l.kind == kInt:
		return ordered(op, l.i, r.i), true
	case l.typ == r.typ && l.kind == kString:
		return ordered(op, l.s, r.s), true
	}
	if x, y, ok := floats(l, r); ok {
		return ordered(op, x, y), true
	}
	return nil, false
}

func ordered[T int64 | float64 | string](op string, x, y func(unsafe.Pointer) T) func(unsafe.Pointer) bool {
	switch op {
	case "<":
		return func(p unsafe.Pointer) bool { return x(p) < y(p) }
	case ">":
		return func(p unsafe.Pointer) bool { return x(p) > y(p) }
	case "<=":
		return func(p unsafe.Pointer) bool { return x(p) <= y(p) }
	}
	return func(p unsafe.Pointer) bool { return x(p) >= y(p) }
}

// call compiles a call of a function field that takes a string, with a
// literal: reply.has("apology"), fired("x"). A nil function reads as false
// or 0 (the environments of policies and rubrics have none).
func call(n *ast.CallNode, env reflect.Type) (fn, bool) {
	arg, ok := literal(n.Arguments)
	if !ok {
		return fn{}, false
	}
	off, t, ok := locate(n.Callee, env)
	if !ok {
		return fn{}, false
	}
	switch t {
	case reflect.TypeFor[func(string) bool]():
		return fn{kind: kBool, typ: boolType, b: func(p unsafe.Pointer) bool {
			f := *(*func(string) bool)(unsafe.Add(p, off))
			return f != nil && f(arg)
		}}, true
	case reflect.TypeFor[func(string) int]():
		return fn{kind: kInt, typ: intType, i: func(p unsafe.Pointer) int64 {
			if f := *(*func(string) int)(unsafe.Add(p, off)); f != nil {
				return int64(f(arg))
			}
			return 0
		}}, true
	}
	return fn{}, false
}
