// Command espresso tells rapport's seed story: a customer who waited five
// minutes in a packed Milan bar, the barman's answer, and a better one, in
// English and Italian: what the greeting checker reads in each, what the
// first-impression policy decides and why, and the QA scorecard.
//
//	go run ./examples/espresso
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/greeting"
	"github.com/rapportkit/rapport/rubric"
	"golang.org/x/text/language"
)

// A scene is the moment of truth in one language.
type scene struct {
	lang     language.Tag
	order    string
	customer string
	barman   string
	better   string
}

var scenes = []scene{
	{language.English,
		"One espresso, please.",
		"I'm still waiting for my espresso!",
		"I'm working, you have to wait like all others!",
		"Sorry for the wait — you're next, thank you for your patience!"},
	{language.Italian,
		"Un espresso, per favore.",
		"Sto ancora aspettando il mio espresso!",
		"Sto lavorando, deve aspettare come tutti gli altri!",
		"Mi scusi per l'attesa, arriva subito! Grazie per la pazienza."},
}

func main() {
	run(os.Stdout)
}

func run(w io.Writer) {
	fmt.Fprintln(w, "A packed bar in Milan, 08:35. Marco ordered an espresso five minutes ago.")
	for _, s := range scenes {
		name := display(s.lang)
		fmt.Fprintf(w, "\n== In %s ==\n\n", name)
		fmt.Fprintf(w, "Marco:     %q\n\n", s.customer)
		for _, reply := range []struct{ who, text string }{{"The barman", s.barman}, {"A better answer", s.better}} {
			fmt.Fprintf(w, "%s: %q\n", reply.who, reply.text)
			explain(w, greeting.Check(reply.text, s.lang))
			c := s.conversation(reply.text)
			judge(w, c)
			fmt.Fprintln(w)
		}
	}
}

// conversation is the scene with the given reply: two customer messages at
// 08:30 and 08:35 in a public bar, and the reply at 08:35:20.
func (s scene) conversation(reply string) rapport.Conversation {
	milan := time.FixedZone("CET", 3600)
	at := func(h, m, sec int) time.Time { return time.Date(2026, 11, 20, h, m, sec, 0, milan) }
	return rapport.Conversation{
		ID: "espresso-" + s.lang.String(), Channel: rapport.ChannelInPerson, Public: true,
		Customer: rapport.Customer{Name: "Marco", Status: rapport.Current, Locale: s.lang},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: s.order, At: at(8, 30, 0)},
			{Role: rapport.RoleCustomer, Text: s.customer, At: at(8, 35, 0)},
			{Role: rapport.RoleAgent, Author: "barman-1", Text: reply, At: at(8, 35, 20)},
		},
	}
}

// judge prints the first-impression policy's decision, with why each rule
// fired, and the first-impression scorecard.
func judge(w io.Writer, c rapport.Conversation) {
	d, err := ethics.Default().Evaluate(c)
	if err != nil {
		fmt.Fprintln(w, "  policy error:", err)
	}
	fmt.Fprintf(w, "  Policy %s: %s\n", d.Policy, strings.ToUpper(d.Verdict.String()))
	for _, f := range d.Findings {
		fmt.Fprintf(w, "    %s (%s): %s\n", f.Rule, f.Severity, f.Message)
		fmt.Fprintf(w, "      why: %s\n", strings.Join(f.Why, "; "))
		if f.Suggestion != "" {
			fmt.Fprintf(w, "      try: %s\n", f.Suggestion)
		}
	}
	card := rubric.FirstImpression().Score(c)
	fmt.Fprint(w, "  Scorecard ", indent(card.Text()))
}

func indent(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ") + "\n"
}

// explain says what the checker read, in words a support lead uses.
func explain(w io.Writer, r greeting.Report) {
	verdict := "reads as polite"
	if r.Politeness < 0 {
		verdict = "reads as impolite"
	}
	fmt.Fprintf(w, "  Politeness %+.2f: %s.\n", r.Politeness, verdict)
	if r.Hostile {
		fmt.Fprintf(w, "  HOSTILE: %s.\n", sentence(r, greeting.Strategy.Hostile))
	} else {
		fmt.Fprintln(w, "  Not hostile.")
	}
	if good := sentence(r, func(s greeting.Strategy) bool { return !s.Hostile() }); good != "" {
		fmt.Fprintf(w, "  Good: %s.\n", good)
	}
	var missing []string
	for _, s := range []greeting.Strategy{greeting.Apology, greeting.Gratitude, greeting.Reassurance} {
		if !r.Has(s) {
			missing = append(missing, doing[s])
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "  Missing: it never %s.\n", strings.Join(missing, ", nor "))
	}
	if r.Register != greeting.Unknown {
		fmt.Fprintf(w, "  Register: %s.\n", r.Register)
	}
}

// doing says what a strategy does to the customer.
var doing = map[greeting.Strategy]string{
	greeting.Apology:     "apologises",
	greeting.Gratitude:   "thanks the customer",
	greeting.Reassurance: "reassures",
	greeting.Empathy:     "shows understanding",
	greeting.Greeting:    "greets",
	greeting.Please:      "says please",
	greeting.Dismissal:   "brushes the customer off",
	greeting.Command:     "orders the customer about",
	greeting.Blame:       "blames the customer",
	greeting.Impatience:  "sounds impatient",
	greeting.Insult:      "insults",
	greeting.Profanity:   "swears",
	greeting.Shouting:    "shouts",
}

// sentence lists what the markers accepted by keep do, quoting their words:
// `brushes the customer off ("I'm working", "like all others")`.
func sentence(r greeting.Report, keep func(greeting.Strategy) bool) string {
	var order []greeting.Strategy
	quotes := map[greeting.Strategy][]string{}
	for _, m := range r.Markers {
		s := m.Strategy
		if _, known := doing[s]; !known || !keep(s) {
			continue
		}
		if quotes[s] == nil {
			order = append(order, s)
		}
		quotes[s] = append(quotes[s], fmt.Sprintf("%q", m.Text))
	}
	parts := make([]string, len(order))
	for i, s := range order {
		parts[i] = fmt.Sprintf("%s (%s)", doing[s], strings.Join(quotes[s], ", "))
	}
	return strings.Join(parts, "; ")
}

func display(t language.Tag) string {
	switch t {
	case language.Italian:
		return "Italian"
	}
	return "English"
}
