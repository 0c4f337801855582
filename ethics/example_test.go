package ethics_test

import (
	"context"
	"fmt"
	"log"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"golang.org/x/text/language"
)

func ExampleDefault() {
	c := rapport.Conversation{
		Channel:  rapport.ChannelChat,
		Customer: rapport.Customer{Locale: language.English},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Hi, can you tell me when my order ships?"},
			{Role: rapport.RoleAgent, Text: "I'm busy. Read the FAQ."},
		},
	}
	d, err := ethics.Default().Evaluate(c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Verdict)
	for _, f := range d.Findings {
		fmt.Println(f.Rule, f.Why)
	}
	// Output:
	// block
	// respect/no-hostility [reply.hostile = true]
	// respect/no-dismissal [reply.has("dismissal") = true]
	// listening/takes-up [previous.words = 9 reply.lang = "en" previous.lang = "en" reply.takes_up = 0.00 reply.has("empathy") = false]
	// first-impression/greeting [previous.turn = 0 reply.greeting = ""]
}

func ExampleParse() {
	src := []byte(`policy shop "Our shop"
principle care "Care for every customer"
  rule vip-warmth major warn
    when facts.vip && reply.politeness < 0.3
    message "{{ customer.name }} is a VIP; politeness is only {{ reply.politeness }}."
    suggest "Thank them by name."
`)
	p, err := ethics.Parse("shop.policy", src)
	if err != nil {
		log.Fatal(err)
	}
	c := rapport.Conversation{
		Customer: rapport.Customer{Name: "Ada"},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Is the blue one in stock?"},
			{Role: rapport.RoleAgent, Text: "It is."},
		},
	}
	d, _ := p.Evaluate(c, ethics.WithFacts(map[string]any{"vip": true}))
	fmt.Println(d.Verdict, d.Findings[0].Message, d.Findings[0].Why)
	// Output: warn Ada is a VIP; politeness is only 0.00. [facts.vip = true reply.politeness = 0.00]
}

func ExampleParse_errors() {
	_, err := ethics.Parse("shop.policy", []byte(`policy shop
principle care
  rule r
    when reply.has("apolgy") && reply.hostle
`))
	fmt.Println(err)
	// Output:
	// shop.policy:4:20: unknown strategy "apolgy" (want one of greeting, closing, gratitude, apology, please, deference, hedge, indirect, empathy, reassurance, follow_up, personal_name, formal_address, informal_address, direct_question, command, blame, dismissal, impatience, insult, profanity, shouting, canned, criticism, factuality, direct_start)
	// 	    when reply.has("apolgy") && reply.hostle
	// 	                   ^
	// shop.policy:4:39: reply and previous have no field hostle (they have: text, lang, turn, role, author, politeness, formality, register, hostile, hostile_text, greeting, greeting_part, greeting_fits, closing, words, takes_up, courtesy_only, has, count)
	// 	    when reply.has("apolgy") && reply.hostle
	// 	                                      ^
}

func ExamplePolicy_RunTests() {
	p := ethics.Default()
	results := p.RunTests()
	passed := 0
	for _, r := range results {
		if r.Passed() {
			passed++
		}
	}
	fmt.Printf("%d of %d tests pass; uncovered rules: %v\n", passed, len(results), p.Uncovered(results))
	// Output: 17 of 17 tests pass; uncovered rules: []
}

func ExampleNewView() {
	// A bot checks its draft against two policies; the conversation is read
	// once.
	c := rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "My invoice is wrong, I was charged twice."},
		{Role: rapport.RoleBot, Text: "Hello! I'm sorry about that! I've refunded the second charge; you'll see it within 3 days."},
	}}
	strict := ethics.MustParse("strict.policy", []byte(`policy strict
principle care
  rule empathy minor warn
    when previous.has("criticism") && !reply.has("empathy")
    message "Show that you understand."
`))
	view := ethics.NewView(c)
	for _, p := range []*ethics.Policy{ethics.Default(), strict} {
		d, _ := p.EvaluateView(context.Background(), view)
		fmt.Println(d.Policy, d.Verdict, d.Rules())
	}
	// Output:
	// first-impression pass []
	// strict warn [care/empathy]
}

func ExampleView_Reset() {
	// A worker judges a stream of conversations with one view, reading each
	// into the memory of the one before.
	replies := []string{
		"I'm working, you have to wait like all others!",
		"Good morning! Sorry for the wait, you're next.",
	}
	var view ethics.View
	for _, reply := range replies {
		view.Reset(rapport.Conversation{Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "I'm still waiting for my espresso!"},
			{Role: rapport.RoleAgent, Text: reply},
		}})
		d, _ := ethics.Default().EvaluateView(context.Background(), &view)
		fmt.Println(d.Verdict, d.Rules())
	}
	// Output:
	// block [respect/no-hostility respect/no-dismissal listening/de-escalate expectations/next-step first-impression/greeting]
	// pass []
}
