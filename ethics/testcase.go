package ethics

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/internal/syntax"
	"golang.org/x/text/language"
)

// A Test is a test written in a policy file: a conversation and the rules
// expected to fire on it.
//
//	test "the barman's answer"
//	  public
//	  customer at 08:30 "One espresso, please."
//	  agent at 08:35:20 "I'm working, you have to wait like all others!"
//	  expect respect/no-hostility
//
// Lines of a test: public; channel <word>; status prospect|current|former;
// name "<customer name>"; locale <tag>; offset <±hh:mm> (the customer's time
// zone for the times that follow, +00:00 by default); fact <key> <value>
// (true, false, a number, a duration such as 3m, or a quoted string);
// customer|agent|bot [at hh:mm[:ss]] [lang <tag>] [author <id>] "<text>";
// expect <rule>... or expect none; verdict pass|warn|block.
//
// Tests belong to their Policy and must not be modified; Run is safe for
// concurrent use.
type Test struct {
	Name         string
	Pos          syntax.Pos
	Conversation rapport.Conversation
	Facts        map[string]any
	Expect       []string // the rules expected to fire, in any order
	Verdict      *Verdict // the verdict expected, if the test says
	expectPos    []syntax.Pos
}

// A TestResult is the outcome of one test, a plain value owned by its
// caller.
type TestResult struct {
	Test     *Test
	Decision Decision
	Err      error    // a rule failed at run time
	Got      []string // the rules that fired, sorted
	Want     []string // the rules expected, sorted
}

// Passed reports whether the rules expected fired and no others, the verdict
// is the one expected, and no rule failed.
func (r TestResult) Passed() bool {
	return r.Err == nil && slices.Equal(r.Got, r.Want) && (r.Test.Verdict == nil || *r.Test.Verdict == r.Decision.Verdict)
}

// Tests returns the tests written in the policy file, in order.
func (p *Policy) Tests() []*Test { return p.tests }

// Run evaluates the test's conversation with p.
func (t *Test) Run(p *Policy) TestResult {
	d, err := p.Evaluate(t.Conversation, WithFacts(t.Facts))
	got := d.Rules()
	slices.Sort(got)
	want := slices.Clone(t.Expect)
	slices.Sort(want)
	return TestResult{Test: t, Decision: d, Err: err, Got: got, Want: want}
}

// RunTests runs every test of the policy file.
func (p *Policy) RunTests() []TestResult {
	out := make([]TestResult, len(p.tests))
	for i, t := range p.tests {
		out[i] = t.Run(p)
	}
	return out
}

// Uncovered returns the rules that no result saw fire, in file order: the
// rules no test reaches.
func (p *Policy) Uncovered(results []TestResult) []string {
	fired := map[string]bool{}
	for _, r := range results {
		for _, id := range r.Got {
			fired[id] = true
		}
	}
	var ids []string
	for _, r := range p.rules {
		if !fired[r.id] {
			ids = append(ids, r.id)
		}
	}
	return ids
}

var clock = regexp.MustCompile(`^([01]?[0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$`)

// test reads a test block.
func (c *compiler) test(n *syntax.Node) {
	if len(n.Args) != 1 || !n.Args[0].Quoted {
		c.Errorf(n.Pos, "want: test \"<name>\"")
		return
	}
	t := &Test{Name: n.Args[0].Text, Pos: n.Pos}
	for _, prev := range c.p.tests {
		if prev.Name == t.Name {
			c.Errorf(n.Args[0].Pos, "test %q is defined twice", t.Name)
		}
	}
	conv := &t.Conversation
	zone := time.UTC
	day := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC) // a Monday
	for _, ch := range n.Children {
		c.noChildren(ch)
		args := ch.Args
		switch ch.Keyword {
		case "public":
			conv.Public = true
			c.noArgs(ch)
		case "channel":
			if a, ok := c.oneWord(ch); ok {
				if err := conv.Channel.UnmarshalText([]byte(a.Text)); err != nil {
					c.Errorf(a.Pos, "%v", err)
				}
			}
		case "status":
			if a, ok := c.oneWord(ch); ok {
				if err := conv.Customer.Status.UnmarshalText([]byte(a.Text)); err != nil || a.Text == "" {
					c.Errorf(a.Pos, "unknown customer status %q (want prospect, current or former)", a.Text)
				}
			}
		case "name":
			if s, ok := c.oneString(ch); ok {
				conv.Customer.Name = s
			}
		case "locale":
			if a, ok := c.oneWord(ch); ok {
				if tag, err := language.Parse(a.Text); err != nil {
					c.Errorf(a.Pos, "bad language tag %q: %v", a.Text, err)
				} else {
					conv.Customer.Locale = tag
				}
			}
		case "offset":
			if a, ok := c.oneWord(ch); ok {
				tm, err := time.Parse("-07:00", a.Text)
				if err != nil {
					c.Errorf(a.Pos, "bad offset %q (want a time zone offset such as +01:00)", a.Text)
					continue
				}
				_, secs := tm.Zone()
				zone = time.FixedZone(a.Text, secs)
			}
		case "fact":
			if len(args) != 2 || args[0].Quoted {
				c.Errorf(ch.Pos, "want: fact <key> <value>")
				continue
			}
			if t.Facts == nil {
				t.Facts = map[string]any{}
			}
			t.Facts[args[0].Text] = factValue(args[1])
		case "customer", "agent", "bot":
			c.testMessage(t, ch, day, zone)
		case "expect":
			if len(args) == 0 {
				c.Errorf(ch.Pos, "want: expect <principle/rule>... or expect none")
			}
			for _, a := range args {
				if a.Text == "none" && !a.Quoted && len(args) == 1 {
					continue
				}
				t.Expect = append(t.Expect, a.Text)
				t.expectPos = append(t.expectPos, a.Pos)
			}
		case "verdict":
			if a, ok := c.oneWord(ch); ok {
				var v Verdict
				if err := v.UnmarshalText([]byte(a.Text)); err != nil {
					c.Errorf(a.Pos, "unknown verdict %q (want pass, warn or block)", a.Text)
				} else {
					t.Verdict = &v
				}
			}
		default:
			c.Errorf(ch.Pos, "unknown directive %q in a test (want public, channel, status, name, locale, offset, fact, customer, agent, bot, expect or verdict)", ch.Keyword)
		}
	}
	c.p.tests = append(c.p.tests, t)
}

func (c *compiler) noArgs(n *syntax.Node) {
	if len(n.Args) > 0 {
		c.Errorf(n.Args[0].Pos, "%s takes no arguments", n.Keyword)
	}
}

func (c *compiler) oneWord(n *syntax.Node) (syntax.Arg, bool) {
	if len(n.Args) != 1 || n.Args[0].Quoted {
		c.Errorf(n.Pos, "want: %s <word>", n.Keyword)
		return syntax.Arg{}, false
	}
	return n.Args[0], true
}

// factValue reads a fact: true, false, a number, a duration, else a string.
func factValue(a syntax.Arg) any {
	if a.Quoted {
		return a.Text
	}
	switch a.Text {
	case "true":
		return true
	case "false":
		return false
	}
	if i, err := strconv.Atoi(a.Text); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(a.Text, 64); err == nil {
		return f
	}
	if d, err := time.ParseDuration(a.Text); err == nil {
		return d
	}
	return a.Text
}

// testMessage reads: customer|agent|bot [at hh:mm[:ss]] [lang <tag>] [author <id>] "<text>".
func (c *compiler) testMessage(t *Test, n *syntax.Node, day time.Time, zone *time.Location) {
	var m rapport.Message
	if err := m.Role.UnmarshalText([]byte(n.Keyword)); err != nil {
		c.Errorf(n.Pos, "%v", err)
		return
	}
	args := n.Args
	for len(args) > 0 && !args[0].Quoted {
		if len(args) < 2 {
			c.Errorf(args[0].Pos, "%q needs a value", args[0].Text)
			return
		}
		key, val := args[0], args[1]
		switch key.Text {
		case "at":
			g := clock.FindStringSubmatch(val.Text)
			if g == nil {
				c.Errorf(val.Pos, "bad time %q (want hh:mm or hh:mm:ss)", val.Text)
				return
			}
			h, _ := strconv.Atoi(g[1])
			mi, _ := strconv.Atoi(g[2])
			s, _ := strconv.Atoi(g[3] + "0")
			m.At = time.Date(day.Year(), day.Month(), day.Day(), h, mi, s/10, 0, zone)
		case "lang":
			tag, err := language.Parse(val.Text)
			if err != nil {
				c.Errorf(val.Pos, "bad language tag %q: %v", val.Text, err)
				return
			}
			m.Lang = tag
		case "author":
			m.Author = val.Text
		default:
			c.Errorf(key.Pos, "unknown word %q in a message line (want at, lang or author before the quoted text)", key.Text)
			return
		}
		args = args[2:]
	}
	if len(args) != 1 {
		c.Errorf(n.Pos, "want: %s [at hh:mm] [lang <tag>] [author <id>] \"<text>\"", n.Keyword)
		return
	}
	m.Text = args[0].Text
	t.Conversation.Messages = append(t.Conversation.Messages, m)
}

// checkTests reports tests that expect rules the policy does not have.
func (c *compiler) checkTests() {
	ids := map[string]bool{}
	for _, r := range c.p.rules {
		ids[r.id] = true
	}
	for _, t := range c.p.tests {
		for i, id := range t.Expect {
			if !ids[id] {
				c.Errorf(t.expectPos[i], "test %q expects rule %q, which the policy does not have", t.Name, id)
			}
		}
		if len(t.Conversation.Messages) == 0 {
			c.Errorf(t.Pos, "test %q has no messages", t.Name)
		}
	}
}

// String renders a test result for a person: the test, what was expected
// and what fired, with the findings.
func (r TestResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: test %q: want %v, got %v", r.Test.Pos, r.Test.Name, orNone(r.Want), orNone(r.Got))
	if r.Test.Verdict != nil && *r.Test.Verdict != r.Decision.Verdict {
		fmt.Fprintf(&b, "; verdict %v, want %v", r.Decision.Verdict, *r.Test.Verdict)
	}
	if r.Err != nil {
		fmt.Fprintf(&b, "; error: %v", r.Err)
	}
	for _, f := range r.Decision.Findings {
		j, _ := json.Marshal(f.Why)
		fmt.Fprintf(&b, "\n\tturn %d %s: %s %s", f.Turn, f.Rule, f.Message, j)
	}
	return b.String()
}

func orNone(ids []string) []string {
	if len(ids) == 0 {
		return []string{"none"}
	}
	return ids
}
