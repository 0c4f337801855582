package syntax

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var opts = Options{ExprKeywords: []string{"when", "score"}}

// dump renders a tree one directive a line, with positions.
func dump(nodes []*Node, depth int, b *strings.Builder) {
	for _, n := range nodes {
		fmt.Fprintf(b, "%s%d:%d %s", strings.Repeat("  ", depth), n.Pos.Line, n.Pos.Col, n.Keyword)
		for _, a := range n.Args {
			if a.Quoted {
				fmt.Fprintf(b, " %d:%q", a.Pos.Col, a.Text)
			} else {
				fmt.Fprintf(b, " %d:%s", a.Pos.Col, a.Text)
			}
		}
		if n.Expr != "" {
			end := strings.Count(n.Expr, "\n") + 1
			first, last := n.ExprPos(1, 0), n.ExprPos(end, 0)
			fmt.Fprintf(b, " expr@%d:%d-%d:%d %q", first.Line, first.Col, last.Line, last.Col, n.Expr)
		}
		b.WriteByte('\n')
		dump(n.Children, depth+1, b)
	}
}

func TestGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/policy.txt")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("policy.txt", src, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	dump(f.Nodes, 0, &b)
	golden.Check(t, "testdata/policy.golden", b.String(), *update)
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src, want, reason string
	}{
		{"unterminated", "message \"oops\n", "x.txt:1:9: unterminated string\n\tmessage \"oops\n\t        ^",
			"a string closes on its line"},
		{"bad escape", `message "a\qb"`, "x.txt:1:9: bad string \"a\\qb\": invalid syntax\n\tmessage \"a\\qb\"\n\t        ^",
			"Go escapes only"},
		{"glued string", `rule x"y"`, "x.txt:1:7: want a space before a string\n\trule x\"y\"\n\t      ^",
			"strings stand apart"},
		{"mixed indent", "a\n  b\n\tc\n", "x.txt:3:1: indentation mixes tabs and spaces\n\t\tc\n\t^",
			"one file, one kind of indentation"},
		{"all errors", "m \"x\nn \"y\n", "x.txt:1:3: unterminated string\n\tm \"x\n\t  ^\nx.txt:2:3: unterminated string\n\tn \"y\n\t  ^",
			"every error is reported, not only the first"},
		{"unicode column", "règle \"é", "x.txt:1:7: unterminated string\n\trègle \"é\n\t      ^",
			"columns count runes"},
		{"too deep", "a\n b\n  c\n   d\n", "x.txt:4:4: directives nest more than 3 deep\n\t   d\n\t   ^",
			"nesting is bounded"},
		{"long line", "message \"" + strings.Repeat("a", 150) + "\\q" + strings.Repeat("b", 150) + "\"",
			"x.txt:1:9: bad string \"" + strings.Repeat("a", 99) + "…: invalid syntax\n\tmessage \"" + strings.Repeat("a", 99) + "…\n\t        ^",
			"a long line is cut at the caret's window, and so is a string the message quotes"},
		{"invalid utf8", "a\nb \xff\n", "x.txt:2:3: file is not valid UTF-8: byte 0xff", "files are UTF-8; the error points at the bad byte"},
		{"invalid utf8 after letters", "a\nbé\xc3(\n", "x.txt:2:3: file is not valid UTF-8: byte 0xc3", "columns count characters, not bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opts
			o.MaxDepth = 3
			_, err := Parse("x.txt", []byte(tt.src), o)
			if err == nil {
				t.Fatalf("no error; want %q (%s)", tt.want, tt.reason)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s\n(%s)", err, tt.want, tt.reason)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Error("errors.Is(err, ErrSyntax) = false")
			}
		})
	}
}

func TestLimits(t *testing.T) {
	_, err := Parse("big.txt", make([]byte, 100), Options{MaxBytes: 10})
	if err == nil || err.Error() != "big.txt:1:1: file is 100 bytes, more than the limit of 10" {
		t.Errorf("err = %v", err)
	}
}

func TestFileErrorf(t *testing.T) {
	f, err := Parse("p.txt", []byte("rule x\n  when reply.hostle\n"), opts)
	if err != nil {
		t.Fatal(err)
	}
	w := f.Nodes[0].Children[0]
	e := f.Errorf(w.ExprPos(1, 6), "unknown field %q", "hostle")
	want := "p.txt:2:14: unknown field \"hostle\"\n\t  when reply.hostle\n\t             ^"
	if got := (Errors{e}).Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func FuzzParse(f *testing.F) {
	src, _ := os.ReadFile("testdata/policy.txt")
	f.Add(src)
	f.Add([]byte("a \"\\\"\" b\n\tc\n  d # e\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("fuzz.txt", src, opts)
		if file == nil {
			t.Fatal("nil file")
		}
		if err != nil {
			var list Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty Errors", err)
			}
			for _, e := range list {
				if e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Fatalf("bad position %v", e.Pos)
				}
			}
		}
	})
}

// TestExprComments checks where a '#' in an expression starts a comment:
// after a space, outside quotes and outside brackets, so that expr's own
// '#' (a predicate's element) stays code wherever a predicate can be.
func TestExprComments(t *testing.T) {
	tests := []struct {
		name, src, want, reason string
	}{
		{"trailing", "when reply.hostile   # the barman", "reply.hostile", "a comment after the expression"},
		{"element", "when any(reply.words, # > 1)", "any(reply.words, # > 1)", "a predicate's element after a space"},
		{"accumulator", "when reduce(1..3, #acc + #, 0) > 1 # sum", "reduce(1..3, #acc + #, 0) > 1", "#acc and # in brackets, the comment after them"},
		{"quoted", `when reply.text contains " #1"`, `reply.text contains " #1"`, "a '#' in a string"},
		{"continued", "when any(reply.words,\n    # > 1) # words\n", "any(reply.words,\n# > 1)", "brackets open on the line above"},
		{"closed", "when (reply.hostile)\n    && true # both\n", "(reply.hostile)\n&& true", "brackets closed on the line above"},
	}
	for _, tt := range tests {
		f, err := Parse("x.txt", []byte(tt.src), opts)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := f.Nodes[0].Expr; got != tt.want {
			t.Errorf("%s: expr %q, want %q (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}

// TestManyErrors checks that a file of many bad lines is told by its first
// problems and a count, not by an error as large as the file.
func TestManyErrors(t *testing.T) {
	src := strings.Repeat("rule\n\t  x\n", 150) // each second line mixes tabs and spaces
	_, err := Parse("x.txt", []byte(src), opts)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 150 {
		t.Fatalf("err = %v; want 150 errors", err)
	}
	msg := err.Error()
	if !strings.HasSuffix(msg, "\n(and 50 more errors)") || strings.Count(msg, "indentation mixes") != maxShown {
		t.Errorf("message of %d bytes ends %q; want %d errors and a count", len(msg), msg[max(0, len(msg)-40):], maxShown)
	}
}
