package ethics

import (
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/greeting"
)

// Env is what a rule's condition, message and suggestion see: the reply
// under review with its greeting report, the customer message it answers,
// the customer, the conversation, and facts the host program supplies. Field
// names in expressions are the snake_case names in the expr tags
// (reply.hostile_text, customer.local_hour). A View builds the Env of each
// turn once; expressions only read it.
//
// For a rule scoped to the conversation, reply is the last reply (empty
// when there is none) and previous the customer message before it.
type Env struct {
	Reply        Message        `expr:"reply"`
	Previous     Message        `expr:"previous"`
	Customer     Customer       `expr:"customer"`
	Conversation Conversation   `expr:"conversation"`
	Facts        map[string]any `expr:"facts"` // supplied by the host program with WithFacts; missing keys read as nil
}

// Message is a message and what the greeting checker read in it.
type Message struct {
	Text       string  `expr:"text"`
	Lang       string  `expr:"lang"` // BCP 47 tag of the language the checker used ("en", "it")
	Turn       int     `expr:"turn"` // index in the conversation; -1 when there is no such message
	Role       string  `expr:"role"` // "customer", "agent" or "bot"
	Author     string  `expr:"author"`
	Politeness float64 `expr:"politeness"` // in [-1, 1]; above 0 reads as polite
	Formality  float64 `expr:"formality"`  // in [-1, 1], informal to formal
	Register   string  `expr:"register"`   // "formal", "informal", "mixed" or "unknown"
	Hostile    bool    `expr:"hostile"`
	// HostileText is the hostile words, quoted and joined: "I'm working", "you have to wait".
	HostileText string `expr:"hostile_text"`
	// Greeting is the text of the first greeting, "" when there is none.
	Greeting string `expr:"greeting"`
	// GreetingPart is the part of day the greeting names: "morning",
	// "afternoon", "day", "evening", "night", or "".
	GreetingPart string `expr:"greeting_part"`
	// GreetingFits is false when the greeting names a part of day that does
	// not fit the customer's local hour ("good morning" at 21:00).
	GreetingFits bool `expr:"greeting_fits"`
	// Closing is the text of the last closing, "" when there is none.
	Closing string `expr:"closing"`
	// Words is the number of words in the message.
	Words int `expr:"words"`
	// TakesUp is the share (0 to 1) of the previous customer message's
	// content words that this message takes up: a sign of listening. It is
	// 1 when the previous message has no content words.
	TakesUp float64 `expr:"takes_up"`
	// CourtesyOnly is true when the message does nothing but greet, thank
	// or take leave, perhaps naming the reader: "Thanks, bye!".
	CourtesyOnly bool `expr:"courtesy_only"`
	// Has reports whether the message uses a strategy, by its snake_case
	// name: reply.has("apology"). Unknown names are load-time errors.
	Has func(strategy string) bool `expr:"has"`
	// Count returns how many times the message uses a strategy.
	Count func(strategy string) int `expr:"count"`

	report *greeting.Report
	base   language.Base // of the message's own tag if it has one, else of Lang: for choosing suggestions
}

// Customer is the person the company talks to.
type Customer struct {
	ID     string `expr:"id"`
	Name   string `expr:"name"`
	Status string `expr:"status"` // "prospect", "current", "former" or ""
	Locale string `expr:"locale"` // BCP 47, "" when unknown
	// Waited is how long the customer had waited for this reply, from the
	// earliest customer message no reply had answered.
	Waited time.Duration `expr:"waited"`
	// LocalHour is the customer's local hour (0–23) when the reply was sent,
	// from the reply's own timestamp; -1 when it has none.
	LocalHour int `expr:"local_hour"`
}

// Conversation is the conversation as a whole.
type Conversation struct {
	ID      string `expr:"id"`
	Channel string `expr:"channel"` // "chat", "email", "phone", "social", "in_person", "sms", ...
	Public  bool   `expr:"public"`  // others can see the replies
	Turns   int    `expr:"turns"`   // number of messages
	Replies int    `expr:"replies"` // number of agent and bot messages
	// FirstReply is true when the reply under review is the company's first.
	FirstReply bool `expr:"first_reply"`
	// LastReply is true when the reply under review is the last message of
	// the company so far (a bot's draft).
	LastReply bool `expr:"last_reply"`
	// HostileReplies counts the hostile replies in the conversation.
	HostileReplies int `expr:"hostile_replies"`
	// MaxWaited is the longest any customer waited for a reply.
	MaxWaited time.Duration `expr:"max_waited"`
}

// newMessage fills a Message from a conversation's message i and its report.
// Its has and count functions are fns, which read r when called.
func newMessage(c *rapport.Conversation, i int, r *greeting.Report, fns msgFuncs) Message {
	m := c.Messages[i]
	msg := Message{
		Text: m.Text, Lang: r.Lang.String(), Turn: i, Role: m.Role.String(), Author: m.Author,
		Politeness: r.Politeness, Formality: r.Formality, Register: r.Register.String(),
		Hostile: r.Hostile, Words: r.Words, CourtesyOnly: r.CourtesyOnly, GreetingFits: true, report: r, base: baseOf(r.Lang),
	}
	if m.Lang != language.Und {
		msg.base = baseOf(m.Lang)
	}
	msg.Has, msg.Count = fns.has, fns.count
	if r.Greeting != nil {
		msg.Greeting = r.Greeting.Text
		msg.GreetingPart = r.Greeting.PartOfDay.String()
		if h, ok := c.LocalHour(i); ok {
			msg.GreetingFits = r.Greeting.PartOfDay.Fits(h)
		}
	}
	if r.Closing != nil {
		msg.Closing = r.Closing.Text
	}
	msg.HostileText = hostileText(r.Markers)
	return msg
}

// msgFuncs are the has and count functions of a message's Message.
type msgFuncs struct {
	has   func(strategy string) bool
	count func(strategy string) int
}

// funcsOf returns the has and count functions of the report *r, which read
// *r when they are called.
func funcsOf(r *greeting.Report) msgFuncs {
	return msgFuncs{
		has: func(s string) bool {
			st, err := greeting.ParseStrategy(s)
			return err == nil && r.Has(st)
		},
		count: func(s string) int {
			st, err := greeting.ParseStrategy(s)
			if err != nil {
				return 0 // names are checked when the policy is compiled
			}
			return r.Count(st)
		},
	}
}

// hostileText quotes the hostile markers' words and joins them with commas.
func hostileText(markers []greeting.Marker) string {
	size := 0
	for _, h := range markers {
		if h.Strategy.Hostile() {
			size += len(h.Text) + 4
		}
	}
	if size == 0 {
		return ""
	}
	var quoted strings.Builder
	quoted.Grow(size)
	for _, h := range markers {
		if h.Strategy.Hostile() {
			if quoted.Len() > 0 {
				quoted.WriteString(", ")
			}
			quoted.WriteByte('"')
			quoted.WriteString(h.Text)
			quoted.WriteByte('"')
		}
	}
	return quoted.String()
}

// noMessage is the Message of a turn that does not exist.
func noMessage() Message {
	return Message{Turn: -1, Register: greeting.Unknown.String(), GreetingFits: true, TakesUp: 1,
		Has: func(string) bool { return false }, Count: func(string) int { return 0 }}
}
