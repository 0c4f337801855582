// Command policytest shows how a team asserts its message templates against
// its ethics policy in every language it ships: main prints the verdict on
// each template, and policytest_test.go runs the policy's own tests and
// checks every template under go test.
//
//	go run ./examples/policytest
//	go test ./examples/policytest
package main

import (
	_ "embed"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"golang.org/x/text/language"
)

//go:embed shop.policy
var policySrc []byte

var policy = ethics.MustParse("shop.policy", policySrc)

// A template is a message the shop sends, in one language, with the kind
// of situation it answers and a customer message that leads to it.
type template struct {
	kind, lang, customer, text string
}

// templates are the shop's delay notices, the way a support team keeps
// them in its helpdesk.
var templates = map[string]template{
	"delay/en": {"delay", "en", "Where is my order?",
		"Hello! We're sorry, your order is delayed. It will ship within 2 days and we'll email you the tracking link."},
	"delay/de": {"delay", "de", "Wo bleibt meine Bestellung?",
		"Guten Tag! Wir bitten um Entschuldigung für die Verspätung. Ihre Bestellung wird innerhalb von 2 Tagen verschickt; wir senden Ihnen den Link."},
	"delay/it": {"delay", "it", "Dov'è il mio ordine?",
		"Buongiorno! Ci scusiamo per il ritardo: il Suo ordine partirà entro 2 giorni e Le invieremo il link di tracciamento."},
	"delay/fr": {"delay", "fr", "Où est ma commande ?",
		"Bonjour ! Nous vous prions de nous excuser pour ce retard : votre commande partira sous 2 jours et nous vous enverrons le lien de suivi."},
	"delay/es": {"delay", "es", "¿Dónde está mi pedido?",
		"¡Hola! Disculpe el retraso: su pedido saldrá en 2 días y le enviaremos el enlace de seguimiento."},
}

// check evaluates a template as the bot's reply to its customer message.
func check(t template) (ethics.Decision, error) {
	tag := language.MustParse(t.lang)
	c := rapport.Conversation{
		Customer: rapport.Customer{Locale: tag},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: t.customer},
			{Role: rapport.RoleBot, Text: t.text, Lang: tag},
		},
	}
	return policy.Evaluate(c, ethics.WithFacts(map[string]any{"kind": t.kind}))
}

func main() { run(os.Stdout) }

func run(w io.Writer) {
	for _, name := range slices.Sorted(maps.Keys(templates)) {
		d, err := check(templates[name])
		fmt.Fprintf(w, "%-9s %s\n", name, d.Verdict)
		for _, f := range d.Findings {
			fmt.Fprintf(w, "          %s: %s\n", f.Rule, f.Message)
		}
		if err != nil {
			fmt.Fprintf(w, "          error: %v\n", err)
		}
	}
}
