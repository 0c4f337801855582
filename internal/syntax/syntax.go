// Package syntax reads the line-oriented file format shared by policy and
// rubric files: one directive per line, nested by indentation, with
// comments, quoted strings and expressions, every piece carrying its
// position so that errors say file:line:col and show a caret.
//
//	# a comment
//	policy espresso-bar "How we treat customers"
//	principle respect "Treat every customer with respect"
//	  rule no-hostility critical block
//	    when reply.hostile
//	    message "Hostile reply: {{ reply.hostile_text }}"
//
// A line is a keyword followed by arguments: bare words (letters, digits and
// - _ . / : @ + % * <= >= and the like, anything but spaces and quotes) and
// quoted strings with Go escapes. A keyword listed as taking an expression
// (such as when) takes the rest of its line instead, raw, together with the
// lines indented under it, so that a long condition can continue there.
// Lines indented under a directive are its children. Tabs count as
// indentation only at the start of a line, and must not be mixed with
// spaces within one file.
//
// The package knows no keywords of its own: the ethics and rubric packages
// give meaning to the tree.
package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a file: 1-based line and column, the column counted
// in runes.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// An Arg is one argument of a directive.
type Arg struct {
	Pos    Pos
	Text   string // the word, the unquoted string, or the raw expression
	Quoted bool   // it was written as a quoted string
	raw    string // a quoted string as written, quotes and escapes included
}

// TextCol returns the column in the file of rune k of Text: for a quoted
// string, past the opening quote and the escapes written before it (in
// "say \"hi\" {{", the "{" is 4 columns further on than its place in Text).
func (a Arg) TextCol(k int) int {
	if !a.Quoted || len(a.raw) < 2 {
		return a.Pos.Col + k
	}
	s, col := a.raw[1:len(a.raw)-1], a.Pos.Col+1
	for ; k > 0 && s != ""; k-- {
		_, _, tail, err := strconv.UnquoteChar(s, '"')
		if err != nil {
			break
		}
		col += utf8.RuneCountInString(s[:len(s)-len(tail)])
		s = tail
	}
	return col + k
}

// A Node is one directive and the directives indented under it.
type Node struct {
	Pos      Pos // of the keyword
	Keyword  string
	Args     []Arg
	Children []*Node
	// Expr is the rest of the line (and its continuation lines, joined
	// with newlines) of a keyword that takes an expression.
	Expr      string
	exprLines []Pos // where each line of Expr starts
}

// ExprPos returns the file position of column col (0-based, in runes) of
// line line (1-based) of the node's expression, the way expression
// compilers count; positions outside the expression clamp to its start.
func (n *Node) ExprPos(line, col int) Pos {
	if len(n.exprLines) == 0 {
		return n.Pos
	}
	if line < 1 || line > len(n.exprLines) {
		line, col = 1, 0
	}
	p := n.exprLines[line-1]
	p.Col += max(col, 0)
	return p
}

// Options say how to read a file.
type Options struct {
	// ExprKeywords take the rest of their line as an expression.
	ExprKeywords []string
	// MaxBytes bounds the size of a file; 0 means 1 MiB.
	MaxBytes int
	// MaxDepth bounds the nesting of directives; 0 means 16.
	MaxDepth int
}

// An Error is a problem at a position. Its message starts with the
// position; Caret shows the line and a caret under the column.
type Error struct {
	Pos  Pos
	Msg  string
	line string // the source line, for the caret
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// caretWindow bounds the characters of a long line that Caret shows on
// each side of the column; "…" marks where the line is cut.
const caretWindow = 100

// Caret returns the offending line and a caret under the column, or "" when
// the line is not known.
func (e *Error) Caret() string {
	if e.line == "" {
		return ""
	}
	before := prefixRunes(e.line, e.Pos.Col-1)
	after := Clip(e.line[len(before):], caretWindow)
	if n := utf8.RuneCountInString(before); n > caretWindow {
		before = "…" + before[len(prefixRunes(before, n-caretWindow)):]
	}
	pad := strings.Map(func(r rune) rune {
		if r == '\t' {
			return '\t'
		}
		return ' '
	}, before)
	return before + after + "\n" + pad + "^"
}

// Clip returns s, or its first n characters and "…" when it is longer: for
// quoting a runaway piece of a file in an error message.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return prefixRunes(s, n) + "…"
}

func prefixRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// Errors is every error found in a file, in order.
type Errors []*Error

// maxShown bounds the errors Errors.Error spells out: a file of a million
// bad lines is told by its first hundred problems and a count.
const maxShown = 100

func (l Errors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == maxShown {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-maxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
		if c := e.Caret(); c != "" {
			b.WriteString("\n\t" + strings.ReplaceAll(c, "\n", "\n\t"))
		}
	}
	return b.String()
}

// Sort orders the errors by position.
func (l Errors) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
}

// ErrSyntax is matched by errors.Is for every error of this package.
var ErrSyntax = errors.New("syntax error")

// Is makes errors.Is(err, ErrSyntax) true.
func (l Errors) Is(target error) bool { return target == ErrSyntax }

// Is makes errors.Is(err, ErrSyntax) true.
func (e *Error) Is(target error) bool { return target == ErrSyntax }

// A File is a parsed file: its top-level directives and its lines, so that
// later stages can report errors with a caret too.
type File struct {
	Name  string
	Nodes []*Node
	lines []string
}

// Errorf returns an error at pos, with the file's line for the caret.
func (f *File) Errorf(pos Pos, format string, args ...any) *Error {
	e := &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	if pos.Line >= 1 && pos.Line <= len(f.lines) {
		e.line = f.lines[pos.Line-1]
	}
	return e
}

// Parse reads src. On error it returns every problem it found as Errors,
// and the directives it could read.
func Parse(name string, src []byte, opts Options) (*File, error) {
	maxBytes, maxDepth := opts.MaxBytes, opts.MaxDepth
	if maxBytes <= 0 {
		maxBytes = 1 << 20
	}
	if maxDepth <= 0 {
		maxDepth = 16
	}
	f := &File{Name: name}
	if len(src) > maxBytes {
		return f, Errors{{Pos: Pos{name, 1, 1}, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d", len(src), maxBytes)}}
	}
	if !utf8.Valid(src) {
		bad := firstInvalid(src)
		start := bytes.LastIndexByte(src[:bad], '\n') + 1
		line, col := 1+bytes.Count(src[:start], []byte("\n")), 1+utf8.RuneCount(src[start:bad])
		return f, Errors{{Pos: Pos{name, line, col}, Msg: fmt.Sprintf("file is not valid UTF-8: byte %#x", src[bad])}}
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	f.lines = strings.Split(text, "\n")
	p := parser{f: f, exprs: map[string]bool{}, maxDepth: maxDepth}
	for _, k := range opts.ExprKeywords {
		p.exprs[k] = true
	}
	p.parse()
	if len(p.errs) > 0 {
		return f, p.errs
	}
	return f, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

type parser struct {
	f        *File
	exprs    map[string]bool
	maxDepth int
	errs     Errors
	indent   byte // ' ' or '\t', set by the first indented line
	depth    int  // brackets open at the end of the expression read so far
}

type frame struct {
	indent int
	node   *Node
}

func (p *parser) errorf(pos Pos, format string, args ...any) {
	p.errs = append(p.errs, p.f.Errorf(pos, format, args...))
}

func (p *parser) parse() {
	var stack []frame // open directives, innermost last
	var expr *Node    // the directive whose expression may continue
	exprIndent := 0
	for i, line := range p.f.lines {
		n := i + 1
		body := strings.TrimRight(line, " \t\r")
		trimmed := strings.TrimLeft(body, " \t")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") && (expr == nil || p.depth == 0) {
			continue // inside an expression's brackets, a '#' is expr's
		}
		ws := body[:len(body)-len(trimmed)]
		indent := len(ws)
		if indent > 0 {
			if p.indent == 0 {
				p.indent = ws[0]
			}
			other := byte('\t')
			if p.indent == '\t' {
				other = ' '
			}
			if strings.IndexByte(ws, other) >= 0 {
				p.errorf(Pos{p.f.Name, n, 1}, "indentation mixes tabs and spaces")
				continue
			}
		}
		col := utf8.RuneCountInString(ws) + 1
		if expr != nil && indent > exprIndent {
			// a continuation of the expression above
			var line string
			line, p.depth = stripComment(trimmed, p.depth)
			expr.Expr += "\n" + line
			expr.exprLines = append(expr.exprLines, Pos{p.f.Name, n, col})
			continue
		}
		expr = nil
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) >= p.maxDepth {
			p.errorf(Pos{p.f.Name, n, col}, "directives nest more than %d deep", p.maxDepth)
			continue
		}
		node := p.directive(n, col, trimmed)
		if node == nil {
			continue
		}
		if len(stack) == 0 {
			p.f.Nodes = append(p.f.Nodes, node)
		} else {
			parent := stack[len(stack)-1].node
			parent.Children = append(parent.Children, node)
		}
		stack = append(stack, frame{indent, node})
		if p.exprs[node.Keyword] {
			expr, exprIndent = node, indent
		}
	}
}

// directive reads one line (without its indentation) starting at column col.
func (p *parser) directive(line, col int, s string) *Node {
	kw, rest := s, ""
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		kw, rest = s[:i], s[i:]
	}
	node := &Node{Pos: Pos{p.f.Name, line, col}, Keyword: kw}
	col += utf8.RuneCountInString(kw)
	if p.exprs[kw] {
		trimmed := strings.TrimLeft(rest, " \t")
		col += utf8.RuneCountInString(rest) - utf8.RuneCountInString(trimmed)
		node.Expr, p.depth = stripComment(trimmed, 0)
		node.exprLines = []Pos{{p.f.Name, line, col}}
		return node
	}
	for rest != "" {
		trimmed := strings.TrimLeft(rest, " \t")
		col += utf8.RuneCountInString(rest) - utf8.RuneCountInString(trimmed)
		rest = trimmed
		if rest == "" || rest[0] == '#' {
			break
		}
		pos := Pos{p.f.Name, line, col}
		if rest[0] == '"' {
			end := quotedEnd(rest)
			if end < 0 {
				p.errorf(pos, "unterminated string")
				return nil
			}
			text, err := strconv.Unquote(rest[:end])
			if err != nil {
				p.errorf(pos, "bad string %s: %v", Clip(rest[:end], caretWindow), err)
				return nil
			}
			node.Args = append(node.Args, Arg{Pos: pos, Text: text, Quoted: true, raw: rest[:end]})
			col += utf8.RuneCountInString(rest[:end])
			rest = rest[end:]
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				p.errorf(Pos{p.f.Name, line, col}, "want a space after a string")
				return nil
			}
			continue
		}
		end := strings.IndexAny(rest, " \t\"")
		if end < 0 {
			end = len(rest)
		}
		if end < len(rest) && rest[end] == '"' {
			p.errorf(Pos{p.f.Name, line, col + utf8.RuneCountInString(rest[:end])}, "want a space before a string")
			return nil
		}
		node.Args = append(node.Args, Arg{Pos: pos, Text: rest[:end]})
		col += utf8.RuneCountInString(rest[:end])
		rest = rest[end:]
	}
	return node
}

// quotedEnd returns the end of the double-quoted string at the start of s,
// or -1 when it does not close on this line.
func quotedEnd(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// stripComment removes a trailing comment from a line of an expression
// that starts inside depth brackets: a '#' at the start or after a space,
// outside quotes and outside brackets, where expr's own '#' (the element
// of a predicate: any(items, # > 1), {#acc + #}) never stands. It returns
// the line and the depth of brackets at its end.
func stripComment(s string, depth int) (string, int) {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == '\\':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth = max(depth-1, 0)
		case c == '#' && depth == 0 && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return strings.TrimRight(s[:i], " \t"), depth
		}
	}
	return s, depth
}
