package ethics

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

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
// every finding, and the failures in Decision.Failures.
func (p *Policy) Evaluate(c rapport.Conversation, opts ...EvalOption) (Decision, error) {
	return p.EvaluateContext(context.Background(), c, opts...)
}

// EvaluateContext is Evaluate with a context that bounds the evaluation:
// when ctx is done, no further rule runs and the error says so, while the
// decision holds the findings so far. Each expression is also bounded by
// the policy's node and memory limits, so that a policy from an untrusted
// tenant cannot run away.
func (p *Policy) EvaluateContext(ctx context.Context, c rapport.Conversation, opts ...EvalOption) (Decision, error) {
	v := views.Get().(*View)
	defer views.Put(v)
	v.Reset(c, opts...)
	return p.EvaluateView(ctx, v)
}

// views keeps the views of evaluations for the next: a decision does not
// hold on to its view's memory.
var views = sync.Pool{New: func() any { return new(View) }}

// EvaluateView is EvaluateContext on a View, so that several policies share
// the reading of one conversation (a rubric file reads its conversation
// into a view of its own, shared by its policy and its criteria).
func (p *Policy) EvaluateView(ctx context.Context, e *View) (Decision, error) {
	e.ready()
	c := &e.c
	e.vm.MemoryBudget = p.limits.memoryBudget
	d := Decision{Policy: p.name, Findings: make([]rapport.Finding, 0, 4)}
	var errs []error
	for _, r := range p.rules {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("ethics: evaluation stopped before rule %s: %w", r.id, err))
			break
		}
		if len(r.appliesTo) > 0 && !slices.Contains(r.appliesTo, c.Customer.Status) {
			continue
		}
		for _, t := range e.Turns(r.scope) {
			f, fired, err := e.run(r, t)
			if err != nil {
				errs = append(errs, err)
			}
			switch {
			case fired:
				d.Findings = append(d.Findings, f)
			case err != nil:
				d.Failures = append(d.Failures, f)
			default:
				continue
			}
			d.Verdict = max(d.Verdict, verdictOf(r, fired))
		}
	}
	e.sortFindings(d.Findings)
	e.sortFindings(d.Failures)
	return d, errors.Join(errs...)
}

// runMsg returns what went wrong in an expression that failed, without
// where: the finding's message is read beside the rule.
func runMsg(err error) string {
	if re, ok := errors.AsType[*cond.RunError](err); ok {
		return re.Msg
	}
	return err.Error()
}

// verdictOf returns the verdict a finding of r brings: that of its
// enforcement if it fired, even when its message or suggestion then failed
// (a blocking rule still blocks), and a warning if its condition could not
// run, whatever it enforces.
func verdictOf(r *rule, fired bool) Verdict {
	switch {
	case !fired:
		return Warn
	case r.enforce == enforceBlock:
		return Block
	case r.enforce == enforceWarn:
		return Warn
	}
	return Pass
}

// A View is a conversation as rules see it: each message read once by the
// greeting checker, and the environment of each reply built once, shared
// by every rule, policy and rubric evaluated on it. The zero View is a view
// of the empty conversation. A View is not safe for concurrent use.
type View struct {
	c        rapport.Conversation
	checker  *greeting.Checker
	facts    map[string]any
	vm       vm.VM
	text     cond.Writer // the texts of findings and explanations
	whys     []string    // the explanations of findings, each finding's Why a piece of it
	turns    []turnView  // by turn + 1: the whole conversation first
	conv     Conversation
	convSet  bool
	locale   string                 // the customer's, as a string
	scoped   [len(scopeNames)][]int // by scope: see Turns
	inScopes uint8                  // bit s: scoped[s] is set
}

// A turnView holds what a View computes once for a turn, each on first use.
type turnView struct {
	report greeting.Report // the message's
	read   bool
	msg    Message // the message as rules see it
	made   bool
	env    Env
	input  cond.Input // env as expressions read it; not valid until env is built
	box    any        // env boxed for expr's VM, kept by input
	why    []why      // the explanations of conditions' parts, each computed once
	// The has and count functions of msg, which read report when called:
	// made once for the slot and kept by Reset while the slot is.
	fns msgFuncs
}

// A why is the explanation of a part of a condition.
type why struct {
	prog *cond.Program // the part's program, shared by every rule with the part
	text string
}

// NewView prepares a conversation for evaluation. Options WithFacts and
// WithChecker apply to everything evaluated on the view.
func NewView(c rapport.Conversation, opts ...EvalOption) *View {
	v := new(View)
	v.Reset(c, opts...)
	return v
}

// Reset makes e a view of c, as NewView(c, opts...) would, reusing e's
// memory: a program that evaluates many conversations can keep a View per
// goroutine. Reports and environments e returned before must not be used
// afterwards; decisions and findings stay valid.
func (e *View) Reset(c rapport.Conversation, opts ...EvalOption) {
	turns := e.turns
	if n := len(c.Messages) + 1; cap(turns) < n {
		turns = make([]turnView, n)
	} else {
		turns = turns[:n]
		for i := range turns {
			turns[i] = turnView{fns: turns[i].fns}
		}
	}
	scoped := e.scoped
	for s := range scoped {
		scoped[s] = scoped[s][:0]
	}
	*e = View{c: c, checker: greeting.Default(), vm: e.vm, turns: turns, scoped: scoped}
	for _, o := range opts {
		o(e)
	}
	if c.Customer.Locale != language.Und {
		e.locale = c.Customer.Locale.String()
	}
}

// Conversation returns the conversation the view reads.
func (e *View) Conversation() *rapport.Conversation {
	e.ready()
	return &e.c
}

// ready makes a zero View a view of the empty conversation.
func (e *View) ready() {
	if e.turns == nil {
		e.Reset(rapport.Conversation{})
	}
}

// Report returns the greeting report of message i, reading it on first
// use, or nil when i is out of range.
func (e *View) Report(i int) *greeting.Report {
	e.ready()
	if i < 0 || i >= len(e.c.Messages) {
		return nil
	}
	return e.report(i)
}

// Env returns the environment rules see for the reply at turn; -1, or a
// turn out of range, gives the environment of the whole conversation (reply
// is then the last reply). The result is shared: do not modify it.
func (e *View) Env(turn int) *Env {
	e.ready()
	if turn < 0 || turn >= len(e.c.Messages) {
		turn = -1
	}
	e.input(turn)
	return &e.turns[turn+1].env
}

// Turns returns the turns a rule or criterion of scope s looks at, in
// order; -1 stands for the whole conversation. The slice belongs to the
// view: read it, do not keep or modify it.
func (e *View) Turns(s Scope) []int {
	if int(s) >= len(scopeNames) {
		return nil
	}
	if e.inScopes&(1<<s) == 0 {
		e.inScopes |= 1 << s
		c, turns := &e.c, e.scoped[s][:0]
		switch s {
		case EveryReply:
			for i := range c.Replies() {
				turns = append(turns, i)
			}
		case FirstReply:
			turns = appendTurn(turns, c.FirstReply())
		case LastReply:
			turns = appendTurn(turns, c.LastReply())
		case WholeConversation:
			turns = append(turns, -1)
		}
		e.scoped[s] = turns
	}
	return e.scoped[s]
}

// appendTurn appends turn t unless it is -1 (no such turn).
func appendTurn(turns []int, t int) []int {
	if t < 0 {
		return turns
	}
	return append(turns, t)
}

// report returns the greeting report of message i, reading it on first
// use in its language: its own tag; for a reply without one, the language
// its text is written in when that is clear (an agent may answer in the
// wrong language); then the customer's locale; then detection.
func (e *View) report(i int) *greeting.Report {
	t := &e.turns[i+1]
	if !t.read {
		switch m := e.c.Messages[i]; {
		case m.Lang != language.Und:
			t.report = e.checker.Check(m.Text, m.Lang)
		case m.Role.IsReply():
			t.report = e.checker.CheckOr(m.Text, e.c.Customer.Locale)
		default:
			t.report = e.checker.Check(m.Text, e.c.Customer.Locale)
		}
		t.read = true
	}
	return &t.report
}

// message returns message i as rules see it.
func (e *View) message(i int) Message {
	t := &e.turns[i+1]
	if !t.made {
		if t.fns.has == nil {
			t.fns = funcsOf(&t.report)
		}
		t.msg = newMessage(&e.c, i, e.report(i), t.fns)
		t.made = true
	}
	return t.msg
}

// input returns the environment for the reply at turn (-1: the
// conversation), built on first use, as expressions see it.
func (e *View) input(turn int) cond.Input {
	t := &e.turns[turn+1]
	if t.input.Valid() {
		return t.input
	}
	c := &e.c
	env := &t.env
	*env = Env{Facts: e.facts, Conversation: e.conversation()}
	reply := turn
	if turn < 0 {
		reply = c.LastReply()
	}
	env.Reply, env.Previous = noMessage(), noMessage()
	env.Customer = Customer{ID: c.Customer.ID, Name: c.Customer.Name, Status: c.Customer.Status.String(), Locale: e.locale, LocalHour: -1}
	if reply >= 0 {
		env.Reply = e.message(reply)
		env.Customer.Waited = c.Waited(reply)
		if h, ok := c.LocalHour(reply); ok {
			env.Customer.LocalHour = h
		}
		env.Conversation.FirstReply = reply == c.FirstReply()
		env.Conversation.LastReply = reply == c.LastReply()
		if prev := c.Answering(reply); prev >= 0 {
			env.Previous = e.message(prev)
			env.Reply.TakesUp = env.Reply.report.TakesUp(env.Previous.report)
		}
	}
	t.input = cond.NewInput(env, &t.box)
	return t.input
}

// conversation returns what the rules know of the conversation as a whole.
func (e *View) conversation() Conversation {
	if !e.convSet {
		c := &e.c
		conv := Conversation{ID: c.ID, Channel: string(c.Channel), Public: c.Public, Turns: len(c.Messages)}
		for i := range c.Replies() {
			conv.Replies++
			if e.report(i).Hostile {
				conv.HostileReplies++
			}
			conv.MaxWaited = max(conv.MaxWaited, c.Waited(i))
		}
		e.conv, e.convSet = conv, true
	}
	return e.conv
}

// run evaluates rule r on the reply at turn.
func (e *View) run(r *rule, turn int) (f rapport.Finding, fired bool, err error) {
	f = rapport.Finding{Rule: r.id, Principle: r.principle, Severity: r.severity, Turn: turn}
	in := e.input(turn)
	env := &e.turns[turn+1].env
	out, err := r.when.Run(&e.vm, in)
	if err != nil {
		re := cond.Locate(err, r.whenAt)
		f.Message = "rule " + r.id + " failed: " + re.Msg
		return f, false, fmt.Errorf("ethics: %w", cond.Failed(re, fmt.Sprintf("rule %s at turn %d", r.id, turn)))
	}
	if fired, _ = out.(bool); !fired {
		return f, false, nil
	}
	msg, err := e.text.Render(r.message, in, &e.vm)
	if err != nil {
		f.Message = "rule " + r.id + " fired, and its message failed: " + runMsg(err)
		return f, true, fmt.Errorf("ethics: %w", cond.Failed(err, fmt.Sprintf("message of rule %s at turn %d", r.id, turn)))
	}
	f.Message = msg
	f.Suggestion, err = e.suggestion(r, env, in)
	if err != nil {
		return f, true, fmt.Errorf("ethics: %w", cond.Failed(err, fmt.Sprintf("suggestion of rule %s at turn %d", r.id, turn)))
	}
	// The explanations of every finding share one array.
	if e.whys == nil || cap(e.whys)-len(e.whys) < len(r.why) {
		e.whys = make([]string, 0, max(2*cap(e.whys), len(r.why), 16))
	}
	start := len(e.whys)
	for _, p := range r.why {
		if why, ok := e.explain(p, turn, in); ok {
			e.whys = append(e.whys, why)
		}
	}
	f.Why = e.whys[start:len(e.whys):len(e.whys)]
	if rep := env.Reply.report; rep != nil && turn >= 0 {
		f.Spans = spansOf(rep, r.refs)
	}
	return f, true, nil
}

// explain returns the explanation of a part of a condition at a turn:
// "customer.waited = 4m30s". Rules share parts (reply.has("apology")), and
// a part has one value per turn, so each is run once.
func (e *View) explain(p cond.Part, turn int, in cond.Input) (string, bool) {
	t := &e.turns[turn+1]
	for _, w := range t.why {
		if w.prog == p.Prog {
			return w.text, true
		}
	}
	text, err := e.text.Explain(p, in, &e.vm)
	if err != nil {
		return "", false
	}
	if t.why == nil {
		t.why = make([]why, 0, 8)
	}
	t.why = append(t.why, why{p.Prog, text})
	return text, true
}

// suggestion renders the suggestion in the reply's language if the rule has
// one, else the default; in is env as expressions see it.
func (e *View) suggestion(r *rule, env *Env, in cond.Input) (string, error) {
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
	return e.text.Render(r.suggest[pick].text, in, &e.vm)
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
		if refs.Looks(m.Strategy) {
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
