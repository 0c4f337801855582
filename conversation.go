package rapport

import (
	"fmt"
	"iter"
	"time"

	"golang.org/x/text/language"
)

// A Conversation is an exchange between a customer and a company, in the
// order the messages were sent. Its JSON form is a stable contract; see the
// package documentation. The zero value is an empty conversation on an
// unknown channel. A Conversation is a plain value: the helpers only read it,
// and it is safe for concurrent use as long as no goroutine modifies it.
type Conversation struct {
	ID       string    `json:"id,omitempty"`
	Channel  Channel   `json:"channel,omitempty"`
	Public   bool      `json:"public,omitempty"` // others can see the replies (a packed bar, a public social post)
	Customer Customer  `json:"customer,omitzero"`
	Messages []Message `json:"messages"`
}

// A Customer is the person the company is talking to. The zero value is an
// anonymous customer of unknown status and locale.
type Customer struct {
	ID     string       `json:"id,omitempty"`
	Name   string       `json:"name,omitempty"`
	Status Status       `json:"status,omitempty"`
	Locale language.Tag `json:"locale,omitzero"` // BCP 47; language.Und when unknown
}

// A Message is one turn of a conversation.
type Message struct {
	Role   Role         `json:"role"`
	Author string       `json:"author,omitempty"` // who wrote a reply: an agent's or bot's id
	Text   string       `json:"text"`
	Lang   language.Tag `json:"lang,omitzero"` // BCP 47; language.Und to fall back to the customer's locale, then detection
	At     time.Time    `json:"at,omitzero"`   // RFC 3339; the offset is the customer's local time
}

// A Span is a range of bytes in a message's text, End exclusive. Spans
// always fall on UTF-8 boundaries of the original text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// In returns the part of text the span covers, or "" when the span does not
// fit in text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.Start > s.End || s.End > len(text) {
		return ""
	}
	return text[s.Start:s.End]
}

// A Finding is something a checker noticed about a conversation: a rule of an
// ethics policy that fired, or a rubric criterion's evidence. Its JSON form
// is a stable contract. A Finding, like a Span, is a plain value.
type Finding struct {
	Rule       string   `json:"rule"`      // "principle/rule", e.g. "respect/no-hostility"
	Principle  string   `json:"principle"` // the principle the rule belongs to
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Turn       int      `json:"turn"`            // index in Conversation.Messages; -1 for the whole conversation
	Spans      []Span   `json:"spans,omitempty"` // the words in Messages[Turn].Text that triggered the finding
	Why        []string `json:"why,omitempty"`   // the value of each part of the condition, e.g. "reply.hostile = true"
	Suggestion string   `json:"suggestion,omitempty"`
}

// Lang returns the language message i is declared in: its own tag, else
// the customer's locale, else language.Und (detect it from the text). This
// is the declared language, as the design's fallback gives it; package
// ethics reads a reply without a tag of its own in the language its text
// is written in when the text makes that clear (an agent who answers an
// Italian customer in English is read in English), and reports that as
// reply.lang.
func (c *Conversation) Lang(i int) language.Tag {
	if i < 0 || i >= len(c.Messages) {
		return language.Und
	}
	if t := c.Messages[i].Lang; t != language.Und {
		return t
	}
	return c.Customer.Locale
}

// Replies yields the index and message of every reply (agent or bot
// message), in order.
func (c *Conversation) Replies() iter.Seq2[int, Message] {
	return func(yield func(int, Message) bool) {
		for i, m := range c.Messages {
			if m.Role.IsReply() && !yield(i, m) {
				return
			}
		}
	}
}

// FirstReply returns the index of the first reply, or -1 when the company
// has not replied yet.
func (c *Conversation) FirstReply() int { return c.nextReply(0) }

// LastReply returns the index of the last reply, or -1 when there is none.
func (c *Conversation) LastReply() int {
	for i := len(c.Messages) - 1; i >= 0; i-- {
		if c.Messages[i].Role.IsReply() {
			return i
		}
	}
	return -1
}

func (c *Conversation) nextReply(from int) int {
	for i := max(from, 0); i < len(c.Messages); i++ {
		if c.Messages[i].Role.IsReply() {
			return i
		}
	}
	return -1
}

// Answering returns the index of the customer message that the message at
// turn answers: the last customer message before it. It returns -1 when
// there is none or turn is out of range.
func (c *Conversation) Answering(turn int) int {
	if turn < 0 || turn >= len(c.Messages) {
		return -1
	}
	for i := turn - 1; i >= 0; i-- {
		if c.Messages[i].Role == RoleCustomer {
			return i
		}
	}
	return -1
}

// Unanswered returns the index of the earliest customer message that no reply
// had answered when the message at turn was sent: the first customer message
// after the previous reply. It returns -1 when there is none.
func (c *Conversation) Unanswered(turn int) int {
	if turn < 0 || turn >= len(c.Messages) {
		return -1
	}
	first := -1
	for i := turn - 1; i >= 0; i-- {
		switch m := c.Messages[i]; {
		case m.Role.IsReply():
			return first
		case m.Role == RoleCustomer:
			first = i
		}
	}
	return first
}

// Waited returns how long the customer had been waiting when the message at
// turn was sent: the time from the earliest unanswered customer message
// ([Conversation.Unanswered]) to it. It is zero when either time is missing,
// nothing was unanswered, or the clock runs backwards.
func (c *Conversation) Waited(turn int) time.Duration {
	u := c.Unanswered(turn)
	if u < 0 {
		return 0
	}
	from, to := c.Messages[u].At, c.Messages[turn].At
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return 0
	}
	return to.Sub(from)
}

// LocalHour returns the customer's local hour (0–23) when the message at turn
// was sent, read from the offset of its own timestamp. ok is false when the
// message has no time or turn is out of range.
func (c *Conversation) LocalHour(turn int) (hour int, ok bool) {
	if turn < 0 || turn >= len(c.Messages) || c.Messages[turn].At.IsZero() {
		return 0, false
	}
	return c.Messages[turn].At.Hour(), true
}

// Validate reports the first structural problem of the conversation: a
// message without a role, or a message sent before the one preceding it.
func (c *Conversation) Validate() error {
	var last time.Time
	for i, m := range c.Messages {
		if m.Role == RoleUnset {
			return fmt.Errorf("rapport: conversation %q: message %d has no role", c.ID, i)
		}
		if !m.At.IsZero() {
			if !last.IsZero() && m.At.Before(last) {
				return fmt.Errorf("rapport: conversation %q: message %d at %s is earlier than the message before it (%s)",
					c.ID, i, m.At.Format(time.RFC3339), last.Format(time.RFC3339))
			}
			last = m.At
		}
	}
	return nil
}
