package greeting

import "fmt"

// A Strategy is a politeness strategy (or its opposite) a message uses: a
// greeting, an apology, a command, an insult. Strategy names are stable and
// marshal as snake_case words. The zero value is not a strategy.
type Strategy uint8

// The strategies: the design's list, then those added since (criticism,
// factuality and direct start, from Danescu-Niculescu-Mizil et al., "A
// computational approach to politeness", ACL 2013). New ones may be added at
// the end.
const (
	Greeting Strategy = iota + 1
	Closing
	Gratitude
	Apology
	Please
	Deference
	Hedge
	Indirect
	Empathy
	Reassurance
	FollowUp
	PersonalName
	FormalAddress
	InformalAddress
	DirectQuestion
	Command
	Blame
	Dismissal
	Impatience
	Insult
	Profanity
	Shouting
	Canned
	Criticism   // a negative judgement of the reader's work or request: "wrong", "unacceptable"
	Factuality  // emphasis that lectures: "actually", "in fact", "obviously"
	DirectStart // a sentence that starts bluntly: "So", "But", "Well"
	numStrategies
)

var strategyNames = [numStrategies]string{
	Greeting: "greeting", Closing: "closing", Gratitude: "gratitude", Apology: "apology",
	Please: "please", Deference: "deference", Hedge: "hedge", Indirect: "indirect",
	Empathy: "empathy", Reassurance: "reassurance", FollowUp: "follow_up",
	PersonalName: "personal_name", FormalAddress: "formal_address", InformalAddress: "informal_address",
	DirectQuestion: "direct_question", Command: "command", Blame: "blame", Dismissal: "dismissal",
	Impatience: "impatience", Insult: "insult", Profanity: "profanity", Shouting: "shouting", Canned: "canned",
	Criticism: "criticism", Factuality: "factuality", DirectStart: "direct_start",
}

// Strategies returns every strategy, in order.
func Strategies() []Strategy {
	s := make([]Strategy, 0, numStrategies-1)
	for i := Greeting; i < numStrategies; i++ {
		s = append(s, i)
	}
	return s
}

// ParseStrategy returns the strategy with the given snake_case name.
func ParseStrategy(name string) (Strategy, error) {
	// Policies call reply.has("apology") for every reply they judge: the
	// name is found by a hash of its length and end letters, which tells
	// every strategy name apart, and one comparison.
	if len(name) > 0 {
		if s := strategyByHash[nameHash(name)]; s != 0 && strategyNames[s] == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("greeting: unknown strategy %q", name)
}

func nameHash(name string) int {
	return (len(name)*12 + int(name[0])*7 + int(name[len(name)-1])) & 63
}

// strategyByHash holds each strategy at the hash of its name; TestStrategyNames
// checks that no two names share a hash.
var strategyByHash = func() (t [64]Strategy) {
	for s := Greeting; s < numStrategies; s++ {
		t[nameHash(strategyNames[s])] = s
	}
	return t
}()

// String returns the strategy's snake_case name.
func (s Strategy) String() string {
	if s >= Greeting && s < numStrategies {
		return strategyNames[s]
	}
	return fmt.Sprintf("Strategy(%d)", s)
}

// MarshalText implements [encoding.TextMarshaler].
func (s Strategy) MarshalText() ([]byte, error) {
	if s < Greeting || s >= numStrategies {
		return nil, fmt.Errorf("greeting: cannot marshal %v: no such strategy", s)
	}
	return []byte(strategyNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Strategy) UnmarshalText(b []byte) error {
	v, err := ParseStrategy(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// Hostile reports whether the strategy attacks the reader: blame, dismissal,
// command, impatience, insult, profanity or shouting. A message that uses one
// (outside quotation marks and negation) is hostile.
func (s Strategy) Hostile() bool {
	switch s {
	case Command, Blame, Dismissal, Impatience, Insult, Profanity, Shouting:
		return true
	}
	return false
}

// negatable reports whether a negation just before a marker of this strategy
// cancels it ("not sorry", "not a stupid question").
func (s Strategy) negatable() bool {
	switch s {
	case Gratitude, Apology, Empathy, Deference, Reassurance, FollowUp,
		Command, Blame, Dismissal, Impatience, Insult, Profanity, Criticism:
		return true
	}
	return false
}
