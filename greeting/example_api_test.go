package greeting_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// A Checker reads replies for a help desk; a regional tag such as es-MX
// finds the Spanish data.
func ExampleChecker_Check() {
	c := greeting.Default()
	r := c.Check("¡Buenas tardes! Disculpe la demora, ya revisé su pedido y sale mañana.", language.MustParse("es-MX"))
	fmt.Println(r.Lang, r.Greeting.Text, r.Greeting.PartOfDay, r.Register, r.Hostile)
	for _, m := range r.Markers {
		fmt.Printf("%s %q\n", m.Strategy, m.Text)
	}
	// Output:
	// es Buenas tardes afternoon formal false
	// greeting "Buenas tardes"
	// apology "Disculpe la demora"
	// formal_address "su pedido"
}

// CheckOr reads a reply in the language it is visibly written in, and
// falls back to the customer's locale only when the text gives no evidence
// of its language: an agent who answers a Japanese customer in English is
// read as English, while a thumbs-up is read with the Japanese data.
func ExampleChecker_CheckOr() {
	c := greeting.Default()
	for _, reply := range []string{
		"Thank you for waiting, your refund is on its way.",
		"👍",
		"お待たせいたしました。返金の手続きが完了しました。",
	} {
		r := c.CheckOr(reply, language.Japanese)
		fmt.Println(r.Lang, r.Has(greeting.Gratitude) || r.Has(greeting.Apology))
	}
	// Output:
	// en true
	// ja false
	// ja true
}

// Detect names the language a message is written in; ok is false when the
// text gives no evidence, such as an order number.
func ExampleChecker_Detect() {
	c := greeting.Default()
	for _, text := range []string{
		"Vielen Dank für Ihre Nachricht, wir melden uns morgen.",
		"Merci pour votre patience !",
		"ご不便をおかけして申し訳ありません。",
		"¿Dónde está mi pedido?", // ¿ opens only Spanish questions
		"#48213",
	} {
		lang, ok := c.Detect(text)
		fmt.Println(lang, ok)
	}
	// Output:
	// de true
	// fr true
	// ja true
	// es true
	// en false
}

// Languages lists the languages a checker has data for, the fallback
// first.
func ExampleChecker_Languages() {
	fmt.Println(greeting.Default().Languages())
	// Output:
	// [en de es fr hi it ja ko nl pt ru vi zh]
}

// Default is the shared checker that the package-level Check and Detect
// use; pass it around where a *Checker is expected.
func ExampleDefault() {
	c := greeting.Default()
	r := c.Check("Guten Morgen! Wie kann ich Ihnen helfen?", language.German)
	fmt.Println(r.Greeting.Text, r.Greeting.PartOfDay, r.Register)
	// Output:
	// Guten Morgen morning formal
}

// WithData replaces a built-in language with a company's own phrase data,
// here an English file with the hotel's house greeting and sign-off. The
// file replaces the built-in English data as a whole, so a real one starts
// from a copy of data/en.txt.
func ExampleWithData() {
	data := []byte(`language en
name English (Hotel Aurora)

[greeting]
hello
welcome to hotel aurora

[closing]
warm regards from the aurora team

[gratitude]
thank you

[common]
the and you to
`)
	c, err := greeting.New(greeting.WithData("aurora-en.txt", data))
	if err != nil {
		log.Fatal(err)
	}
	r := c.Check("Welcome to Hotel Aurora! Thank you for booking. Warm regards from the Aurora team", language.English)
	fmt.Printf("%q %q\n", r.Greeting.Text, r.Closing.Text)

	// The file replaced all of the built-in English data: an apology it
	// does not list goes unnoticed.
	r = c.Check("Sorry for the wait!", language.English)
	fmt.Println(r.Has(greeting.Apology))
	// Output:
	// "Welcome to Hotel Aurora" "Warm regards from the Aurora team"
	// false
}

// Errors in phrase data are all reported, each with its file, line and
// column; they match ErrData, and errors.As finds each DataError.
func ExampleDataError() {
	_, err := greeting.New(greeting.WithData("shop-it.txt", []byte("language it\n[saluti]\nbuongiorno\n")))
	fmt.Println(errors.Is(err, greeting.ErrData))
	var de *greeting.DataError
	if errors.As(err, &de) {
		fmt.Println(de.File, de.Line, de.Col, de.Msg)
	}
	// Output:
	// true
	// shop-it.txt 2 2 unknown section "saluti" (want a strategy name or negation, formal, informal, common, function, neutral, variety, laughter)
}

// Has asks whether a reply uses a strategy, as a bot's pre-send check
// might: an apology after a complaint, in Italian.
func ExampleReport_Has() {
	r := greeting.Check("Buongiorno signora Rossi, mi scusi per il disguido: le spediamo subito un nuovo pacco.", language.Italian)
	fmt.Println(r.Has(greeting.Apology), r.Has(greeting.Greeting), r.Has(greeting.Insult))
	// Output:
	// true true false
}

// Count says how often a reply uses a strategy. Each repetition adds less
// to politeness than the one before: the third "thank you" is worth a third
// of the first.
func ExampleReport_Count() {
	r := greeting.Check("Thanks! Thanks so much for the photos, thank you!", language.English)
	fmt.Println(r.Count(greeting.Gratitude), r.Count(greeting.Apology))
	for _, m := range r.Markers {
		fmt.Printf("%s %q %.2f\n", m.Strategy, m.Text, m.Weight)
	}
	// Output:
	// 3 0
	// gratitude "Thanks" 1.20
	// gratitude "Thanks so much" 0.60
	// gratitude "thank you" 0.40
}

// Hostility lists the words that make a reply hostile, with byte offsets
// into the original text, so a user interface can underline them.
func ExampleReport_Hostility() {
	reply := "Das steht doch in der Anleitung. Lesen Sie sie gefälligst!"
	r := greeting.Check(reply, language.German)
	fmt.Println(r.Hostile)
	for _, m := range r.Hostility() {
		fmt.Printf("%s %q %q\n", m.Strategy, m.Text, reply[m.Start:m.End])
	}
	// Output:
	// true
	// blame "Das steht doch" "Das steht doch"
	// command "gefälligst" "gefälligst"
}

// A Report marshals to the stable JSON form, with strategy names, register
// and part of day as words.
func ExampleReport() {
	r := greeting.Check("Good morning, thank you for your patience.", language.English)
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "lang": "en",
	//   "greeting": {
	//     "text": "Good morning",
	//     "start": 0,
	//     "end": 12,
	//     "part_of_day": "morning"
	//   },
	//   "closing": null,
	//   "register": "unknown",
	//   "formality": 0,
	//   "politeness": 0.699,
	//   "hostile": false,
	//   "markers": [
	//     {
	//       "strategy": "greeting",
	//       "start": 0,
	//       "end": 12,
	//       "text": "Good morning",
	//       "weight": 0.53
	//     },
	//     {
	//       "strategy": "gratitude",
	//       "start": 14,
	//       "end": 41,
	//       "text": "thank you for your patience",
	//       "weight": 1.2
	//     }
	//   ]
	// }
}

// ParseStrategy turns the snake_case names used in JSON, policy files and
// configuration into a Strategy; unknown names are an error.
func ExampleParseStrategy() {
	s, err := greeting.ParseStrategy("follow_up")
	fmt.Println(s, err)
	r := greeting.Check("I'll email you as soon as the courier confirms.", language.English)
	fmt.Println(r.Has(s))

	_, err = greeting.ParseStrategy("sarcasm")
	fmt.Println(err)
	// Output:
	// follow_up <nil>
	// true
	// greeting: unknown strategy "sarcasm"
}

// Strategies lists every strategy, for a settings screen or a report
// header; Hostile picks out those that attack the reader.
func ExampleStrategies() {
	var hostile []greeting.Strategy
	for _, s := range greeting.Strategies() {
		if s.Hostile() {
			hostile = append(hostile, s)
		}
	}
	fmt.Println(len(greeting.Strategies()), hostile)
	// Output:
	// 26 [command blame dismissal impatience insult profanity shouting]
}

// Hostile separates the strategies that make a message hostile from those
// that merely lower its politeness, such as a blunt start.
func ExampleStrategy_Hostile() {
	for _, s := range []greeting.Strategy{greeting.Insult, greeting.Command, greeting.Criticism, greeting.DirectStart, greeting.Apology} {
		fmt.Println(s, s.Hostile())
	}
	// Output:
	// insult true
	// command true
	// criticism false
	// direct_start false
	// apology false
}

// Register flags a reply that mixes the formal and informal forms of
// address, a classic first-impression fault: here Lei and tu in one Italian
// sentence.
func ExampleRegister() {
	for _, reply := range []string{
		"Buongiorno, Le confermo che il Suo ordine è partito.",
		"Ciao! Ti mando subito il codice di tracciamento.",
		"Buongiorno, Le confermo l'ordine e ti mando il codice.",
	} {
		r := greeting.Check(reply, language.Italian)
		fmt.Printf("%s %.2f\n", r.Register, r.Formality)
	}
	// Output:
	// formal 0.67
	// informal -0.67
	// mixed 0.00
}

// The region of the tag picks the variety of a language: in Portugal
// "seu" is the reader's under the polite address, in Brazil (and for pt
// alone, Brazil's Portuguese) it goes with the everyday você.
func ExampleRegister_regions() {
	for _, tag := range []string{"pt-PT", "pt-BR", "pt"} {
		r := greeting.Check("Como foi o seu dia?", language.MustParse(tag))
		fmt.Println(tag, r.Register)
	}
	// Output:
	// pt-PT formal
	// pt-BR unknown
	// pt unknown
}

// In Japanese there are no spaces between words; phrases are matched
// anyway, and offsets stay byte offsets into the original text.
func ExampleCheck_japanese() {
	reply := "お待たせして申し訳ございません。明日までに発送いたします。"
	r := greeting.Check(reply, language.Japanese)
	fmt.Println(r.Hostile, r.Politeness > 0)
	for _, m := range r.Markers {
		fmt.Printf("%s %q %d:%d\n", m.Strategy, m.Text, m.Start, m.End)
	}
	// Output:
	// false true
	// apology "お待たせして" 0:18
	// apology "申し訳" 18:27
	// formal_address "ございません" 27:45
	// follow_up "明日までに" 48:63
	// formal_address "いたします" 69:84
}

// The same facts, answered well and badly, in Spanish: the checker reads
// the difference a customer feels.
func ExampleCheck_spanish() {
	for _, reply := range []string{
		"Perdone la espera, enseguida le atiendo. ¡Gracias por su paciencia!",
		"Estoy ocupado, espere como todos.",
	} {
		r := greeting.Check(reply, language.Spanish)
		fmt.Printf("hostile=%v polite=%v\n", r.Hostile, r.Politeness > 0)
	}
	// Output:
	// hostile=false polite=true
	// hostile=true polite=false
}

// TakesUp measures listening: the share of the customer's content words a
// reply picks up, here "parcel" and "arrived" (as "arrives") of three.
func ExampleReport_TakesUp() {
	customer := greeting.Check("My parcel has not arrived, it was due on Monday.", language.English)
	reply := greeting.Check("Sorry! Your parcel arrives tomorrow morning.", language.English)
	fmt.Printf("%.2f %q\n", reply.TakesUp(&customer), customer.Content)
	// Output: 0.67 ["parc" "arri" "mond"]
}

// CourtesyOnly tells a customer's thank-you or hello, which needs nothing
// but courtesy in return, from a message that asks for something.
func ExampleReport_CourtesyOnly() {
	for _, msg := range []string{
		"Perfect, thank you so much for your help!",
		"Thanks, but the parcel still hasn't arrived.",
		"Hello Mrs Smith",
	} {
		r := greeting.Check(msg, language.English)
		fmt.Println(r.CourtesyOnly)
	}
	// Output:
	// true
	// false
	// true
}
