package rapport_test

import (
	"encoding/json"
	"fmt"
	"log"
	"time"
	"unicode/utf8"

	"github.com/rapportkit/rapport"
	"golang.org/x/text/language"
)

// local returns a time on 20 November 2026 on the customer's clock, in a
// zone offset hours east of UTC.
func local(offset int, hh, mm, ss int) time.Time {
	zone := time.FixedZone("", offset*3600)
	return time.Date(2026, time.November, 20, hh, mm, ss, 0, zone)
}

// espresso is the Milan bar scene: a customer orders, waits five minutes in
// a packed bar and asks again; the barman answers under pressure.
func espresso() rapport.Conversation {
	return rapport.Conversation{
		ID:       "espresso-1",
		Channel:  rapport.ChannelInPerson,
		Public:   true,
		Customer: rapport.Customer{ID: "c-17", Name: "Marco", Status: rapport.Current, Locale: language.MustParse("it-IT")},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Un espresso, per favore.", At: local(1, 8, 30, 0)},
			{Role: rapport.RoleCustomer, Text: "I'm still waiting for my espresso!", Lang: language.English, At: local(1, 8, 35, 0)},
			{Role: rapport.RoleAgent, Author: "barman-1", Text: "I'm working, you have to wait like all others!", At: local(1, 8, 35, 20)},
		},
	}
}

// A conversation read from a helpdesk export and written back: the JSON
// form is a stable contract, so the round trip keeps every field.
func ExampleConversation() {
	export := `{"id": "ticket-381", "channel": "email",
 "customer": {"name": "Lucía", "status": "former", "locale": "es-MX"},
 "messages": [
  {"role": "customer", "text": "¿Pueden devolverme el depósito?", "at": "2026-11-20T09:12:00-06:00"},
  {"role": "agent", "author": "ana", "text": "¡Buenos días, Lucía! Claro, se lo devolvemos hoy mismo.", "at": "2026-11-20T10:02:00-06:00"}]}`

	var c rapport.Conversation
	if err := json.Unmarshal([]byte(export), &c); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Channel, c.Customer.Status, c.Customer.Locale, len(c.Messages))
	fmt.Println(c.Messages[1].Role, c.Messages[1].Author, c.Waited(1))

	out, err := json.Marshal(c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
	// Output:
	// email former es-MX 2
	// agent ana 50m0s
	// {"id":"ticket-381","channel":"email","customer":{"name":"Lucía","status":"former","locale":"es-MX"},"messages":[{"role":"customer","text":"¿Pueden devolverme el depósito?","at":"2026-11-20T09:12:00-06:00"},{"role":"agent","author":"ana","text":"¡Buenos días, Lucía! Claro, se lo devolvemos hoy mismo.","at":"2026-11-20T10:02:00-06:00"}]}
}

// Unknown words in the enumerations are refused rather than guessed, so a
// typo in an export is caught when it is read.
func ExampleConversation_unknownRole() {
	var c rapport.Conversation
	err := json.Unmarshal([]byte(`{"messages": [{"role": "operator", "text": "Hallo!"}]}`), &c)
	fmt.Println(err)
	// Output:
	// rapport: unknown role "operator" (want one of ["customer" "agent" "bot"])
}

// Replies walks the company's side of the conversation: agents and bots,
// with their index in Messages.
func ExampleConversation_Replies() {
	c := rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Hallo, mein Paket ist nicht angekommen."},
		{Role: rapport.RoleBot, Text: "Guten Tag! Ich verbinde Sie mit einer Kollegin."},
		{Role: rapport.RoleAgent, Author: "jana", Text: "Guten Tag, hier ist Jana. Das tut mir leid, ich prüfe das sofort."},
		{Role: rapport.RoleCustomer, Text: "Danke!"},
	}}
	for i, m := range c.Replies() {
		fmt.Printf("%d %s %q\n", i, m.Role, m.Author)
	}
	// Output:
	// 1 bot ""
	// 2 agent "jana"
}

// FirstReply is the company's first impression: here the barman's answer.
// It is -1 while the customer is still alone.
func ExampleConversation_FirstReply() {
	c := espresso()
	fmt.Println(c.FirstReply(), c.Messages[c.FirstReply()].Author)

	waiting := rapport.Conversation{Messages: c.Messages[:2]}
	fmt.Println(waiting.FirstReply())
	// Output:
	// 2 barman-1
	// -1
}

// LastReply is the reply under review when a bot checks its draft before
// sending it.
func ExampleConversation_LastReply() {
	c := rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Bonjour, je voudrais changer mon adresse de livraison."},
		{Role: rapport.RoleBot, Text: "Bonjour ! Quelle est la nouvelle adresse ?"},
		{Role: rapport.RoleCustomer, Text: "12 rue des Lilas, Lyon."},
		{Role: rapport.RoleBot, Text: "Merci, c'est noté : 12 rue des Lilas, Lyon."}, // the draft
	}}
	fmt.Println(c.FirstReply(), c.LastReply())
	// Output:
	// 1 3
}

// Answering finds the customer message a reply answers: the last one
// before it. Unanswered finds the earliest one still waiting, which is where
// the customer's wait began.
func ExampleConversation_Answering() {
	c := espresso()
	reply := c.FirstReply()
	fmt.Printf("answers %d: %q\n", c.Answering(reply), c.Messages[c.Answering(reply)].Text)
	fmt.Printf("waiting since %d: %q\n", c.Unanswered(reply), c.Messages[c.Unanswered(reply)].Text)
	// Output:
	// answers 1: "I'm still waiting for my espresso!"
	// waiting since 0: "Un espresso, per favore."
}

// Unanswered restarts after each reply: a customer who was answered and then
// writes again has been waiting only since the new message.
func ExampleConversation_Unanswered() {
	c := rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Ciao, avete la taglia M?"},
		{Role: rapport.RoleAgent, Text: "Sì, certo!"},
		{Role: rapport.RoleCustomer, Text: "Perfetto. E in blu?"},
		{Role: rapport.RoleCustomer, Text: "Ci siete?"},
		{Role: rapport.RoleAgent, Text: "Mi scusi l'attesa: sì, anche in blu."},
	}}
	fmt.Println(c.Unanswered(1), c.Unanswered(4))
	fmt.Println(c.Unanswered(0)) // nothing before the first message
	// Output:
	// 0 2
	// -1
}

// Waited measures the wait from the first unanswered customer message, not
// the last one: the barman's customer had waited five minutes, not twenty
// seconds.
func ExampleConversation_Waited() {
	c := espresso()
	fmt.Println(c.Waited(c.FirstReply()))

	// Without timestamps there is no wait to measure.
	c.Messages[0].At = time.Time{}
	fmt.Println(c.Waited(c.FirstReply()))
	// Output:
	// 5m20s
	// 0s
}

// LocalHour reads the hour on the customer's clock, from the offset of the
// reply's own timestamp: "good morning" fits at 08:35 in Milan, even though
// it is 07:35 in UTC.
func ExampleConversation_LocalHour() {
	c := espresso()
	hour, ok := c.LocalHour(c.FirstReply())
	fmt.Println(hour, ok, c.Messages[c.FirstReply()].At.UTC().Hour())

	c.Messages[2].At = time.Time{}
	fmt.Println(c.LocalHour(2))
	// Output:
	// 8 true 7
	// 0 false
}

// Lang gives each message its recorded language: its own tag when the
// helpdesk set one, else the customer's locale, else language.Und (detect it
// from the text). The barman answered in English without a tag, so Lang
// reports Marco's locale; the ethics evaluator does better for replies and
// reads them in the language they are visibly written in.
func ExampleConversation_Lang() {
	c := espresso()
	for i := range c.Messages {
		fmt.Println(i, c.Lang(i))
	}
	anonymous := rapport.Conversation{Messages: []rapport.Message{{Role: rapport.RoleCustomer, Text: "こんにちは"}}}
	fmt.Println(anonymous.Lang(0))
	// Output:
	// 0 it-IT
	// 1 en
	// 2 it-IT
	// und
}

// Validate catches structural mistakes in an import before they skew
// waiting times: a message without a role, or one dated before its
// predecessor.
func ExampleConversation_Validate() {
	c := espresso()
	fmt.Println(c.Validate())

	c.Messages[2].At = local(1, 8, 29, 0) // the reply predates the order
	fmt.Println(c.Validate())

	c = espresso()
	c.Messages = append(c.Messages, rapport.Message{Text: "Grazie!"})
	fmt.Println(c.Validate())
	// Output:
	// <nil>
	// rapport: conversation "espresso-1": message 2 at 2026-11-20T08:29:00+01:00 is earlier than the message before it (2026-11-20T08:35:00+01:00)
	// rapport: conversation "espresso-1": message 3 has no role
}

// ParseSeverity reads the severity words used in policy files and JSON;
// severities are ordered, so a threshold is a comparison.
func ExampleParseSeverity() {
	threshold, err := rapport.ParseSeverity("major")
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range []rapport.Finding{
		{Rule: "respect/no-hostility", Severity: rapport.Critical},
		{Rule: "genuineness/not-canned", Severity: rapport.Minor},
		{Rule: "timeliness/acknowledge-wait", Severity: rapport.Major},
	} {
		if f.Severity >= threshold {
			fmt.Println("page the team lead:", f.Rule)
		}
	}
	_, err = rapport.ParseSeverity("urgent")
	fmt.Println(err)
	// Output:
	// page the team lead: respect/no-hostility
	// page the team lead: timeliness/acknowledge-wait
	// rapport: unknown severity "urgent" (want one of ["info" "minor" "major" "critical"])
}

// A Finding marshals to the stable JSON form that dashboards and audit logs
// read; its spans point into the reply's original text.
func ExampleFinding() {
	reply := "Ich arbeite, Sie müssen warten wie alle anderen!"
	f := rapport.Finding{
		Rule:       "respect/no-hostility",
		Principle:  "respect",
		Severity:   rapport.Critical,
		Message:    "Hostile reply",
		Turn:       2,
		Spans:      []rapport.Span{{Start: 13, End: 31}},
		Why:        []string{"reply.hostile = true"},
		Suggestion: "Entschuldigen Sie sich für die Wartezeit.",
	}
	b, err := json.Marshal(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	fmt.Printf("%q\n", f.Spans[0].In(reply))
	// Output:
	// {"rule":"respect/no-hostility","principle":"respect","severity":"critical","message":"Hostile reply","turn":2,"spans":[{"start":13,"end":31}],"why":["reply.hostile = true"],"suggestion":"Entschuldigen Sie sich für die Wartezeit."}
	// "Sie müssen warten"
}

// In cuts the words a span covers out of the original text; Len is their
// length in bytes, not characters, which matters outside ASCII.
func ExampleSpan_In() {
	reply := "お待たせして申し訳ございません。"
	s := rapport.Span{Start: 0, End: 18}
	fmt.Println(s.In(reply), s.Len())
	fmt.Printf("%q\n", rapport.Span{Start: 0, End: 100}.In(reply)) // does not fit
	// Output:
	// お待たせして 18
	// ""
}

// Len is the span's length in bytes: "Perdón" is six letters but seven
// bytes in UTF-8.
func ExampleSpan_Len() {
	reply := "Perdón por la espera, ya está en camino."
	s := rapport.Span{Start: 0, End: 7}
	fmt.Println(s.In(reply), s.Len(), utf8.RuneCountInString(s.In(reply)))
	// Output:
	// Perdón 7 6
}

// IsReply tells the company's side of a conversation from the customer's.
func ExampleRole_IsReply() {
	for _, r := range []rapport.Role{rapport.RoleCustomer, rapport.RoleAgent, rapport.RoleBot} {
		fmt.Println(r, r.IsReply())
	}
	// Output:
	// customer false
	// agent true
	// bot true
}

// Status covers the potential, current and former customers that a
// company's ethics treat alike; an unknown status is left out of JSON.
func ExampleStatus() {
	for _, c := range []rapport.Customer{
		{Name: "Hana", Status: rapport.Prospect},
		{Name: "Jonas", Status: rapport.Former},
		{Name: "anon"},
	} {
		b, _ := json.Marshal(c)
		fmt.Println(string(b))
	}
	// Output:
	// {"name":"Hana","status":"prospect"}
	// {"name":"Jonas","status":"former"}
	// {"name":"anon"}
}

// Any lower-case word is a channel, so a helpdesk can name its own; other
// spellings are refused.
func ExampleChannel_UnmarshalText() {
	for _, word := range []string{"whatsapp", "in_person", "WhatsApp"} {
		var ch rapport.Channel
		err := ch.UnmarshalText([]byte(word))
		fmt.Printf("%q %v\n", ch, err)
	}
	// Output:
	// "whatsapp" <nil>
	// "in_person" <nil>
	// "" rapport: invalid channel "WhatsApp": want a lower-case word such as "chat"
}
