package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// Action is what a bot should do with its draft. The zero value is Send.
type Action uint8

// The actions, from mildest. They follow the policy's verdict on the draft:
// ethics.Pass is Send, ethics.Warn is Revise and ethics.Block is Block.
const (
	Send   Action = iota // nothing in the draft blocks or warns: send it as it is
	Revise               // a warning rule fired: rewrite it with the suggestions, or let a person look
	Block                // a blocking rule fired: do not send it
)

var actionNames = [...]string{Send: "send", Revise: "revise", Block: "block"}

// String returns "send", "revise" or "block".
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return fmt.Sprintf("Action(%d)", a)
}

// MarshalText implements [encoding.TextMarshaler].
func (a Action) MarshalText() ([]byte, error) {
	if int(a) >= len(actionNames) {
		return nil, fmt.Errorf("guard: cannot marshal %v", a)
	}
	return []byte(actionNames[a]), nil
}

// actionOf maps a policy verdict to an action.
func actionOf(v ethics.Verdict) Action {
	switch v {
	case ethics.Pass:
		return Send
	case ethics.Warn:
		return Revise
	}
	return Block
}

// A Draft is a reply a bot is about to send. The zero value is an empty
// draft, which Check refuses.
type Draft struct {
	// Text is what the bot wants to say.
	Text string
	// Lang is the language the draft is written in; language.Und lets the
	// library decide, as it does for any reply without a tag: the language
	// the text is written in when that is clear, else the customer's locale.
	Lang language.Tag
	// At is when the draft would be sent; the zero time means now, by the
	// guard's clock, in the time zone of the conversation's latest
	// timestamp. It matters to the rules about waiting and the time of day.
	At time.Time
}

// A Result is the guard's answer about one draft. Its JSON form is the body
// of a /check response:
//
//	{"action": "revise", "findings": [{"rule": "timeliness/acknowledge-wait", ...}],
//	 "suggestions": ["Thank the customer for waiting, or apologise for the delay."],
//	 "reading": {"lang": "en", "greeting": null, ...}}
type Result struct {
	Action Action `json:"action"`
	// Findings are the policy's findings about the draft (their turn is the
	// draft's index, the number of messages before it) and about the
	// conversation as a whole (turn -1), in the policy's order. Findings
	// about replies already sent are left out: the bot cannot change them.
	Findings []rapport.Finding `json:"findings"`
	// Suggestions are the findings' suggested fixes, without repeats, in
	// the language of the draft where the policy has one.
	Suggestions []string `json:"suggestions"`
	// Reading is what the greeting checker read in the draft, as the
	// policy saw it.
	Reading greeting.Report `json:"reading"`
}

// Errors that Check returns for input it cannot judge. Match them with
// errors.Is.
var (
	ErrEmptyDraft   = errors.New("guard: empty draft")
	ErrConversation = errors.New("guard: invalid conversation")
)

// A Guard checks a bot's drafts against an ethics policy before they are
// sent. Build one with New or Default. A Guard is immutable and safe for
// concurrent use: the compiled policy it holds is (see ethics.Policy), and
// every Check reads the conversation into a view of its own.
type Guard struct {
	policy *ethics.Policy
	now    func() time.Time
}

// An Option configures a Guard.
type Option func(*Guard)

// WithClock sets the clock that stamps drafts without a time (time.Now by
// default). now must be safe for concurrent use.
func WithClock(now func() time.Time) Option {
	return func(g *Guard) { g.now = now }
}

// New builds a guard for the policy file src; name is the file's name, for
// error messages. The error is the one ethics.Parse returns, with every
// problem in the file at its name:line:col.
func New(name string, src []byte, opts ...Option) (*Guard, error) {
	p, err := ethics.Parse(name, src)
	if err != nil {
		return nil, err
	}
	return newGuard(p, opts), nil
}

// Default returns a guard for the built-in first-impression policy,
// ethics.Default.
func Default(opts ...Option) *Guard { return newGuard(ethics.Default(), opts) }

func newGuard(p *ethics.Policy, opts []Option) *Guard {
	g := &Guard{policy: p, now: time.Now}
	for _, o := range opts {
		o(g)
	}
	return g
}

// Policy returns the policy the guard applies.
func (g *Guard) Policy() *ethics.Policy { return g.policy }

// Check judges a draft reply to the conversation so far. The draft is
// appended to a copy of c as an agent message and the guard's policy
// evaluates the whole conversation, so that rules see what the draft
// answers, how long the customer has waited and what was said before.
//
// The action maps the policy's verdict on the draft: ethics.Pass is Send,
// ethics.Warn is Revise, ethics.Block is Block. That verdict is
// Decision.Verdict counting only the findings Result keeps, those about the
// draft and about the conversation as a whole; a rude reply an agent sent
// earlier does not block a good draft.
//
// Check returns ErrEmptyDraft for a draft that is empty or only white
// space, and an error matching ErrConversation when the conversation with
// the draft is not valid (rapport.Conversation.Validate). When ctx is done
// before every rule has run, the error says so and the result holds the
// findings so far; when a rule fails at run time, the error says which and
// the result holds every other finding. With any error the action is at
// least Revise: a draft that was not fully checked is never reported as
// ready to send.
func (g *Guard) Check(ctx context.Context, c rapport.Conversation, d Draft) (Result, error) {
	if strings.TrimSpace(d.Text) == "" {
		return Result{Action: Revise}, ErrEmptyDraft
	}
	at := g.stamp(c.Messages, d.At)
	// Clip: append to a copy, never into spare room of the caller's slice.
	c.Messages = append(slices.Clip(c.Messages), rapport.Message{Role: rapport.RoleAgent, Text: d.Text, Lang: d.Lang, At: at})
	if err := c.Validate(); err != nil {
		return Result{Action: Revise}, fmt.Errorf("%w: %w", ErrConversation, err)
	}
	turn := len(c.Messages) - 1
	view := ethics.NewView(c)
	dec, err := g.policy.EvaluateView(ctx, view)
	r := Result{Findings: []rapport.Finding{}, Suggestions: []string{}, Reading: *view.Report(turn)}
	verdict := ethics.Pass
	for _, f := range dec.Findings {
		if f.Turn != turn && f.Turn != -1 {
			continue
		}
		r.Findings = append(r.Findings, f)
		if f.Suggestion != "" && !slices.Contains(r.Suggestions, f.Suggestion) {
			r.Suggestions = append(r.Suggestions, f.Suggestion)
		}
		v, ok := g.policy.Verdict(f.Rule)
		if !ok {
			v = dec.Verdict // a finding names a rule of the policy; stay on the safe side
		}
		verdict = max(verdict, v)
	}
	r.Action = actionOf(verdict)
	if err != nil {
		r.Action = max(r.Action, Revise)
		return r, fmt.Errorf("guard: checking the draft at turn %d: %w", turn, err)
	}
	return r, nil
}

// stamp returns when a draft is sent: at if it is set; otherwise now in the
// time zone of the latest message with a time, and not before that message.
// When no message has a time, neither has the draft, so that the rules do
// not measure a wait from a clock the conversation does not share.
func (g *Guard) stamp(msgs []rapport.Message, at time.Time) time.Time {
	if !at.IsZero() {
		return at
	}
	for _, m := range slices.Backward(msgs) {
		if !m.At.IsZero() {
			now := g.now().In(m.At.Location())
			if now.Before(m.At) {
				return m.At
			}
			return now
		}
	}
	return time.Time{}
}
