package ethics

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/internal/cond"
	"github.com/rapportkit/rapport/internal/syntax"
	"golang.org/x/text/language"
)

// A Policy is a compiled ethics policy: principles, each with rules whose
// conditions are expr expressions over [Env], and the tests written in the
// file. Build one with [Parse] or [Default]. A Policy is immutable and safe
// for concurrent use; the zero value is an empty policy that passes every
// conversation.
type Policy struct {
	name, title string
	rules       []*rule
	tests       []*Test
	principles  []principle
	limits      limits
}

type principle struct {
	id, title string
}

// A Scope says which turns of a conversation a rule of a policy, or a
// criterion of a rubric, looks at. The zero value is EveryReply.
type Scope uint8

// The scopes, as files name them.
const (
	EveryReply        Scope = iota // every-reply: every reply, each on its own
	FirstReply                     // first-reply: the company's first reply, the first impression
	LastReply                      // last-reply: the last reply, a bot's draft
	WholeConversation              // conversation: the conversation as a whole, once
)

var scopeNames = [...]string{EveryReply: "every-reply", FirstReply: "first-reply", LastReply: "last-reply", WholeConversation: "conversation"}

// String returns the scope's name in files: "every-reply", "first-reply",
// "last-reply" or "conversation".
func (s Scope) String() string {
	if int(s) < len(scopeNames) {
		return scopeNames[s]
	}
	return fmt.Sprintf("Scope(%d)", s)
}

// ParseScope returns the scope a file names, or an error that lists the
// names.
func ParseScope(name string) (Scope, error) {
	if i := slices.Index(scopeNames[:], name); i >= 0 {
		return Scope(i), nil
	}
	return 0, fmt.Errorf("unknown scope %q (want first-reply, every-reply, last-reply or conversation)", name)
}

// enforcement says what a finding of a rule does to the verdict.
type enforcement uint8

const (
	enforceWarn  enforcement = iota // the verdict is at least warn
	enforceBlock                    // the verdict is block
	enforceAudit                    // recorded; the verdict does not change
)

var enforcementNames = [...]string{enforceWarn: "warn", enforceBlock: "block", enforceAudit: "audit"}

// A rule is one compiled rule.
type rule struct {
	id, name, principle string
	pos                 syntax.Pos
	severity            rapport.Severity
	enforce             enforcement
	scope               Scope
	appliesTo           []rapport.Status // empty: every customer
	whenSrc             string
	when                *cond.Program
	whenAt              cond.At     // where the condition is in the file, for run-time errors
	why                 []cond.Part // the parts of the condition, for explanations
	refs                cond.Refs   // what the condition looks at, for the spans of a finding
	message             cond.Template
	suggest             []suggestion // the first without a language is the default
}

type suggestion struct {
	lang language.Base // the zero Base for the default
	text cond.Template
}

// limits bound what a policy may cost.
type limits struct {
	maxNodes     uint
	memoryBudget uint
}

// An Option configures Parse.
type Option func(*limits)

// MaxNodes bounds the size of every expression in the policy, in syntax
// tree nodes (default 500). Policies from untrusted tenants should keep it
// small.
func MaxNodes(n uint) Option { return func(l *limits) { l.maxNodes = n } }

// MemoryBudget bounds the memory units an expression may allocate when it
// runs (ranges, arrays, maps; default 100,000); an expression that exceeds
// it fails with an error instead of running on.
func MemoryBudget(n uint) Option { return func(l *limits) { l.memoryBudget = n } }

// Name returns the policy's name, from its policy line.
func (p *Policy) Name() string { return p.name }

// Title returns the policy's title.
func (p *Policy) Title() string { return p.title }

// Rules returns the ids of the policy's rules ("principle/rule"), in order.
func (p *Policy) Rules() []string {
	ids := make([]string, len(p.rules))
	for i, r := range p.rules {
		ids[i] = r.id
	}
	return ids
}

// Verdict returns the verdict a finding of the named rule brings: Block,
// Warn, or Pass for a rule that only audits. ok is false when the policy
// has no such rule. A program that judges one reply of a conversation (a
// bot's draft) takes the worst verdict of that reply's findings.
func (p *Policy) Verdict(rule string) (v Verdict, ok bool) {
	for _, r := range p.rules {
		if r.id == rule {
			return verdictOf(r, true), true
		}
	}
	return Pass, false
}

// Subset returns a policy with only the named rules ("principle/rule"), in
// the policy's order, with its name, title and limits and none of its tests:
// a cheaper policy for a caller that needs a few rules' findings (a rubric's
// fired() calls, a guard that blocks on respect alone). An unknown name is
// an error naming it. The policy p is unchanged.
func (p *Policy) Subset(rules ...string) (*Policy, error) {
	for _, id := range rules {
		if !slices.ContainsFunc(p.rules, func(r *rule) bool { return r.id == id }) {
			return nil, fmt.Errorf("ethics: policy %q has no rule %q", p.name, id)
		}
	}
	sub := &Policy{name: p.name, title: p.title, principles: p.principles, limits: p.limits}
	for _, r := range p.rules {
		if slices.Contains(rules, r.id) {
			sub.rules = append(sub.rules, r)
		}
	}
	return sub, nil
}

// Parse reads and compiles a policy file. name is used in error messages.
// Every problem is reported, as syntax.Errors-style lines
// "name:line:col: message" followed by the line and a caret; the error
// matches ErrPolicy with errors.Is. Parse never panics.
func Parse(name string, src []byte, opts ...Option) (*Policy, error) {
	lim := limits{maxNodes: 500, memoryBudget: 100_000}
	for _, o := range opts {
		o(&lim)
	}
	f, err := syntax.Parse(name, src, syntax.Options{ExprKeywords: []string{"when"}})
	c := compiler{f: f, p: &Policy{limits: lim}, Compiler: cond.Compiler{File: f, Env: Env{}, MaxNodes: lim.maxNodes}}
	if err != nil {
		c.Errs = append(c.Errs, err.(syntax.Errors)...)
	}
	c.file()
	if len(c.Errs) > 0 {
		c.Errs.Sort()
		return nil, &Error{c.Errs}
	}
	return c.p, nil
}

// MustParse is like Parse but panics on error. It is for policies written
// into a program, at package initialisation.
func MustParse(name string, src []byte, opts ...Option) *Policy {
	p, err := Parse(name, src, opts...)
	if err != nil {
		panic(err)
	}
	return p
}

// ErrPolicy is matched by errors.Is for every error Parse returns.
var ErrPolicy = errors.New("ethics: bad policy")

// Error is the error Parse returns: every problem in the file.
type Error struct {
	Errs syntax.Errors
}

func (e *Error) Error() string { return e.Errs.Error() }

// Is makes errors.Is(err, ErrPolicy) true.
func (e *Error) Is(target error) bool { return target == ErrPolicy }

type compiler struct {
	f *syntax.File
	p *Policy
	cond.Compiler
}

func (c *compiler) file() {
	seenPolicy := false
	for _, n := range c.f.Nodes {
		switch n.Keyword {
		case "policy":
			if seenPolicy {
				c.Errorf(n.Pos, "a second policy line; a file holds one policy")
				continue
			}
			seenPolicy = true
			c.policyLine(n)
		case "principle":
			c.principle(n)
		case "test":
			c.test(n)
		default:
			c.Errorf(n.Pos, "unknown directive %q at the top level (want policy, principle or test)", n.Keyword)
		}
	}
	if !seenPolicy && len(c.f.Nodes) > 0 {
		c.Errorf(c.f.Nodes[0].Pos, "missing policy line: start the file with: policy <name> \"<title>\"")
	}
	if len(c.f.Nodes) == 0 && len(c.Errs) == 0 { // a file too large or not UTF-8 is not also empty
		c.Errorf(syntax.Pos{File: c.f.Name, Line: 1, Col: 1}, "empty policy: start the file with: policy <name> \"<title>\"")
	}
	c.checkTests()
}

func (c *compiler) policyLine(n *syntax.Node) {
	if len(n.Args) == 0 || n.Args[0].Quoted || !isIdent(n.Args[0].Text) {
		c.Errorf(n.Pos, "want: policy <name> \"<title>\"")
		return
	}
	c.p.name = n.Args[0].Text
	if len(n.Args) > 1 {
		c.p.title = n.Args[1].Text
	}
	if len(n.Args) > 2 {
		c.Errorf(n.Args[2].Pos, "unexpected %q after the title", n.Args[2].Text)
	}
	c.noChildren(n)
}

func (c *compiler) noChildren(n *syntax.Node) {
	if len(n.Children) > 0 {
		c.Errorf(n.Children[0].Pos, "%s takes no indented lines", n.Keyword)
	}
}

// isIdent reports whether s is a name: letters, digits, '-' and '_',
// starting with a letter.
func isIdent(s string) bool {
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || i > 0 && (r >= '0' && r <= '9' || r == '-')
		if !ok {
			return false
		}
	}
	return s != ""
}

func (c *compiler) principle(n *syntax.Node) {
	if len(n.Args) == 0 || n.Args[0].Quoted || !isIdent(n.Args[0].Text) {
		c.Errorf(n.Pos, "want: principle <name> \"<title>\"")
		return
	}
	pr := principle{id: n.Args[0].Text}
	if len(n.Args) > 1 {
		pr.title = n.Args[1].Text
	}
	for _, prev := range c.p.principles {
		if prev.id == pr.id {
			c.Errorf(n.Args[0].Pos, "principle %q is defined twice", pr.id)
		}
	}
	c.p.principles = append(c.p.principles, pr)
	for _, ch := range n.Children {
		if ch.Keyword != "rule" {
			c.Errorf(ch.Pos, "unknown directive %q in a principle (want rule)", ch.Keyword)
			continue
		}
		c.rule(pr.id, ch)
	}
}

func (c *compiler) rule(principle string, n *syntax.Node) {
	if len(n.Args) == 0 || n.Args[0].Quoted || !isIdent(n.Args[0].Text) {
		c.Errorf(n.Pos, "want: rule <name> [info|minor|major|critical] [block|warn|audit]")
		return
	}
	r := &rule{name: n.Args[0].Text, principle: principle, pos: n.Pos, severity: rapport.Major, enforce: enforceWarn}
	r.id = principle + "/" + r.name
	for _, prev := range c.p.rules {
		if prev.id == r.id {
			c.Errorf(n.Args[0].Pos, "rule %q is defined twice (first at line %d)", r.id, prev.pos.Line)
		}
	}
	var severitySet, enforceSet bool
	for _, a := range n.Args[1:] {
		if s, err := rapport.ParseSeverity(a.Text); err == nil && !a.Quoted {
			if severitySet {
				c.Errorf(a.Pos, "a second severity %q in a rule line: give one", a.Text)
			}
			r.severity, severitySet = s, true
		} else if e := slices.Index(enforcementNames[:], a.Text); e >= 0 && !a.Quoted {
			if enforceSet {
				c.Errorf(a.Pos, "a second enforcement %q in a rule line: give one", a.Text)
			}
			r.enforce, enforceSet = enforcement(e), true
		} else {
			c.Errorf(a.Pos, "unknown word %q in a rule line (want a severity: info, minor, major, critical; or an enforcement: block, warn, audit)", a.Text)
		}
	}
	seen := map[string]bool{}
	for _, ch := range n.Children {
		if seen[ch.Keyword] && slices.Contains(onceInRule, ch.Keyword) {
			c.Errorf(ch.Pos, "%s given twice in rule %q", ch.Keyword, r.id)
			continue
		}
		seen[ch.Keyword] = true
		switch ch.Keyword {
		case "scope":
			c.scope(r, ch)
		case "applies-to":
			c.appliesTo(r, ch)
		case "when":
			c.when(r, ch)
		case "message":
			if _, ok := c.oneString(ch); ok {
				r.message = c.Template(ch.Args[0])
			}
		case "suggest":
			c.suggest(r, ch)
		default:
			c.Errorf(ch.Pos, "unknown directive %q in a rule (want scope, applies-to, when, message or suggest)", ch.Keyword)
		}
		c.noChildren(ch)
	}
	if !seen["when"] {
		c.Errorf(n.Pos, "rule %q has no when line: say when it fires", r.id)
	}
	if !seen["message"] {
		r.message = cond.Text("rule " + r.id)
	}
	c.p.rules = append(c.p.rules, r)
}

// onceInRule are the directives a rule has at most once; suggest may come
// once per language.
var onceInRule = []string{"scope", "applies-to", "when", "message"}

func (c *compiler) oneString(n *syntax.Node) (string, bool) {
	if len(n.Args) != 1 || !n.Args[0].Quoted {
		c.Errorf(n.Pos, "want: %s \"<text>\"", n.Keyword)
		return "", false
	}
	return n.Args[0].Text, true
}

func (c *compiler) scope(r *rule, n *syntax.Node) {
	if len(n.Args) != 1 || n.Args[0].Quoted {
		c.Errorf(n.Pos, "want: scope first-reply|every-reply|last-reply|conversation")
		return
	}
	sc, err := ParseScope(n.Args[0].Text)
	if err != nil {
		c.Errorf(n.Args[0].Pos, "%v", err)
		return
	}
	r.scope = sc
}

func (c *compiler) appliesTo(r *rule, n *syntax.Node) {
	if len(n.Args) == 0 {
		c.Errorf(n.Pos, "want: applies-to prospect|current|former ...")
	}
	for _, a := range n.Args {
		var s rapport.Status
		if err := s.UnmarshalText([]byte(a.Text)); err != nil || s == rapport.StatusUnknown {
			c.Errorf(a.Pos, "unknown customer status %q (want prospect, current or former)", a.Text)
			continue
		}
		r.appliesTo = append(r.appliesTo, s)
	}
}

func (c *compiler) suggest(r *rule, n *syntax.Node) {
	switch {
	case len(n.Args) == 1 && n.Args[0].Quoted:
		if slices.ContainsFunc(r.suggest, func(s suggestion) bool { return s.lang == language.Base{} }) {
			c.Errorf(n.Pos, "rule %q has two suggestions without a language", r.id)
			return
		}
		r.suggest = append(r.suggest, suggestion{text: c.Template(n.Args[0])})
	case len(n.Args) == 2 && !n.Args[0].Quoted && n.Args[1].Quoted:
		tag, err := language.Parse(n.Args[0].Text)
		if err != nil {
			c.Errorf(n.Args[0].Pos, "bad language tag %q: %v", n.Args[0].Text, err)
			return
		}
		base := baseOf(tag)
		if slices.ContainsFunc(r.suggest, func(s suggestion) bool { return s.lang == base }) {
			c.Errorf(n.Args[0].Pos, "rule %q has two suggestions in %s", r.id, base)
			return
		}
		r.suggest = append(r.suggest, suggestion{base, c.Template(n.Args[1])})
	default:
		c.Errorf(n.Pos, "want: suggest [<language>] \"<text>\"")
	}
}

func (c *compiler) when(r *rule, n *syntax.Node) {
	if strings.TrimSpace(n.Expr) == "" {
		c.Errorf(n.Pos, "want: when <condition>")
		return
	}
	r.whenSrc = n.Expr
	prog, ok := c.Compile(n.Expr, n.ExprPos, expr.AsBool())
	if !ok {
		return
	}
	r.when, r.whenAt = prog, n.ExprPos
	r.why, r.refs = c.Explain(n.Expr)
}
