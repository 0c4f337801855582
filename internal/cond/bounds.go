package cond

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/vm/runtime"
)

// MaxValue bounds the length of any string an expression builds in one
// step, in bytes: no condition or message needs more, and a step that
// would build more fails before it allocates ("repeat(reply.text, 100000)",
// a replace that puts the text back into every space of itself).
const MaxValue = 1 << 20

// sizes makes what expressions build count against the memory budget of a
// run, as loops do (see turns). expr counts the ranges, arrays and maps it
// makes, but not the strings: "+" on strings, and the builtins that build
// a string from others (repeat, replace, join, toJSON, toBase64), cost
// nothing, so that a reduce that doubles a string, or a replace that
// squares one, ran for seconds and allocated gigabytes under any budget.
// Each such step becomes a call of a function of ours that refuses to
// build more than MaxValue bytes, and its result is charged to the budget:
//
//	let v = step; repeat(size(v), 1) != "\x00" ? v : v
//
// where size(v) is v if it is a string and "" otherwise, and repeat, which
// the VM charges the length of what it returns, returns its argument
// itself when asked for one copy. The value and type are the step's.
type sizes struct{}

// The functions the sizes patch calls. Their names cannot be written in
// an expression (a "·" is no letter of an identifier), so an expression
// cannot call them itself.
const (
	addFunc     = "rapport·add"
	sizeFunc    = "rapport·size"
	boundPrefix = "rapport·"
	boundVar    = "rapport·v"
)

// built are the builtins that build a string from others; those that can
// build a large one in a single step go through a function of ours that
// checks the size first (boundedBuiltin).
var built = map[string]bool{"repeat": true, "replace": true, "join": true, "toJSON": true, "toBase64": true}

func (sizes) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.BinaryNode:
		if n.Operator != "+" || !mayBeString(n.Left.Type()) || !mayBeString(n.Right.Type()) {
			return // numbers, durations, or a mismatch the checker reports
		}
		call := &ast.CallNode{Callee: &ast.IdentifierNode{Value: addFunc}, Arguments: []ast.Node{n.Left, n.Right}}
		ast.Patch(node, charged(call))
	case *ast.BuiltinNode:
		if !built[n.Name] {
			return
		}
		var step ast.Node = n
		if _, ok := boundedBuiltin[n.Name]; ok {
			step = &ast.CallNode{Callee: &ast.IdentifierNode{Value: boundPrefix + n.Name}, Arguments: n.Arguments}
		}
		ast.Patch(node, charged(step))
	}
}

// mayBeString reports whether a node of type t may hold a string: a
// string, or a type the checker does not know (#acc in a reduce, a fact).
func mayBeString(t reflect.Type) bool {
	return t == nil || t.Kind() == reflect.String || t.Kind() == reflect.Interface
}

// charged returns step with the length of the string it makes charged to
// the memory budget.
func charged(step ast.Node) ast.Node {
	v := func() ast.Node { return &ast.IdentifierNode{Value: boundVar} }
	size := &ast.CallNode{Callee: &ast.IdentifierNode{Value: sizeFunc}, Arguments: []ast.Node{v()}}
	charge := &ast.BuiltinNode{Name: "repeat", Arguments: []ast.Node{size, &ast.IntegerNode{Value: 1}}}
	return &ast.VariableDeclaratorNode{Name: boundVar, Value: step, Expr: &ast.ConditionalNode{
		Cond: &ast.BinaryNode{Operator: "!=", Left: charge, Right: &ast.StringNode{Value: "\x00"}},
		Exp1: v(), Exp2: v(),
	}}
}

// tooLong is the error of a step that would build more than MaxValue bytes.
func tooLong(what string) error {
	return fmt.Errorf("%s would build a string longer than the limit of %d bytes", what, MaxValue)
}

// add is expr's "+", refusing to join strings longer than MaxValue.
func add(args ...any) (any, error) {
	if a, ok := args[0].(string); ok {
		if b, ok := args[1].(string); ok {
			if len(a)+len(b) > MaxValue {
				return nil, tooLong("+")
			}
			return a + b, nil
		}
	}
	return runtime.Add(args[0], args[1]), nil
}

// boundedBuiltin gives, for each builtin that can build a large string in
// one step, the length of what it would build from its arguments, or -1
// when it cannot tell (the builtin then reports the bad arguments itself).
var boundedBuiltin = map[string]func(args []any) int{
	"repeat": func(args []any) int {
		s, _ := args[0].(string)
		n, ok := args[1].(int)
		if !ok || n < 0 {
			return -1
		}
		if len(s) > 0 && n > MaxValue/len(s) {
			return MaxValue + 1
		}
		return len(s) * n
	},
	"replace": func(args []any) int {
		s, _ := args[0].(string)
		old, _ := args[1].(string)
		repl, _ := args[2].(string)
		count := strings.Count(s, old)
		if len(args) == 4 {
			if n, ok := args[3].(int); ok && n >= 0 {
				count = min(count, n)
			}
		}
		if old == "" {
			count = min(count, utf8.RuneCountInString(s)+1)
		}
		if grow := len(repl) - len(old); grow > 0 {
			if count > (MaxValue+1)/grow {
				return MaxValue + 1
			}
			return len(s) + count*grow
		}
		return len(s)
	},
	"join": func(args []any) int {
		glue := ""
		if len(args) == 2 {
			glue, _ = args[1].(string)
		}
		n := 0
		switch list := args[0].(type) {
		case []string:
			for _, s := range list {
				if n += len(s) + len(glue); n > MaxValue {
					break
				}
			}
		case []any:
			for _, s := range list {
				s, _ := s.(string)
				if n += len(s) + len(glue); n > MaxValue {
					break
				}
			}
		}
		return n
	},
}

// boundOptions registers the functions the sizes patch calls.
var boundOptions = sync.OnceValue(func() []expr.Option {
	opts := []expr.Option{
		expr.Function(addFunc, add, new(func(string, string) string), new(func(any, any) any)),
		expr.Function(sizeFunc, func(args ...any) (any, error) {
			s, _ := args[0].(string)
			return s, nil
		}, new(func(any) string)),
	}
	for name, size := range boundedBuiltin {
		b := builtin.Builtins[builtin.Index[name]]
		f := &builtin.Function{Name: boundPrefix + name, Types: b.Types, Func: func(args ...any) (any, error) {
			if size(args) > MaxValue {
				return nil, tooLong(name)
			}
			if b.Safe != nil {
				out, _, err := b.Safe(args...) // its size is charged by the patch
				return out, err
			}
			return b.Func(args...)
		}}
		opts = append(opts, func(c *conf.Config) { c.Functions[f.Name] = f })
	}
	return opts
})
