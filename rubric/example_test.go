package rubric_test

import (
	"fmt"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/rubric"
)

func ExampleFirstImpression() {
	c := rapport.Conversation{Channel: rapport.ChannelChat, Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Hi, my parcel hasn't arrived yet."},
		{Role: rapport.RoleAgent, Text: "Hello! Sorry about that, I've checked: it arrives tomorrow, and I'll keep you posted."},
	}}
	card := rubric.FirstImpression().Score(c)
	fmt.Printf("%.2f %v\n", card.Score, card.Passed)
	// Output: 0.92 true
}

func ExampleNew() {
	type call struct{ greeted, resolved bool }
	binary := func(ok bool) rubric.Rating {
		if ok {
			return rubric.Pass()
		}
		return rubric.Fail()
	}
	r := rubric.MustNew("phone", []rubric.Criterion[call]{
		{ID: "greeting", Weight: 1, Scale: rubric.Binary(), Score: func(c call) rubric.Rating { return binary(c.greeted) }},
		{ID: "resolution", Weight: 3, Scale: rubric.Binary(), Critical: true, Score: func(c call) rubric.Rating { return binary(c.resolved) }},
	}, rubric.PassMark(0.8))
	for _, c := range []call{{true, true}, {false, true}, {true, false}} {
		card := r.Score(c)
		fmt.Println(card.Score, card.Passed, card.Autofail)
	}
	// Output:
	// 1 true false
	// 0.75 false false
	// 0 false true
}

func ExampleParse() {
	src := []byte(`rubric chat "Chat quality"
criterion thanks "Thanks the customer" weight 1
  scale binary
  score reply.has("gratitude")
criterion tone "Tone" weight 2
  scale percent
  scope every-reply
  score (reply.politeness + 1) * 50
`)
	r, err := rubric.Parse("chat.rubric", src)
	if err != nil {
		fmt.Println(err)
		return
	}
	card := r.Score(rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Can I change my order?"},
		{Role: rapport.RoleAgent, Text: "Thanks for asking! Of course, I've changed it."},
	}})
	fmt.Print(card.Text())
	// Output:
	// chat: 91% — passed
	//   Thanks the customer      100% pass
	//       turn 1: "Thanks for asking" gratitude
	//   Tone                      87%
}

func ExampleCohenKappa() {
	// Two graders, eight replies, pass (1) or fail (0).
	a := []float64{1, 1, 0, 1, 0, 1, 1, 0}
	b := []float64{1, 1, 0, 0, 0, 1, 1, 1}
	k, _ := rubric.CohenKappa(a, b)
	fmt.Printf("%.2f\n", k)
	// Output: 0.47
}

func ExampleSummarizeBy() {
	r := rubric.FirstImpression()
	byAgent := func(yield func(string, rubric.Scorecard) bool) {
		for _, c := range []struct{ agent, reply string }{
			{"ada", "Sorry for the wait — you're next, thank you for your patience!"},
			{"bob", "I'm working, you have to wait like all others!"},
			{"ada", "Thank you for waiting, I'm sorry it took so long. You're next!"},
		} {
			conv := rapport.Conversation{Messages: []rapport.Message{
				{Role: rapport.RoleCustomer, Text: "I'm still waiting for my espresso!"},
				{Role: rapport.RoleAgent, Author: c.agent, Text: c.reply},
			}}
			if !yield(c.agent, r.Score(conv)) {
				return
			}
		}
	}
	for _, g := range rubric.SummarizeBy(byAgent) {
		fmt.Printf("%s: %d scorecards, pass rate %.0f%%, %d critical failures\n", g.Key, g.Count, 100*g.PassRate, g.Autofails)
	}
	// Output:
	// ada: 2 scorecards, pass rate 50%, 0 critical failures
	// bob: 1 scorecards, pass rate 0%, 1 critical failures
}

func ExampleKrippendorffAlpha() {
	// Three graders rate five replies on a 1–4 scale; the third skipped one.
	ratings := [][]float64{
		{4, 3, 1, 2, 4},
		{4, 3, 2, 2, 4},
		{4, 2, 1, rubric.Missing, 3},
	}
	a, _ := rubric.KrippendorffAlpha(ratings, rubric.Ordinal)
	fmt.Printf("%.2f\n", a)
	// Output: 0.84
}

func ExampleRubric_Rate() {
	r := rubric.FirstImpression()
	// A QA lead rates the barman's reply by hand.
	human, err := r.Rate(map[string]rubric.Rating{
		"respect":         rubric.Fail(rubric.Evidence{Turn: 2, Quote: "you have to wait like all others", Note: "brushes the customer off"}),
		"professionalism": rubric.Pass(),
		"empathy":         rubric.Rate(0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(human.Passed, human.Autofail)
	// Output: false true
}
