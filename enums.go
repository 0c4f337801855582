package rapport

import (
	"fmt"
	"regexp"
)

// Role says who wrote a message. The zero value is an unset role: it is
// neither the customer nor a reply, and it does not marshal.
type Role uint8

// The roles of a message's author.
const (
	RoleUnset    Role = iota
	RoleCustomer      // the customer, prospect or former customer
	RoleAgent         // a human support agent
	RoleBot           // an automated assistant replying for the company
)

var roleNames = [...]string{RoleUnset: "", RoleCustomer: "customer", RoleAgent: "agent", RoleBot: "bot"}

// String returns the role's lower-case word ("customer", "agent", "bot"), or
// "" for the zero value.
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", r)
}

// IsReply reports whether a message with this role speaks for the company:
// an agent or a bot.
func (r Role) IsReply() bool { return r == RoleAgent || r == RoleBot }

// MarshalText implements [encoding.TextMarshaler]. The zero value is an error.
func (r Role) MarshalText() ([]byte, error) {
	if r == RoleUnset || int(r) >= len(roleNames) {
		return nil, fmt.Errorf("rapport: cannot marshal role %d: no such role", r)
	}
	return []byte(roleNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts exactly
// "customer", "agent" and "bot".
func (r *Role) UnmarshalText(b []byte) error {
	v, err := lookup("role", roleNames[1:], b)
	if err != nil {
		return err
	}
	*r = Role(v + 1)
	return nil
}

// Status says where a customer stands with the company. A company's ethics
// cover potential, current and former customers alike. The zero value means
// the status is not known; it is omitted from JSON.
type Status uint8

// The customer statuses.
const (
	StatusUnknown Status = iota
	Prospect             // a potential customer
	Current              // a current customer
	Former               // a former customer
)

var statusNames = [...]string{StatusUnknown: "", Prospect: "prospect", Current: "current", Former: "former"}

// String returns the status's lower-case word, or "" for the zero value.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// MarshalText implements [encoding.TextMarshaler]. The zero value marshals
// as the empty string.
func (s Status) MarshalText() ([]byte, error) {
	if int(s) >= len(statusNames) {
		return nil, fmt.Errorf("rapport: cannot marshal status %d: no such status", s)
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts
// "prospect", "current", "former", and "" for an unknown status.
func (s *Status) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = StatusUnknown
		return nil
	}
	v, err := lookup("status", statusNames[1:], b)
	if err != nil {
		return err
	}
	*s = Status(v + 1)
	return nil
}

// Severity grades a finding. The zero value is [Info], the mildest.
// Severities are ordered: Info < Minor < Major < Critical.
type Severity uint8

// The severities of a finding.
const (
	Info Severity = iota
	Minor
	Major
	Critical
)

var severityNames = [...]string{Info: "info", Minor: "minor", Major: "major", Critical: "critical"}

// String returns the severity's lower-case word.
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, fmt.Errorf("rapport: cannot marshal severity %d: no such severity", s)
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "info",
// "minor", "major" and "critical".
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := lookup("severity", severityNames[:], b)
	if err != nil {
		return err
	}
	*s = Severity(v)
	return nil
}

// ParseSeverity returns the severity named by word.
func ParseSeverity(word string) (Severity, error) {
	var s Severity
	err := s.UnmarshalText([]byte(word))
	return s, err
}

// Channel is where a conversation takes place. The named constants cover the
// common channels; any other lower-case word (letters, digits and '_',
// starting with a letter) is accepted too. The zero value means the channel
// is not known; it is omitted from JSON.
type Channel string

// The common channels.
const (
	ChannelChat     Channel = "chat"
	ChannelEmail    Channel = "email"
	ChannelPhone    Channel = "phone"
	ChannelSocial   Channel = "social"
	ChannelInPerson Channel = "in_person"
	ChannelSMS      Channel = "sms"
)

var channelWord = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts a
// lower-case word, or "" for an unknown channel.
func (c *Channel) UnmarshalText(b []byte) error {
	if err := checkChannel(string(b)); err != nil {
		return err
	}
	*c = Channel(b)
	return nil
}

// MarshalText implements [encoding.TextMarshaler]. It refuses what
// UnmarshalText would refuse, so that what is written can be read back.
func (c Channel) MarshalText() ([]byte, error) {
	if err := checkChannel(string(c)); err != nil {
		return nil, err
	}
	return []byte(c), nil
}

// checkChannel returns an error unless s is a channel's lower-case word or "".
func checkChannel(s string) error {
	if len(s) > 0 && (len(s) > 64 || !channelWord.MatchString(s)) {
		return fmt.Errorf("rapport: invalid channel %q: want a lower-case word such as %q", s, ChannelChat)
	}
	return nil
}

// lookup finds b among names and returns its index, or an error that names
// the bad value and the accepted ones.
func lookup(what string, names []string, b []byte) (int, error) {
	for i, n := range names {
		if n == string(b) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("rapport: unknown %s %q (want one of %q)", what, b, names)
}
