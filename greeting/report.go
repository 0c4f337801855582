package greeting

import (
	"fmt"

	"github.com/rapportkit/rapport"
	"golang.org/x/text/language"
)

// A Report is what the checker reads in one message. Its JSON form is a
// stable contract:
//
//	{"lang": "en", "greeting": {"text": "Good morning", "start": 0, "end": 12, "part_of_day": "morning"},
//	 "closing": null, "register": "formal", "formality": 0.6, "politeness": 0.72, "hostile": false,
//	 "markers": [{"strategy": "gratitude", "start": 40, "end": 49, "text": "thank you", "weight": 0.4}]}
//
// The zero value is the report of an empty message in an unknown language.
type Report struct {
	// Lang is the language whose data was used: the tag asked for, matched
	// to the nearest supported language, or the detected one.
	Lang language.Tag `json:"lang"`
	// Greeting is the first greeting of the message, or nil.
	Greeting *Phrase `json:"greeting"`
	// Closing is the last closing of the message, or nil.
	Closing *Phrase `json:"closing"`
	// Register is formal, informal, mixed (both forms of address, a classic
	// first-impression fault) or unknown (no cue either way).
	Register Register `json:"register"`
	// Formality is in [-1, 1], informal to formal; 0 when there is no cue.
	Formality float64 `json:"formality"`
	// Politeness is in [-1, 1]: above 0 reads as polite, below 0 as
	// impolite. It is 2p-1 for the probability p, fitted on rated requests,
	// that a reader finds the message polite; see the package documentation.
	Politeness float64 `json:"politeness"`
	// Hostile is true when the message attacks, blames, dismisses, commands,
	// swears at or shouts at the reader. Quoting or negating such words is
	// not hostility.
	Hostile bool `json:"hostile"`
	// Markers are the strategies found, in the order of the text.
	Markers []Marker `json:"markers"`

	// Words, Content and CourtesyOnly are readings for measuring a
	// message's length and listening; they are not part of the JSON form,
	// which is a contract.

	// Words is the number of words in the message, numbers and symbols
	// such as emoji included; in scripts written without spaces, the
	// number of characters.
	Words int `json:"-"`
	// Content holds the message's distinct content words, in the order of
	// their first use, for TakesUp: words of four letters or more (two in
	// Vietnamese, three in Hindi, whose data lists short grammar words)
	// outside greetings, thanks and other courtesy and other than the
	// language's function words ("that", "your") and laughs ("haha"),
	// folded and cut to four letters; in scripts written without spaces,
	// pairs of characters (none with a hiragana, nor two function characters
	// such as 我们).
	Content []string `json:"-"`
	// CourtesyOnly is true when the message does nothing but courtesy: it
	// greets, thanks or takes leave, asks nothing but how the reader is,
	// and has no content word but perhaps one that names the reader right
	// after the courtesy ("Hi Robin!", "Hello Mrs Smith", "hello robin" in
	// a text written in lower case). "Thanks, bye!", "ok thank you" and the
	// answer "No, that's all, thanks" are courtesy only; "Hi, I need my
	// boarding pass", "Thanks, and when?" and "Not yet, thanks" are not,
	// nor is a complaint or anything hostile. A helpdesk need not reopen a
	// ticket on such a message, and a bot answers it in kind.
	CourtesyOnly bool `json:"-"`
}

// A Phrase is a greeting or a closing found in a message.
type Phrase struct {
	Text string `json:"text"`
	rapport.Span
	PartOfDay PartOfDay `json:"part_of_day,omitempty"` // the part of day the phrase names, if any
}

// A Marker is one use of a strategy: where it is and what it adds to the
// message's politeness.
type Marker struct {
	Strategy Strategy `json:"strategy"`
	rapport.Span
	Text   string  `json:"text"`
	Weight float64 `json:"weight"` // its share of the politeness score, before squashing
}

// Has reports whether the message uses strategy s.
func (r *Report) Has(s Strategy) bool {
	for _, m := range r.Markers {
		if m.Strategy == s {
			return true
		}
	}
	return false
}

// Count returns how many times the message uses strategy s.
func (r *Report) Count(s Strategy) int {
	n := 0
	for _, m := range r.Markers {
		if m.Strategy == s {
			n++
		}
	}
	return n
}

// Hostility returns the markers that make the message hostile, in order.
func (r *Report) Hostility() []Marker {
	var h []Marker
	for _, m := range r.Markers {
		if m.Strategy.Hostile() {
			h = append(h, m)
		}
	}
	return h
}

// Register is the level of formality a message is written in. The zero value
// is Unknown.
type Register uint8

// The registers.
const (
	Unknown  Register = iota // no cue either way
	Formal                   // Lei, Sie, vous, "Dear Sir", "kindly"
	Informal                 // tu, du, "hey", "gonna"
	Mixed                    // switches between the two
)

var registerNames = [...]string{Unknown: "unknown", Formal: "formal", Informal: "informal", Mixed: "mixed"}

// String returns the register's lower-case name.
func (r Register) String() string {
	if int(r) < len(registerNames) {
		return registerNames[r]
	}
	return fmt.Sprintf("Register(%d)", r)
}

// MarshalText implements [encoding.TextMarshaler].
func (r Register) MarshalText() ([]byte, error) {
	if int(r) >= len(registerNames) {
		return nil, fmt.Errorf("greeting: cannot marshal %v: no such register", r)
	}
	return []byte(registerNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Register) UnmarshalText(b []byte) error {
	for i, n := range registerNames {
		if n == string(b) {
			*r = Register(i)
			return nil
		}
	}
	return fmt.Errorf("greeting: unknown register %q", b)
}
