package rapport_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport"
	"golang.org/x/text/language"
)

func loadEspresso(t *testing.T) rapport.Conversation {
	t.Helper()
	b, err := os.ReadFile("testdata/espresso.json")
	if err != nil {
		t.Fatal(err)
	}
	var c rapport.Conversation
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConversationJSON(t *testing.T) {
	c := loadEspresso(t)
	cet := time.FixedZone("", 3600)
	want := rapport.Conversation{
		ID: "espresso-1", Channel: rapport.ChannelInPerson, Public: true,
		Customer: rapport.Customer{ID: "c-17", Name: "Marco", Status: rapport.Current, Locale: language.MustParse("it-IT")},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Un espresso, per favore.", At: time.Date(2026, 11, 20, 8, 30, 0, 0, cet)},
			{Role: rapport.RoleCustomer, Text: "I'm still waiting for my espresso!", Lang: language.English, At: time.Date(2026, 11, 20, 8, 35, 0, 0, cet)},
			{Role: rapport.RoleAgent, Author: "barman-1", Text: "I'm working, you have to wait like all others!", At: time.Date(2026, 11, 20, 8, 35, 20, 0, cet)},
		},
	}
	opts := cmp.Options{
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b language.Tag) bool { return a == b }),
	}
	if d := cmp.Diff(want, c, opts); d != "" {
		t.Fatalf("decoded conversation (-want +got):\n%s", d)
	}

	// Marshalling gives back the same keys and values.
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var got, orig any
	src, _ := os.ReadFile("testdata/espresso.json")
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, &orig); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(orig, got); d != "" {
		t.Errorf("round trip changed the JSON (-source +marshalled):\n%s", d)
	}
}

func TestZeroValuesOmitted(t *testing.T) {
	b, err := json.Marshal(rapport.Conversation{Messages: []rapport.Message{{Role: rapport.RoleBot, Text: "Hi!"}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"messages":[{"role":"bot","text":"Hi!"}]}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
}

func TestEnumErrors(t *testing.T) {
	tests := []struct {
		name, json, want, reason string
	}{
		{"bad role", `{"messages":[{"role":"manager","text":"x"}]}`,
			`rapport: unknown role "manager" (want one of ["customer" "agent" "bot"])`, "roles are a closed set"},
		{"capitalised role", `{"messages":[{"role":"Agent","text":"x"}]}`,
			`rapport: unknown role "Agent" (want one of ["customer" "agent" "bot"])`, "words are lower-case, exactly"},
		{"empty role", `{"messages":[{"role":"","text":"x"}]}`,
			`rapport: unknown role "" (want one of ["customer" "agent" "bot"])`, "a message must say who wrote it"},
		{"bad status", `{"customer":{"status":"vip"},"messages":[]}`,
			`rapport: unknown status "vip" (want one of ["prospect" "current" "former"])`, "statuses are a closed set"},
		{"bad channel", `{"channel":"In Person","messages":[]}`,
			`rapport: invalid channel "In Person": want a lower-case word such as "chat"`, "channels are lower-case words"},
		{"bad locale", `{"customer":{"locale":"xx-!!"},"messages":[]}`,
			`language: tag is not well-formed`, "locales are BCP 47 tags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c rapport.Conversation
			err := json.Unmarshal([]byte(tt.json), &c)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Unmarshal error = %v, want %q (%s)", err, tt.want, tt.reason)
			}
		})
	}
}

// TestChannelRoundTrip checks that a channel that could not be read back is
// not written.
func TestChannelRoundTrip(t *testing.T) {
	if _, err := json.Marshal(rapport.Conversation{Channel: "In Person!"}); err == nil {
		t.Error("Marshal of an invalid channel succeeded; want an error")
	}
	b, err := json.Marshal(rapport.Conversation{Channel: rapport.ChannelInPerson})
	if err != nil || !strings.Contains(string(b), `"channel":"in_person"`) {
		t.Errorf("Marshal = %s, %v", b, err)
	}
}

func TestEnumRoundTrip(t *testing.T) {
	for _, s := range []rapport.Severity{rapport.Info, rapport.Minor, rapport.Major, rapport.Critical} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		got, err := rapport.ParseSeverity(string(b))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", b, got, err, s)
		}
	}
	if _, err := rapport.RoleUnset.MarshalText(); err == nil {
		t.Error("RoleUnset.MarshalText succeeded; an unset role must not marshal")
	}
	if !(rapport.Info < rapport.Minor && rapport.Minor < rapport.Major && rapport.Major < rapport.Critical) {
		t.Error("severities must be ordered Info < Minor < Major < Critical")
	}
}

func at(clock string) time.Time {
	t, err := time.Parse(time.RFC3339, "2026-11-20T"+clock+"+01:00")
	if err != nil {
		panic(err)
	}
	return t
}

func TestHelpers(t *testing.T) {
	cu, ag := rapport.RoleCustomer, rapport.RoleAgent
	c := rapport.Conversation{
		Customer: rapport.Customer{Locale: language.Italian},
		Messages: []rapport.Message{
			{Role: cu, Text: "Un espresso, per favore.", At: at("08:30:00")},                   // 0
			{Role: cu, Text: "I'm still waiting!", Lang: language.English, At: at("08:35:00")}, // 1
			{Role: ag, Text: "Arriva!", At: at("08:35:20")},                                    // 2
			{Role: rapport.RoleBot, Text: "Anything else?", At: at("08:36:00")},                // 3
			{Role: cu, Text: "No, grazie."},                                                    // 4 (no time)
			{Role: ag, Text: "Buona giornata!", At: at("21:10:00")},                            // 5
		},
	}
	tests := []struct {
		name       string
		turn       int
		answering  int
		unanswered int
		waited     time.Duration
		hour       int
		hasHour    bool
		lang       language.Tag
		reason     string
	}{
		{"first reply", 2, 1, 0, 5*time.Minute + 20*time.Second, 8, true, language.Italian,
			"the wait runs from the earliest unanswered message, not the latest"},
		{"reply after a reply", 3, 1, -1, 0, 8, true, language.Italian,
			"everything was answered already, so nothing was waited for"},
		{"customer without time", 5, 4, 4, 0, 21, true, language.Italian,
			"a missing timestamp gives no wait rather than a wrong one"},
		{"customer message", 1, 0, 0, 5 * time.Minute, 8, true, language.English,
			"a message's own lang wins over the customer's locale"},
		{"out of range", 9, -1, -1, 0, 0, false, language.Und, "out-of-range turns are answered, not panicked on"},
		{"negative", -1, -1, -1, 0, 0, false, language.Und, "negative turns too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Answering(tt.turn); got != tt.answering {
				t.Errorf("Answering(%d) = %d, want %d (%s)", tt.turn, got, tt.answering, tt.reason)
			}
			if got := c.Unanswered(tt.turn); got != tt.unanswered {
				t.Errorf("Unanswered(%d) = %d, want %d (%s)", tt.turn, got, tt.unanswered, tt.reason)
			}
			if got := c.Waited(tt.turn); got != tt.waited {
				t.Errorf("Waited(%d) = %v, want %v (%s)", tt.turn, got, tt.waited, tt.reason)
			}
			if h, ok := c.LocalHour(tt.turn); h != tt.hour || ok != tt.hasHour {
				t.Errorf("LocalHour(%d) = %d, %v; want %d, %v (%s)", tt.turn, h, ok, tt.hour, tt.hasHour, tt.reason)
			}
			if got := c.Lang(tt.turn); got != tt.lang {
				t.Errorf("Lang(%d) = %v, want %v (%s)", tt.turn, got, tt.lang, tt.reason)
			}
		})
	}
	if got := c.FirstReply(); got != 2 {
		t.Errorf("FirstReply = %d, want 2", got)
	}
	if got := c.LastReply(); got != 5 {
		t.Errorf("LastReply = %d, want 5", got)
	}
	var replies []int
	for i := range c.Replies() {
		replies = append(replies, i)
	}
	if d := cmp.Diff([]int{2, 3, 5}, replies); d != "" {
		t.Errorf("Replies (-want +got):\n%s", d)
	}
	var empty rapport.Conversation
	if empty.FirstReply() != -1 || empty.LastReply() != -1 {
		t.Error("an empty conversation has no replies")
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		c      rapport.Conversation
		want   string
		reason string
	}{
		{"ok", rapport.Conversation{Messages: []rapport.Message{{Role: rapport.RoleCustomer, At: at("08:00:00")}, {Role: rapport.RoleAgent}}}, "",
			"a missing time is allowed"},
		{"no role", rapport.Conversation{ID: "x", Messages: []rapport.Message{{Text: "hi"}}},
			`rapport: conversation "x": message 0 has no role`, "a message without a role cannot be judged"},
		{"backwards", rapport.Conversation{ID: "y", Messages: []rapport.Message{{Role: rapport.RoleCustomer, At: at("09:00:00")}, {Role: rapport.RoleAgent, At: at("08:00:00")}}},
			`rapport: conversation "y": message 1 at 2026-11-20T08:00:00+01:00 is earlier than the message before it (2026-11-20T09:00:00+01:00)`,
			"waiting times need a clock that runs forwards"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Validate() = %q, want %q (%s)", got, tt.want, tt.reason)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	s := rapport.Span{Start: 4, End: 9}
	if got := s.In("I'm working"); got != "worki" || s.Len() != 5 {
		t.Errorf("Span.In = %q, Len = %d", got, s.Len())
	}
	if got := (rapport.Span{Start: 3, End: 99}).In("short"); got != "" {
		t.Errorf("out-of-range span gave %q", got)
	}
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(s)
	if got := buf.String(); got != "{\"start\":4,\"end\":9}\n" {
		t.Errorf("span JSON = %s", got)
	}
}
