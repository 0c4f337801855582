package ethics

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/expr-lang/expr/vm"
	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/greeting"
	"github.com/rapportkit/rapport/internal/cond"
	"golang.org/x/text/language"
)

// An EvalOption configures one evaluation, or a View.
type EvalOption func(*View)

// WithFacts gives rules the host program's facts, as the facts map:
// facts.vip, facts["order_status"]. The map is only read.
func WithFacts(facts map[string]any) EvalOption {
	return func(v *View) { v.facts = facts }
}

// WithChecker reads messages with the given greeting checker instead of the
// default one (a checker with the company's own phrase data).
func WithChecker(c *greeting.Checker) EvalOption {
	return func(v *View) { v.checker = c }
}

// Evaluate judges a conversation: each reply in a rule's scope is read once
// by the greeting checker, and every rule runs against it. The error is
// non-nil only when a rule failed at run time; the decision then still holds
// every other finding, and one finding per failure.
func (p *Policy) Evaluate(c rapport.Conversation, opts ...EvalOption) (Decision, error) {
	return p.EvaluateContext(context.Background(), c, opts...)
}

// EvaluateContext is Evaluate with a context that bounds the evaluation:
// when ctx is done, no further rule runs and the error says so, while the
// decision holds the findings so far. Each expression is also bounded by
// the policy's node and memory limits, so that a policy from an untrusted
// tenant cannot run away.
func (p *Policy) EvaluateContext(ctx context.Context, c rapport.Conversation, opts ...EvalOption) (Decision, error) {
	return p.EvaluateView(ctx, NewView(c, opts...))
}

// EvaluateView is EvaluateContext on a View, so that several policies share
// the reading of one conversation (a rubric file reads its conversation
// into a view of its own, shared by its policy and its criteria).
func (p *Policy) EvaluateView(ctx context.Context, e *View) (Decision, error) {
	c := e.c
	e.vm.MemoryBudget = p.limits.memoryBudget
	d := Decision{Policy: p.name, Findings: []rapport.Finding{}}
	var errs []error
	var replies []int
	for i := range c.Replies() {
		replies = append(replies, i)
	}
	turns := [...][]int{everyReply: replies, conversation: {-1}}
	if first := c.FirstReply(); first >= 0 {
		turns[firstReply] = []int{first}
		turns[lastReply] = []int{c.LastReply()}
	}
	for _, r := range p.rules {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("ethics: evaluation stopped before rule %s: %w", r.id, err))
			break
		}
		if len(r.appliesTo) > 0 && !slices.Contains(r.appliesTo, c.Customer.Status) {
			continue
		}
		for _, t := range turns[r.scope] {
			f, fired, err := e.run(r, t)
			if err != nil {
				errs = append(errs, err)
			}
			if fired || err != nil {
				d.Findings = append(d.Findings, f)
				d.Verdict = max(d.Verdict, verdictOf(r, err))
			}
		}
	}
	e.sortFindings(d.Findings)
	return d, errors.Join(errs...)
}

// verdictOf returns the verdict a finding of r brings.
func verdictOf(r *rule, err error) Verdict {
	switch {
	case err != nil:
		return Warn // a rule that cannot run is a warning, whatever it enforces
	case r.enforce == enforceBlock:
		return Block
	case r.enforce == enforceWarn:
		return Warn
	}
	return Pass
}

// A View is a conversation as rules see it: each message read once by the
// greeting checker, and the environment of each reply built once, shared
// by every rule, policy and rubric evaluated on it. A View is not safe for
// concurrent use.
type View struct {
	c       *rapport.Conversation
	checker *greeting.Checker
	facts   map[string]any
	vm      vm.VM
	reports []greeting.Report // by turn, each read once: see read
	read    []bool
	envs    []*Env // by turn + 1: the whole conversation first
	// inputs holds each of envs as a value in an interface, what
	// expressions run against: fields read from a value that is not
	// addressable need no copy, so reading one allocates nothing.
	inputs []any
	conv   *Conversation
	why    [][]why // by turn + 1: the explanations of conditions' parts, each computed once
}

// A why is the explanation of a part of a condition.
type why struct {
	prog *vm.Program // the part's program, shared by every rule with the part
	text string
}

// NewView prepares a conversation for evaluation. Options WithFacts and
// WithChecker apply to everything evaluated on the view.
func NewView(c rapport.Conversation, opts ...EvalOption) *View {
	v := &View{c: &c, checker: greeting.Default()}
	for _, o := range opts {
		o(v)
	}
	v.reports, v.read = make([]greeting.Report, len(c.Messages)), make([]bool, len(c.Messages))
	v.envs = make([]*Env, len(c.Messages)+1)
	v.inputs = make([]any, len(c.Messages)+1)
	v.why = make([][]why, len(c.Messages)+1)
	return v
}

// Conversation returns the conversation the view reads.
func (e *View) Conversation() *rapport.Conversation { return e.c }

// Report returns the greeting report of message i, reading it on first
// use, or nil when i is out of range.
func (e *View) Report(i int) *greeting.Report {
	if i < 0 || i >= len(e.c.Messages) {
		return nil
	}
	return e.report(i)
}

// Env returns the environment rules see for the reply at turn; -1, or a
// turn out of range, gives the environment of the whole conversation (reply
// is then the last reply). The result is shared: do not modify it.
func (e *View) Env(turn int) *Env {
	if turn < 0 || turn >= len(e.c.Messages) {
		turn = -1
	}
	return e.env(turn)
}

// report returns the greeting report of message i, reading it on first
// use in its language: its own tag; for a reply without one, the language
// its text is written in when that is clear (an agent may answer in the
// wrong language); then the customer's locale; then detection.
func (e *View) report(i int) *greeting.Report {
	if !e.read[i] {
		switch m := e.c.Messages[i]; {
		case m.Lang != language.Und:
			e.reports[i] = e.checker.Check(m.Text, m.Lang)
		case m.Role.IsReply():
			e.reports[i] = e.checker.CheckOr(m.Text, e.c.Customer.Locale)
		default:
			e.reports[i] = e.checker.Check(m.Text, e.c.Customer.Locale)
		}
		e.read[i] = true
	}
	return &e.reports[i]
}

// env returns the environment for the reply at turn (-1: the conversation).
func (e *View) env(turn int) *Env {
	if env := e.envs[turn+1]; env != nil {
		return env
	}
	c := e.c
	env := &Env{Facts: e.facts, Conversation: e.conversation()}
	reply := turn
	if turn < 0 {
		reply = c.LastReply()
	}
	env.Reply, env.Previous = noMessage(), noMessage()
	env.Customer = Customer{ID: c.Customer.ID, Name: c.Customer.Name, Status: c.Customer.Status.String(), LocalHour: -1}
	if c.Customer.Locale != language.Und {
		env.Customer.Locale = c.Customer.Locale.String()
	}
	if reply >= 0 {
		env.Reply = newMessage(c, reply, e.report(reply))
		env.Customer.Waited = c.Waited(reply)
		if h, ok := c.LocalHour(reply); ok {
			env.Customer.LocalHour = h
		}
		env.Conversation.FirstReply = reply == c.FirstReply()
		env.Conversation.LastReply = reply == c.LastReply()
		if prev := c.Answering(reply); prev >= 0 {
			env.Previous = newMessage(c, prev, e.report(prev))
			env.Reply.TakesUp = env.Reply.report.TakesUp(env.Previous.report)
		}
	}
	e.envs[turn+1], e.inputs[turn+1] = env, *env
	return env
}

// conversation returns what the rules know of the conversation as a whole.
func (e *View) conversation() Conversation {
	if e.conv == nil {
		c := e.c
		conv := Conversation{ID: c.ID, Channel: string(c.Channel), Public: c.Public, Turns: len(c.Messages)}
		for i := range c.Replies() {
			conv.Replies++
			if e.report(i).Hostile {
				conv.HostileReplies++
			}
			conv.MaxWaited = max(conv.MaxWaited, c.Waited(i))
		}
		e.conv = &conv
	}
	return *e.conv
}

// run evaluates rule r on the reply at turn.
func (e *View) run(r *rule, turn int) (f rapport.Finding, fired bool, err error) {
	f = rapport.Finding{Rule: r.id, Principle: r.principle, Severity: r.severity, Turn: turn}
	env := e.env(turn)
	in := e.inputs[turn+1]
	out, err := e.vm.Run(r.when, in)
	if err != nil {
		re := cond.Locate(err, r.whenAt)
		f.Message = "rule " + r.id + " failed: " + re.Msg
		return f, false, fmt.Errorf("ethics: %w", cond.Failed(re, fmt.Sprintf("rule %s at turn %d", r.id, turn)))
	}
	if fired, _ = out.(bool); !fired {
		return f, false, nil
	}
	msg, err := r.message.Render(in, &e.vm)
	if err != nil {
		return f, true, fmt.Errorf("ethics: %w", cond.Failed(err, fmt.Sprintf("message of rule %s at turn %d", r.id, turn)))
	}
	f.Message = msg
	f.Suggestion, err = e.suggestion(r, env, in)
	if err != nil {
		return f, true, fmt.Errorf("ethics: %w", cond.Failed(err, fmt.Sprintf("suggestion of rule %s at turn %d", r.id, turn)))
	}
	f.Why = make([]string, 0, len(r.why))
	for _, p := range r.why {
		if why, ok := e.explain(p, turn, in); ok {
			f.Why = append(f.Why, why)
		}
	}
	if rep := env.Reply.report; rep != nil && turn >= 0 {
		f.Spans = spansOf(rep, r.refs)
	}
	return f, true, nil
}

// explain returns the explanation of a part of a condition at a turn:
// "customer.waited = 4m30s". Rules share parts (reply.has("apology")), and
// a part has one value per turn, so each is run once.
func (e *View) explain(p cond.Part, turn int, in any) (string, bool) {
	for _, w := range e.why[turn+1] {
		if w.prog == p.Prog {
			return w.text, true
		}
	}
	v, err := e.vm.Run(p.Prog, in)
	if err != nil {
		return "", false
	}
	text := cond.Why(p, v)
	e.why[turn+1] = append(e.why[turn+1], why{p.Prog, text})
	return text, true
}

// suggestion renders the suggestion in the reply's language if the rule has
// one, else the default; in is env as expressions see it.
func (e *View) suggestion(r *rule, env *Env, in any) (string, error) {
	if len(r.suggest) == 0 {
		return "", nil
	}
	pick := -1
	if base := env.Reply.base; base != (language.Base{}) {
		pick = slices.IndexFunc(r.suggest, func(s suggestion) bool { return s.lang == base })
	}
	if pick < 0 {
		pick = slices.IndexFunc(r.suggest, func(s suggestion) bool { return s.lang == language.Base{} })
	}
	if pick < 0 {
		pick = 0
	}
	return r.suggest[pick].text.Render(in, &e.vm)
}

// baseOf returns the base language of a tag, the zero Base for
// language.Und.
func baseOf(tag language.Tag) language.Base {
	if tag == language.Und {
		return language.Base{}
	}
	b, _ := tag.Base()
	return b
}

// spansOf returns the spans of the markers a rule looked at.
func spansOf(r *greeting.Report, refs cond.Refs) []rapport.Span {
	var spans []rapport.Span
	for _, m := range r.Markers {
		if refs.Hostile && m.Strategy.Hostile() || slices.Contains(refs.Strategies, m.Strategy) {
			spans = append(spans, m.Span)
		}
	}
	return spans
}

// sortFindings orders findings by turn, whole-conversation findings last;
// within a turn they keep the order of the rules.
func (e *View) sortFindings(fs []rapport.Finding) {
	slices.SortStableFunc(fs, func(a, b rapport.Finding) int {
		ta, tb := a.Turn, b.Turn
		if ta < 0 {
			ta = len(e.c.Messages)
		}
		if tb < 0 {
			tb = len(e.c.Messages)
		}
		return ta - tb
	})
}
