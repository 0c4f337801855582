package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport"
)

func TestCredit(t *testing.T) {
	msg := func(role rapport.Role, author string) rapport.Message {
		return rapport.Message{Role: role, Author: author}
	}
	cust := msg(rapport.RoleCustomer, "")
	tests := []struct {
		name, reason string
		msgs         []rapport.Message
		agent        string
		all          []string
	}{
		{"one agent", "the only author, with no list", []rapport.Message{cust, msg(rapport.RoleAgent, "ana"), cust, msg(rapport.RoleAgent, "ana")},
			"ana", nil},
		{"most replies", "the author of most replies",
			[]rapport.Message{cust, msg(rapport.RoleAgent, "ana"), msg(rapport.RoleAgent, "bo"), cust, msg(rapport.RoleAgent, "bo")},
			"bo", []string{"ana", "bo"}},
		{"bot hands over", "on a tie, the one who replied last: the agent who took over from the bot",
			[]rapport.Message{cust, msg(rapport.RoleBot, "helpbot"), cust, msg(rapport.RoleAgent, "ana")},
			"ana", []string{"helpbot", "ana"}},
		{"tie, interleaved", "on a tie, the one whose last reply is later",
			[]rapport.Message{cust, msg(rapport.RoleAgent, "bo"), msg(rapport.RoleAgent, "ana"), cust, msg(rapport.RoleAgent, "bo")},
			"bo", []string{"bo", "ana"}},
		{"no author", "replies without an author are one unnamed agent",
			[]rapport.Message{cust, msg(rapport.RoleAgent, ""), cust, msg(rapport.RoleAgent, "")},
			unnamed, nil},
		{"no reply", "nobody to credit", []rapport.Message{cust, cust}, noReply, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			agent, all := credit(&rapport.Conversation{Messages: tt.msgs})
			if agent != tt.agent || !cmp.Equal(all, tt.all) {
				t.Errorf("credit = %q, %q; want %q, %q: %s", agent, all, tt.agent, tt.all, tt.reason)
			}
		})
	}
}

// gotLine is a line as the test compares it.
type gotLine struct {
	n       int
	text    string
	tooLong int
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct {
		name, reason string
		in           string
		max          int
		want         []gotLine
	}{
		{"plain", "one line each", "a\nbb\n", 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, text: "bb"}}},
		{"no final newline", "the end of the input ends the last line", "a\nbb", 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, text: "bb"}}},
		{"CRLF", "Windows line endings are not part of the line", "a\r\nbb\r\n", 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, text: "bb"}}},
		{"byte order mark", "dropped from the first line", "\uFEFFa\n\uFEFFb\n", 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, text: "\uFEFFb"}}},
		{"blank lines", "skipped, but counted", "\n  \t\na\n\r\n\nb\n", 10,
			[]gotLine{{n: 3, text: "a"}, {n: 6, text: "b"}}},
		{"exactly max", "a line of max bytes is accepted", "abc\r\nd\n", 3,
			[]gotLine{{n: 1, text: "abc"}, {n: 2, text: "d"}}},
		{"too long", "reported with its length, without its text, and the next line is whole",
			"a\n" + long + "\r\nb\n", 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, tooLong: 100}, {n: 3, text: "b"}}},
		{"too long at the end", "no newline after it", "a\n" + long, 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, tooLong: 100}}},
		{"too long, past the buffer", "a long line is skipped in fragments", "a\n" + strings.Repeat("z", 70<<10) + "\nb", 1000,
			[]gotLine{{n: 1, text: "a"}, {n: 2, tooLong: 70 << 10}, {n: 3, text: "b"}}},
		{"longer than the buffer", "lines past bufio's buffer are read whole", "a\n" + strings.Repeat("y", 70<<10) + "\nb", 100 << 10,
			[]gotLine{{n: 1, text: "a"}, {n: 2, text: strings.Repeat("y", 70<<10)}, {n: 3, text: "b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte a read, so that fragments end anywhere; but not
			// for the long line, which would take seconds under -race.
			var in io.Reader = strings.NewReader(tt.in)
			if len(tt.in) < 1000 {
				in = iotest.OneByteReader(in)
			}
			lr := newLineReader(in, tt.max)
			var got []gotLine
			for {
				ln, ok := lr.next()
				if !ok {
					break
				}
				got = append(got, gotLine{n: ln.n, text: string(ln.text), tooLong: ln.tooLong})
			}
			if lr.err != nil {
				t.Fatal(lr.err)
			}
			if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(gotLine{})); d != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, d)
			}
		})
	}
}

// TestReadError checks that a failing input is fatal, after the lines read
// before it are scored.
func TestReadError(t *testing.T) {
	sample, err := readLines("testdata/sample.jsonl", 2)
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk on fire")
	for _, workers := range []int{1, 3} {
		sc, _ := load("", "")
		rv := newReview(sc, "in.jsonl", 3)
		var out, errs bytes.Buffer
		in := io.MultiReader(strings.NewReader(sample), iotest.ErrReader(boom))
		err := rv.process(in, 1<<20, workers, &out, &errs, nil)
		if !errors.Is(err, boom) || err.Error() != "in.jsonl:3: disk on fire" {
			t.Errorf("workers %d: error %v, want in.jsonl:3: disk on fire", workers, err)
		}
		if n := strings.Count(out.String(), "\n"); n != 2 || rv.scored != 2 {
			t.Errorf("workers %d: %d scorecards written, %d scored; want the 2 lines before the error", workers, n, rv.scored)
		}
	}
}

// readLines returns the first n lines of a file, each with its newline.
func readLines(path string, n int) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	ls := strings.SplitAfter(string(b), "\n")
	return strings.Join(ls[:n], ""), nil
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, on: true, every: 2} // no clock: by count only
	for i := 1; i <= 5; i++ {
		p.update(i, 0)
	}
	p.clear() // before a message about a bad line
	buf.WriteString("in:6: skipped\n")
	p.clear() // nothing to clear
	p.done(5, 1)
	want := "\rreview: 2 conversations, 0 bad lines\rreview: 4 conversations, 0 bad lines" +
		"\r" + strings.Repeat(" ", len("review: 4 conversations, 0 bad lines")) + "\r" + "in:6: skipped\n" +
		"\rreview: 5 conversations, 1 bad lines\n"
	if d := cmp.Diff(want, buf.String()); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}

	// Off, or not a terminal: nothing at all.
	buf.Reset()
	off := newProgress(&buf, false)
	off.update(1000, 0)
	off.done(1000, 0)
	var none *progress
	none.update(1000, 0)
	none.done(1000, 0)
	if buf.Len() != 0 || isTerminal(&buf) {
		t.Errorf("an off progress printed %q", buf.String())
	}
}
