package ethics

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"github.com/rapportkit/rapport/greeting"
	"github.com/rapportkit/rapport/internal/syntax"
)

// ErrPolicy is matched by errors.Is for every error Parse returns.
var ErrPolicy = errors.New("ethics: bad policy")

// exprError reports an expr compile error at its position in the file.
func (c *compiler) exprError(err error, at func(line, col int) syntax.Pos) {
	var fe *file.Error
	if errors.As(err, &fe) {
		msg := fe.Message
		if msg == "" {
			msg = fe.Error()
		}
		c.errorf(at(max(fe.Line, 1), fe.Column), "%s", c.explainError(msg))
		return
	}
	c.errorf(at(1, 0), "%s", c.explainError(err.Error()))
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

// strategyNames checks the strategy names given to reply.has and friends
// while an expression compiles.
type strategyNames struct {
	src string
	bad []badName
}

type badName struct {
	name      string
	line, col int
}

func (v *strategyNames) Visit(node *ast.Node) {
	if name, arg, ok := strategyCall(*node); ok {
		if _, err := greeting.ParseStrategy(name); err != nil {
			line, col := lineCol(v.src, arg.Location().From)
			v.bad = append(v.bad, badName{name, line, col})
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

// A part is a piece of a condition whose value explains a finding:
// "customer.waited = 5m20s".
type part struct {
	src  string
	prog *vm.Program
}

// spanSet says which markers of the reply a rule's condition looks at, so
// that a finding can point at the words.
type spanSet struct {
	hostile    bool
	strategies []greeting.Strategy
}

// explain splits a condition into the parts worth showing and finds the
// strategies it looks at.
func (c *compiler) explain(src string) ([]part, spanSet) {
	tree, err := parser.Parse(src)
	if err != nil {
		return nil, spanSet{}
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
	var parts []part
	for _, l := range leaves {
		s := l.String()
		if slices.ContainsFunc(parts, func(p part) bool { return p.src == s }) {
			continue
		}
		if prog, err := expr.Compile(s, c.exprOptions()...); err == nil {
			parts = append(parts, part{s, prog})
		}
	}
	var spans spanSet
	ast.Walk(&tree.Node, visitorFunc(func(n ast.Node) {
		if name, _, ok := strategyCall(n); ok {
			if s, err := greeting.ParseStrategy(name); err == nil && !slices.Contains(spans.strategies, s) {
				spans.strategies = append(spans.strategies, s)
			}
		}
		if m, ok := n.(*ast.MemberNode); ok {
			if id, ok := m.Node.(*ast.IdentifierNode); ok && id.Value == "reply" {
				if p, ok := m.Property.(*ast.StringNode); ok {
					switch p.Value {
					case "hostile", "hostile_text":
						spans.hostile = true
					case "greeting", "greeting_part", "greeting_fits":
						spans.strategies = append(spans.strategies, greeting.Greeting)
					case "closing":
						spans.strategies = append(spans.strategies, greeting.Closing)
					case "register", "formality":
						spans.strategies = append(spans.strategies, greeting.FormalAddress, greeting.InformalAddress)
					}
				}
			}
		}
	}))
	return parts, spans
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

// A template is a message with {{ expression }} parts.
type template struct {
	parts []tpart
}

type tpart struct {
	text string
	prog *vm.Program // nil for plain text
}

// template compiles the text of a quoted argument.
func (c *compiler) template(arg syntax.Arg, text string) template {
	var t template
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
			p.Col += 1 + exprStart + col // past the opening quote
			return p
		}
		if end < 0 {
			c.errorf(at(1, -2), "unclosed {{ in message")
			return t
		}
		src := rest[open+2 : open+2+end]
		if strings.TrimSpace(src) == "" {
			c.errorf(at(1, 0), "empty {{ }} in message")
		} else if prog, ok := c.compile(src, at); ok {
			t.parts = append(t.parts, tpart{prog: prog})
		}
		consumed := open + 2 + end + 2
		offset += utf8.RuneCountInString(rest[:consumed])
		rest = rest[consumed:]
	}
	return t
}

// render runs the template's expressions against env.
func (t template) render(env *Env, v *vm.VM) (string, error) {
	if len(t.parts) == 1 && t.parts[0].prog == nil {
		return t.parts[0].text, nil
	}
	var b strings.Builder
	for _, p := range t.parts {
		if p.prog == nil {
			b.WriteString(p.text)
			continue
		}
		out, err := v.Run(p.prog, env)
		if err != nil {
			return b.String(), err
		}
		b.WriteString(format(out))
	}
	return b.String(), nil
}

// format renders a value for a message or an explanation.
func format(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return fmt.Sprintf("%.2f", v)
	case nil:
		return "nil"
	}
	return fmt.Sprint(v)
}

// explainError rewrites expr's messages in the words of the policy
// language: field names as written in policies, and the limits set.
func (c *compiler) explainError(msg string) string {
	if m := noField.FindStringSubmatch(msg); m != nil {
		if t, ok := envTypes[m[1]]; ok {
			return fmt.Sprintf("%s has no field %s (it has: %s)", t.what, m[2], strings.Join(fieldNames(t.typ), ", "))
		}
	}
	switch {
	case strings.Contains(msg, "exceeds maximum allowed nodes"):
		return fmt.Sprintf("expression is larger than the limit of %d nodes", c.p.limits.maxNodes)
	case strings.HasPrefix(msg, "expected bool, but got "):
		return "a when condition must be true or false, but this is " + strings.TrimPrefix(msg, "expected bool, but got ")
	}
	return msg
}

var noField = regexp.MustCompile(`^type ethics\.(\w+) has no field (\w+)$`)

var envTypes = map[string]struct {
	what string
	typ  reflect.Type
}{
	"Env":          {"the environment", reflect.TypeFor[Env]()},
	"Message":      {"a message (reply, previous)", reflect.TypeFor[Message]()},
	"Customer":     {"customer", reflect.TypeFor[Customer]()},
	"Conversation": {"conversation", reflect.TypeFor[Conversation]()},
}

// fieldNames lists the names a policy can use for the fields of t.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if tag := f.Tag.Get("expr"); tag != "" {
			names = append(names, tag)
		}
	}
	return names
}
