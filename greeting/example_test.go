package greeting_test

import (
	"fmt"
	"log"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

func ExampleCheck() {
	r := greeting.Check("Sorry for the wait — you're next, thank you for your patience!", language.English)
	fmt.Println("hostile:", r.Hostile)
	fmt.Println("polite:", r.Politeness > 0)
	for _, m := range r.Markers {
		fmt.Printf("%s %q\n", m.Strategy, m.Text)
	}
	// Output:
	// hostile: false
	// polite: true
	// apology "Sorry for the wait"
	// reassurance "you're next"
	// gratitude "thank you for your patience"
}

func ExampleCheck_hostile() {
	r := greeting.Check("I'm working, you have to wait like all others!", language.English)
	fmt.Println("hostile:", r.Hostile)
	for _, m := range r.Hostility() {
		fmt.Printf("%s %q at %d:%d\n", m.Strategy, m.Text, m.Start, m.End)
	}
	// Output:
	// hostile: true
	// dismissal "I'm working" at 0:11
	// command "you have to wait" at 13:29
	// dismissal "like all others" at 30:45
}

func ExampleCheck_negationAndQuotes() {
	for _, text := range []string{
		"Sorry, that was not a stupid question.",
		"You wrote 'this is stupid' in your review; we're sorry to hear that.",
	} {
		fmt.Println(greeting.Check(text, language.English).Hostile)
	}
	// Output:
	// false
	// false
}

func ExampleCheck_detect() {
	r := greeting.Check("Buongiorno, grazie per la pazienza!", language.Und)
	fmt.Println(r.Lang, r.Greeting.Text, r.Greeting.PartOfDay)
	// Output: it Buongiorno day
}

func ExampleDetect() {
	for _, text := range []string{"Grazie mille per la pazienza!", "Thanks a lot for waiting!", "42"} {
		lang, ok := greeting.Detect(text)
		fmt.Println(lang, ok)
	}
	// Output:
	// it true
	// en true
	// en false
}

func ExamplePartOfDay_Fits() {
	r := greeting.Check("Good morning, how can I help?", language.English)
	fmt.Println(r.Greeting.PartOfDay.Fits(9), r.Greeting.PartOfDay.Fits(21))
	// Output: true false
}

func ExampleNew() {
	// A company adds its own phrases for English, such as a house greeting.
	data := []byte(`language en
name English (Espresso Bar Ltd)

[greeting]
ciao bella ; informal

[common]
the and you
`)
	c, err := greeting.New(greeting.WithData("espresso-en.txt", data))
	if err != nil {
		log.Fatal(err)
	}
	r := c.Check("Ciao bella, what can I get you?", language.English)
	fmt.Println(r.Greeting.Text, r.Register)
	// Output: Ciao bella informal
}

func ExampleNew_badData() {
	_, err := greeting.New(greeting.WithData("house.txt", []byte("language en\n[greetings]\nhello\n")))
	fmt.Println(err)
	// Output:
	// house.txt:2:2: unknown section "greetings" (want a strategy name or negation, formal, informal, common, function, neutral, variety, laughter)
	// house.txt:3:1: phrase "hello" is outside a section
}

func ExampleWithLanguages() {
	// A checker for a shop that only serves German and French customers.
	c, err := greeting.New(greeting.WithLanguages(language.German, language.French))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Languages())
	r := c.Check("Guten Tag, vielen Dank für Ihre Geduld!", language.MustParse("de-CH"))
	fmt.Println(r.Lang, r.Register, r.Has(greeting.Gratitude))
	// Output:
	// [de fr]
	// de formal true
}
