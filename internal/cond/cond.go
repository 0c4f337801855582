// Package cond compiles the expressions of policy and rubric files with
// expr: conditions, scores and {{ }} templates, with errors placed at their
// file:line:col, strategy names checked against the greeting package, and
// the parts of a condition worth showing when it explains a finding.
package cond

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"github.com/rapportkit/rapport/greeting"
	"github.com/rapportkit/rapport/internal/syntax"
)

// A Compiler compiles the expressions of one file against an environment
// type, collecting errors.
type Compiler struct {
	File     *syntax.File
	Env      any  // a value of the environment struct type
	MaxNodes uint // bound on every expression's size
	Errs     syntax.Errors
	parts    map[string]Part // the parts explained so far, by source
	count    int             // expressions compiled so far
}

// MaxExprs bounds the expressions of one file (conditions, scores and each
// {{ }} of a message): compiling one takes tens of microseconds, and a
// file of the largest size could otherwise hold tens of thousands.
const MaxExprs = 5000

// At maps a line (1-based) and column (0-based) of an expression to its
// position in the file.
type At func(line, col int) syntax.Pos

// Errorf records an error at pos.
func (c *Compiler) Errorf(pos syntax.Pos, format string, args ...any) {
	c.Errs = append(c.Errs, c.File.Errorf(pos, format, args...))
}

// Options returns the expr options every expression is compiled with.
func (c *Compiler) Options(extra ...expr.Option) []expr.Option {
	opts := []expr.Option{expr.Env(c.Env), expr.MaxNodes(c.MaxNodes), expr.Patch(sizes{}), expr.Patch(turns{})}
	opts = append(opts, boundOptions()...)
	return append(opts, extra...)
}

// turns makes every turn of a predicate (all, any, filter, map, ...) count
// against the memory budget of a run: expr counts what loops allocate, not
// how often they turn, and loops in loops over a long message's words
// would otherwise run for minutes without allocating. A predicate's body b
// becomes
//
//	repeat("turn", 1) != "" ? b : b
//
// which has b's value and type, and costs four units: the cost of the four
// bytes repeat makes, which the VM adds to the memory it counts. A budget
// of 100,000 allows 25,000 turns: one pass over the words of a reply of
// 100 KB, or loops in loops over 150 words.
type turns struct{}

func (turns) Visit(node *ast.Node) {
	if p, ok := (*node).(*ast.PredicateNode); ok {
		cost := &ast.BuiltinNode{Name: "repeat", Arguments: []ast.Node{&ast.StringNode{Value: "turn"}, &ast.IntegerNode{Value: 1}}}
		turn := &ast.BinaryNode{Operator: "!=", Left: cost, Right: &ast.StringNode{}}
		p.Node = &ast.ConditionalNode{Cond: turn, Exp1: p.Node, Exp2: p.Node}
	}
}

// Compile compiles an expression, reporting errors at the file position
// at gives for the expression's own line and column. Unknown strategy
// names and type errors are both reported.
func (c *Compiler) Compile(src string, at At, extra ...expr.Option) (*Program, bool) {
	if c.count++; c.count > MaxExprs {
		if c.count == MaxExprs+1 {
			c.Errorf(at(1, 0), "more than %d expressions in the file", MaxExprs)
		}
		return nil, false
	}
	if line, col, deep := tooDeep(src); deep {
		c.Errorf(at(line, col), "expression nests deeper than %d levels", maxNesting)
		return nil, false
	}
	ok := true
	if tree, err := parser.Parse(src); err == nil {
		l := &lint{src: src}
		ast.Walk(&tree.Node, l)
		for _, p := range l.problems {
			c.Errorf(at(p.line, p.col), "%s", p.msg)
			ok = false
		}
	}
	prog, err := expr.Compile(src, c.Options(extra...)...)
	if err != nil {
		c.exprError(err, at)
		return nil, false
	}
	cfg := conf.CreateNew()
	for _, o := range extra {
		o(cfg)
	}
	return newProgram(prog, c.Env, cfg.Expect), ok
}

// maxNesting bounds how deeply an expression nests brackets, and how many
// prefix operators ("!", "-", "not") stand in a row: expr parses both by
// recursion, and a file of a million "(" or "!" would overflow the stack,
// which no program recovers from. No condition a person writes comes near.
const maxNesting = 100

// tooDeep reports whether src nests deeper than maxNesting, and where it
// first does: the line (1-based) and column (0-based, in runes).
func tooDeep(src string) (line, col int, deep bool) {
	depth, run := 0, 0 // brackets open; prefix operators in a row
	line, lineStart := 1, 0
	for i := 0; i < len(src); i++ {
		at := i
		switch c := src[i]; c {
		case '\n':
			line, lineStart = line+1, i+1
			continue
		case ' ', '\t', '\r':
			continue
		case '"', '\'', '`':
			// a string, whose brackets and operators are letters
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' && c != '`' {
					i++
				} else if src[i] == '\n' {
					line, lineStart = line+1, i+1
				}
			}
			run = 0
			continue
		case '(', '[', '{':
			depth, run = depth+1, 0
		case ')', ']', '}':
			depth, run = max(depth-1, 0), 0
		case '!', '-', '+':
			run++
		default:
			if c == 'n' && strings.HasPrefix(src[i:], "not") && !identByte(src, i-1) && !identByte(src, i+3) {
				run++
				i += 2
			} else {
				run = 0
			}
		}
		if depth > maxNesting || run > maxNesting {
			return line, utf8.RuneCountInString(src[lineStart:at]), true
		}
	}
	return 0, 0, false
}

// identByte reports whether src[i] is a byte of an identifier; outside src
// it is not.
func identByte(src string, i int) bool {
	if i < 0 || i >= len(src) {
		return false
	}
	c := src[i]
	return c == '_' || c >= utf8.RuneSelf || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func strategyList() string {
	var names []string
	for _, s := range greeting.Strategies() {
		names = append(names, s.String())
	}
	return strings.Join(names, ", ")
}

// maxMessage bounds the characters of an expr error message, which may
// quote a literal of any length.
const maxMessage = 300

// exprError reports an expr compile error at its position in the file.
func (c *Compiler) exprError(err error, at At) {
	var fe *file.Error
	if errors.As(err, &fe) {
		msg := fe.Message
		if msg == "" {
			msg = fe.Error()
		}
		c.Errorf(at(max(fe.Line, 1), fe.Column), "%s", syntax.Clip(c.explainError(msg), maxMessage))
		return
	}
	c.Errorf(at(1, 0), "%s", syntax.Clip(c.explainError(err.Error()), maxMessage))
}

// Locate returns a run-time error of an expression compiled with at as a
// RunError: where in the file it happened, and what, without expr's excerpt
// of the expression.
func Locate(err error, at At) *RunError {
	var fe *file.Error
	if errors.As(err, &fe) && fe.Message != "" {
		return &RunError{Pos: at(max(fe.Line, 1), fe.Column), Msg: syntax.Clip(fe.Message, maxMessage), Err: err}
	}
	return &RunError{Pos: at(1, 0), Msg: syntax.Clip(err.Error(), maxMessage), Err: err}
}

// A RunError is an expression's failure at run time: where in the file,
// and what. It unwraps to expr's error.
type RunError struct {
	Pos syntax.Pos
	Msg string
	Err error
}

func (e *RunError) Error() string { return e.Pos.String() + ": " + e.Msg }
func (e *RunError) Unwrap() error { return e.Err }

// Failed adds what was being done to a run-time error: a RunError keeps
// its place first ("shop.policy:7:12: message of rule x at turn 1: ...").
func Failed(err error, doing string) error {
	if re, ok := err.(*RunError); ok {
		return &RunError{Pos: re.Pos, Msg: doing + ": " + re.Msg, Err: re.Err}
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// explainError rewrites expr's messages in the words of the file: field
// names as written in expressions, and the limits set.
func (c *Compiler) explainError(msg string) string {
	msg = strings.TrimSpace(strings.ReplaceAll(msg, boundPrefix, "")) // our bounded builtins go by their own names
	if m := noField.FindStringSubmatch(msg); m != nil {
		if what, fields, ok := describe(reflect.TypeOf(c.Env), m[1]); ok {
			if strings.Contains(what, " and ") {
				return fmt.Sprintf("%s have no field %s (they have: %s)", what, m[2], strings.Join(fields, ", "))
			}
			return fmt.Sprintf("%s has no field %s (it has: %s)", what, m[2], strings.Join(fields, ", "))
		}
	}
	switch {
	case strings.Contains(msg, "exceeds maximum allowed nodes"):
		return fmt.Sprintf("expression is larger than the limit of %d nodes", c.MaxNodes)
	case strings.HasPrefix(msg, "expected bool, but got "):
		return "a condition must be true or false, but this is " + strings.TrimPrefix(msg, "expected bool, but got ")
	case strings.HasPrefix(msg, "expected float64, but got "):
		return "a score must be a number, but this is " + strings.TrimPrefix(msg, "expected float64, but got ")
	}
	return msg
}

var noField = regexp.MustCompile(`^type [\w.]+\.(\w+) has no field (\w+)$`)

// describe finds the struct type named name among the fields of env, and
// returns how expressions reach it ("reply, previous", or "the environment")
// and the names of its fields.
func describe(env reflect.Type, name string) (what string, fields []string, ok bool) {
	if env.Name() == name {
		return "the environment", fieldNames(env), true
	}
	var paths []string
	var t reflect.Type
	for f := range env.Fields() {
		if f.Type.Kind() == reflect.Struct && f.Type.Name() == name {
			paths = append(paths, f.Tag.Get("expr"))
			t = f.Type
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if w, fs, ok := describe(f.Type, name); ok && w != "the environment" {
				return w, fs, true
			}
		}
	}
	if t == nil {
		return "", nil, false
	}
	return strings.Join(paths, " and "), fieldNames(t), true
}

// fieldNames lists the names expressions use for the fields of t.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			names = append(names, fieldNames(f.Type)...)
		} else if tag := f.Tag.Get("expr"); tag != "" {
			names = append(names, tag)
		}
	}
	return names
}

// lineCol turns a rune offset in src into a 1-based line and a 0-based
// column, the way expr reports positions.
func lineCol(src string, offset int) (line, col int) {
	line = 1
	for i, r := range []rune(src) {
		if i == offset {
			break
		}
		if r == '\n' {
			line, col = line+1, 0
		} else {
			col++
		}
	}
	return line, col
}

// maxPattern bounds the length of a pattern of matches: matching takes
// time in proportion to the pattern's size for every byte of the text.
const maxPattern = 1000

// lint finds what expr does not check in an expression: the strategy names
// given to reply.has and friends, and the patterns of matches, which must
// be string literals of at most maxPattern bytes (a pattern taken from the
// conversation would let a customer's message be compiled as one).
type lint struct {
	src      string
	problems []problem
}

type problem struct {
	line, col int
	msg       string
}

func (v *lint) report(n ast.Node, format string, args ...any) {
	line, col := lineCol(v.src, n.Location().From)
	v.problems = append(v.problems, problem{line, col, fmt.Sprintf(format, args...)})
}

func (v *lint) Visit(node *ast.Node) {
	if name, arg, ok := strategyCall(*node); ok {
		if _, err := greeting.ParseStrategy(name); err != nil {
			v.report(arg, "unknown strategy %q (want one of %s)", name, strategyList())
		}
	}
	if b, ok := (*node).(*ast.BinaryNode); ok && b.Operator == "matches" {
		switch p, ok := b.Right.(*ast.StringNode); {
		case !ok:
			v.report(b, "the pattern of matches must be a string literal")
		case len(p.Value) > maxPattern:
			v.report(b.Right, "the pattern of matches is %d bytes, more than the limit of %d", len(p.Value), maxPattern)
		}
	}
}

// strategyCall recognises reply.has("x"), previous.count("x") and the like,
// and returns the strategy name and its node.
func strategyCall(n ast.Node) (string, ast.Node, bool) {
	call, ok := n.(*ast.CallNode)
	if !ok || len(call.Arguments) != 1 {
		return "", nil, false
	}
	m, ok := call.Callee.(*ast.MemberNode)
	if !ok {
		return "", nil, false
	}
	prop, ok := m.Property.(*ast.StringNode)
	if !ok || prop.Value != "has" && prop.Value != "count" {
		return "", nil, false
	}
	arg, ok := call.Arguments[0].(*ast.StringNode)
	if !ok {
		return "", nil, false
	}
	return arg.Value, arg, true
}

// A Part is a piece of a condition whose value explains a finding:
// "customer.waited = 5m20s".
type Part struct {
	Src  string
	Prog *Program // the same program for the same source, across a compiler's expressions
	// IfTrue and IfFalse are the explanations of the part's boolean
	// values, written once.
	IfTrue, IfFalse string
}

// Refs is what an expression looks at, so that a finding can point at the
// words and rules behind it.
type Refs struct {
	Hostile    bool                // reply.hostile or reply.hostile_text
	Strategies []greeting.Strategy // reply.has("x"), reply.greeting, reply.register, ...
	Rules      []string            // fired("principle/rule")
	RulesAt    [][2]int            // where each of Rules is named in the expression: line (1-based), column (0-based)
}

// Looks reports whether an expression with these references looks at a
// marker of strategy s: one it names, or any hostile one when it reads
// the reply's hostility. A finding or a rating quotes those markers.
func (r *Refs) Looks(s greeting.Strategy) bool {
	return r.Hostile && s.Hostile() || slices.Contains(r.Strategies, s)
}

// Explain splits a condition into the parts worth showing and finds what
// it looks at.
func (c *Compiler) Explain(src string) ([]Part, Refs) {
	if _, _, deep := tooDeep(src); deep {
		return nil, Refs{}
	}
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, Refs{}
	}
	var leaves []ast.Node
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BinaryNode:
			switch n.Operator {
			case "&&", "||", "and", "or", "??":
				walk(n.Left)
				walk(n.Right)
				return
			case "==", "!=", "<", ">", "<=", ">=", "in", "contains", "startsWith", "endsWith", "matches":
				for _, side := range []ast.Node{n.Left, n.Right} {
					if !constant(side) {
						leaves = append(leaves, side)
					}
				}
				return
			}
		case *ast.UnaryNode:
			if n.Operator == "!" || n.Operator == "not" {
				walk(n.Node)
				return
			}
		}
		if !constant(n) {
			leaves = append(leaves, n)
		}
	}
	walk(tree.Node)
	var parts []Part
	for _, l := range leaves {
		s := l.String()
		if slices.ContainsFunc(parts, func(p Part) bool { return p.Src == s }) {
			continue
		}
		if p, ok := c.parts[s]; ok {
			parts = append(parts, p)
			continue
		}
		if prog, err := expr.Compile(s, c.Options()...); err == nil {
			p := Part{Src: s, Prog: newProgram(prog, c.Env, reflect.Invalid), IfTrue: s + " = true", IfFalse: s + " = false"}
			if c.parts == nil {
				c.parts = map[string]Part{}
			}
			c.parts[s] = p
			parts = append(parts, p)
		}
	}
	var refs Refs
	ast.Walk(&tree.Node, visitorFunc(func(n ast.Node) {
		if name, _, ok := strategyCall(n); ok {
			if s, err := greeting.ParseStrategy(name); err == nil && !slices.Contains(refs.Strategies, s) {
				refs.Strategies = append(refs.Strategies, s)
			}
		}
		if call, ok := n.(*ast.CallNode); ok && len(call.Arguments) == 1 {
			if id, ok := call.Callee.(*ast.IdentifierNode); ok && id.Value == "fired" {
				if s, ok := call.Arguments[0].(*ast.StringNode); ok && !slices.Contains(refs.Rules, s.Value) {
					line, col := lineCol(src, s.Location().From)
					refs.Rules = append(refs.Rules, s.Value)
					refs.RulesAt = append(refs.RulesAt, [2]int{line, col})
				}
			}
		}
		if m, ok := n.(*ast.MemberNode); ok {
			if id, ok := m.Node.(*ast.IdentifierNode); ok && id.Value == "reply" {
				if p, ok := m.Property.(*ast.StringNode); ok {
					switch p.Value {
					case "hostile", "hostile_text":
						refs.Hostile = true
					case "greeting", "greeting_part", "greeting_fits":
						refs.Strategies = append(refs.Strategies, greeting.Greeting)
					case "closing":
						refs.Strategies = append(refs.Strategies, greeting.Closing)
					case "register", "formality":
						refs.Strategies = append(refs.Strategies, greeting.FormalAddress, greeting.InformalAddress)
					}
				}
			}
		}
	}))
	return parts, refs
}

type visitorFunc func(ast.Node)

func (f visitorFunc) Visit(n *ast.Node) { f(*n) }

// constant reports whether n is a literal, or a call of duration or date on
// literals: its value explains nothing.
func constant(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.StringNode, *ast.BoolNode, *ast.NilNode, *ast.ConstantNode:
		return true
	case *ast.UnaryNode:
		return constant(n.Node)
	case *ast.BuiltinNode:
		for _, a := range n.Arguments {
			if !constant(a) {
				return false
			}
		}
		return n.Name == "duration" || n.Name == "date"
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok && (id.Value == "duration" || id.Value == "date") {
			for _, a := range n.Arguments {
				if !constant(a) {
					return false
				}
			}
			return true
		}
	case *ast.ArrayNode:
		for _, a := range n.Nodes {
			if !constant(a) {
				return false
			}
		}
		return true
	}
	return false
}

// A Template is a message with {{ expression }} parts.
type Template struct {
	parts []tpart
}

// Fast reports whether every expression of t runs without the VM.
func (t Template) Fast() bool {
	for _, p := range t.parts {
		if p.prog != nil && !p.prog.Fast() {
			return false
		}
	}
	return true
}

// Text returns a template of plain text.
func Text(s string) Template { return Template{parts: []tpart{{text: s}}} }

type tpart struct {
	text string
	prog *Program // nil for plain text
	at   At       // where the expression is in the file
}

// Template compiles the text of a quoted argument.
func (c *Compiler) Template(arg syntax.Arg) Template {
	var t Template
	text := arg.Text
	rest, offset := text, 0 // offset: runes of text before rest
	for rest != "" {
		open := strings.Index(rest, "{{")
		if open < 0 {
			t.parts = append(t.parts, tpart{text: rest})
			break
		}
		if open > 0 {
			t.parts = append(t.parts, tpart{text: rest[:open]})
		}
		exprStart := offset + utf8.RuneCountInString(rest[:open+2])
		end := strings.Index(rest[open+2:], "}}")
		at := func(line, col int) syntax.Pos {
			p := arg.Pos
			p.Col = arg.TextCol(exprStart + col)
			return p
		}
		if end < 0 {
			c.Errorf(at(1, -2), "unclosed {{ in message")
			return t
		}
		src := rest[open+2 : open+2+end]
		if strings.TrimSpace(src) == "" {
			c.Errorf(at(1, 0), "empty {{ }} in message")
		} else if prog, ok := c.Compile(src, at); ok {
			t.parts = append(t.parts, tpart{prog: prog, at: at})
		}
		consumed := open + 2 + end + 2
		offset += utf8.RuneCountInString(rest[:consumed])
		rest = rest[consumed:]
	}
	return t
}

// A Writer writes rendered templates and explanations one after another
// into one buffer; each result shares that buffer's memory, so that an
// evaluation's texts take a few allocations rather than one each. The zero
// value is ready to use. A Writer is not safe for concurrent use.
type Writer struct {
	b   strings.Builder
	num [32]byte // scratch for formatting numbers
}

// Render renders t against in with v.
func (w *Writer) Render(t Template, in Input, v *vm.VM) (string, error) {
	if len(t.parts) == 1 && t.parts[0].prog == nil {
		return t.parts[0].text, nil
	}
	start := w.start()
	for _, p := range t.parts {
		if p.prog == nil {
			w.b.WriteString(p.text)
			continue
		}
		if f := p.prog.fastFor(in); f != nil {
			w.fastValue(f, in, false)
			continue
		}
		out, err := v.Run(p.prog.prog, in.boxed())
		if err != nil {
			return w.b.String()[start:], Locate(err, p.at)
		}
		w.value(out, false)
	}
	return w.b.String()[start:], nil
}

// Explain runs a part against in with v and explains its value:
// "customer.waited = 4m30s", strings quoted, numbers as messages print
// them.
func (w *Writer) Explain(p Part, in Input, v *vm.VM) (string, error) {
	f := p.Prog.fastFor(in)
	var out any
	switch {
	case f != nil && f.kind == kBool:
		out = f.b(in.ptr)
	case f == nil:
		var err error
		if out, err = v.Run(p.Prog.prog, in.boxed()); err != nil {
			return "", err
		}
	}
	if b, ok := out.(bool); ok {
		if b {
			return p.IfTrue, nil
		}
		return p.IfFalse, nil
	}
	start := w.start()
	w.b.WriteString(p.Src)
	w.b.WriteString(" = ")
	if f != nil {
		w.fastValue(f, in, true)
	} else {
		w.value(out, true)
	}
	return w.b.String()[start:], nil
}

// start returns where the next text starts, growing the buffer to a size
// that holds an evaluation's texts before the first.
func (w *Writer) start() int {
	if w.b.Cap() == 0 {
		w.b.Grow(1024)
	}
	return w.b.Len()
}

// fastValue writes the value of f on in as value would, without boxing it.
func (w *Writer) fastValue(f *fn, in Input, why bool) {
	switch f.kind {
	case kBool:
		w.b.WriteString(strconv.FormatBool(f.b(in.ptr)))
	case kFloat:
		w.float(f.f(in.ptr))
	case kString:
		w.text(f.s(in.ptr), why)
	case kInt:
		if i := f.i(in.ptr); f.typ == durationType {
			w.b.WriteString(time.Duration(i).String())
		} else {
			w.b.Write(strconv.AppendInt(w.num[:0], i, 10))
		}
	}
}

// value writes a value: numbers with two decimals, durations as Go prints
// them (4m30s), nil as "nil", strings as they are, or quoted for an
// explanation (why).
func (w *Writer) value(v any, why bool) {
	switch v := v.(type) {
	case string:
		w.text(v, why)
	case bool:
		w.b.WriteString(strconv.FormatBool(v))
	case int:
		w.b.Write(strconv.AppendInt(w.num[:0], int64(v), 10))
	case float64:
		w.float(v)
	case time.Duration:
		w.b.WriteString(v.String())
	case nil:
		w.b.WriteString("nil")
	default:
		fmt.Fprint(&w.b, v)
	}
}

// float writes a number with two decimals.
func (w *Writer) float(x float64) { w.b.Write(strconv.AppendFloat(w.num[:0], x, 'f', 2, 64)) }

// text writes a string as it is, or quoted for an explanation.
func (w *Writer) text(s string, quote bool) {
	if quote {
		w.b.Write(strconv.AppendQuote(w.num[:0], s))
	} else {
		w.b.WriteString(s)
	}
}
