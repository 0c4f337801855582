// Command espresso tells rapport's seed story: a customer who waited five
// minutes in a packed Milan bar, the barman's answer, and a better one, in
// English and Italian, with what the greeting checker reads in each.
//
//	go run ./examples/espresso
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// A scene is the moment of truth in one language.
type scene struct {
	lang     language.Tag
	customer string
	barman   string
	better   string
}

var scenes = []scene{
	{language.English,
		"I'm still waiting for my espresso!",
		"I'm working, you have to wait like all others!",
		"Sorry for the wait — you're next, thank you for your patience!"},
	{language.Italian,
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
		fmt.Fprintf(w, "The barman: %q\n", s.barman)
		explain(w, greeting.Check(s.barman, s.lang))
		fmt.Fprintf(w, "\nA better answer: %q\n", s.better)
		explain(w, greeting.Check(s.better, s.lang))
	}
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
