package main

import (
	"context"
	"fmt"
	"log"

	"github.com/rapportkit/rapport"
	"golang.org/x/text/language"
)

func ExampleGuard_Check() {
	g := Default()
	c := rapport.Conversation{
		Channel:  rapport.ChannelChat,
		Customer: rapport.Customer{Name: "Ada", Locale: language.English},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Hello, I was charged twice for order 1200."},
		},
	}
	for _, draft := range []string{
		"Not my problem, call your bank.",
		"Hello Ada, the second charge is only a hold.",
		"Hello Ada, I'm sorry about the double charge! I've asked our billing team to refund it; you'll hear from us within 24 hours.",
	} {
		r, err := g.Check(context.Background(), c, Draft{Text: draft})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s (politeness %+.2f)\n", r.Action, r.Reading.Politeness)
		for _, f := range r.Findings {
			fmt.Printf("  %s: %s\n", f.Rule, f.Message)
		}
		for _, s := range r.Suggestions {
			fmt.Printf("  try: %s\n", s)
		}
	}
	// Output:
	// block (politeness -0.54)
	//   respect/no-hostility: Hostile reply: "Not my problem"
	//   respect/no-dismissal: The reply brushes the customer off.
	//   listening/takes-up: The reply takes up nothing the customer wrote.
	//   expectations/next-step: The customer has a complaint; the reply does not say what happens next.
	//   first-impression/greeting: The first reply to the customer's opening message does not greet them.
	//   try: Acknowledge the customer's situation, say what you will do, and thank them for their patience.
	//   try: Acknowledge the request and say when you will deal with it.
	//   try: Say what you will do next and when the customer will hear from you.
	//   try: Open with a greeting, and the customer's name if you know it.
	// revise (politeness +0.41)
	//   expectations/next-step: The customer has a complaint; the reply does not say what happens next.
	//   try: Say what you will do next and when the customer will hear from you.
	// send (politeness +0.82)
}
