package rubric_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/rubric"
	"golang.org/x/text/language"
)

// chatWith returns a two-message chat: the customer's message, then the
// agent's reply.
func chatWith(locale language.Tag, customer, agent string) rapport.Conversation {
	return rapport.Conversation{
		Channel:  rapport.ChannelChat,
		Customer: rapport.Customer{Locale: locale},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: customer},
			{Role: rapport.RoleAgent, Author: "agent-7", Text: agent},
		},
	}
}

// Score rates a conversation on every criterion of the built-in rubric; a
// criterion that does not apply has no score and is left out of the total.
// Active listening counts the customer's words that the reply takes up,
// compared by their first four letters: "Abbuchung" does not take up
// "abgebucht", so this reply, which deals with the double charge, scores as
// ignoring it.
func ExampleRubric_Score() {
	c := chatWith(language.German,
		"Guten Tag, meine Rechnung ist doppelt abgebucht worden.",
		"Guten Tag! Das tut mir leid. Ich habe die zweite Abbuchung storniert, Sie sehen sie in drei Tagen wieder auf Ihrem Konto.")
	card := rubric.FirstImpression().Score(c)
	fmt.Printf("%.2f passed=%v\n", card.Score, card.Passed)
	for _, cs := range card.Criteria {
		if cs.Score == nil {
			fmt.Printf("  %-16s n/a\n", cs.ID)
			continue
		}
		fmt.Printf("  %-16s %.2f %s\n", cs.ID, *cs.Score, cs.Label)
	}
	// Output:
	// 0.76 passed=true
	//   respect          1.00 pass
	//   greeting         0.67 fitting
	//   empathy          n/a
	//   listening        0.00 ignores
	//   professionalism  1.00 pass
	//   genuineness      1.00 pass
	//   clarity          1.00 pass
	//   expectations     n/a
	//   follow-up        n/a
	//   responsiveness   n/a
}

// Text renders a scorecard for a support lead: the verdict, one line per
// criterion, and the words each rating rests on. Here the barman's answer,
// in Italian, fails the critical respect criterion.
func ExampleScorecard_Text() {
	c := chatWith(language.Italian, "Scusi, sto ancora aspettando il mio caffè.", "Sto lavorando, deve aspettare come tutti gli altri!")
	c.Channel, c.Public = rapport.ChannelInPerson, true
	card := rubric.FirstImpression().Score(c)
	fmt.Print(card.Text())
	// Output:
	// first-impression: 0% — FAILED (a critical criterion failed)
	// ! Respect                    0% fail
	//       turn 1: "Sto lavorando" (respect/no-hostility) Hostile reply: "Sto lavorando", "deve aspettare", "come tutti gli altri"
	//       turn 1: "deve aspettare" (respect/no-hostility)
	//       turn 1: "come tutti gli altri" (respect/no-hostility)
	//       turn 1: (respect/public-restraint) An impolite reply in public: everyone present sees how this customer is treated.
	//   Greeting                   0% none
	//       turn 1: "deve aspettare" formal_address
	//   Empathy                    0% none
	//   Active listening         100% answers
	//   Professionalism          100% pass
	//       turn 1: "deve aspettare" formal_address
	//   Genuineness              100% pass
	//   Clarity                  100% pass
	//   Setting expectations       0% fail
	// - Follow-up                n/a
	// - Responsiveness           n/a
}

// Criterion looks up one line of a scorecard by id, as a dashboard does
// for the column it shows.
func ExampleScorecard_Criterion() {
	c := chatWith(language.Spanish, "Hola, ¿tienen esta chaqueta en talla M?", "¡Hola, buenos días! Sí, nos queda una chaqueta en talla M. ¿Quiere que se la guardemos?")
	card := rubric.FirstImpression().Score(c)
	if line, ok := card.Criterion("greeting"); ok {
		fmt.Printf("%s %.2f %s\n", line.Title, *line.Score, line.Label)
	}
	_, ok := card.Criterion("upsell")
	fmt.Println(ok)
	// Output:
	// Greeting 0.67 fitting
	// false
}

// A Scorecard marshals to the stable JSON form; a criterion that does not
// apply has a null score.
func ExampleScorecard() {
	r := rubric.MustNew("callback", []rubric.Criterion[string]{
		{ID: "promised", Title: "Promises a call back", Weight: 1, Scale: rubric.Binary(), Score: func(reply string) rubric.Rating {
			if strings.Contains(reply, "call you back") {
				return rubric.Pass()
			}
			return rubric.Fail()
		}},
		{ID: "escalation", Title: "Escalates", Weight: 1, Scale: rubric.Binary(), Score: func(string) rubric.Rating { return rubric.NA() }},
	})
	card := r.Score("I'll call you back before noon.")
	b, err := json.Marshal(card)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// {"rubric":"callback","score":1,"passed":true,"autofail":false,"criteria":[{"id":"promised","title":"Promises a call back","score":1,"level":1,"label":"pass","evidence":[]},{"id":"escalation","title":"Escalates","score":null,"evidence":[]}]}
}

// emailReply is what a QA team knows about one e-mail answer, for the
// rubrics built in Go below.
type emailReply struct {
	HoursToAnswer float64
	Resolved      bool
	Tone          int // 1–4, from a grader or a model
	Refund        bool
}

// MustNew builds a rubric at package initialisation from criteria written
// in Go, over any type: here e-mail answers, with a points scale, a
// percentage, a critical criterion and one that applies only to refunds.
func ExampleMustNew() {
	tone := rubric.MustPoints(
		rubric.Level{Value: 1, Label: "curt"},
		rubric.Level{Value: 2, Label: "neutral"},
		rubric.Level{Value: 3, Label: "friendly"},
		rubric.Level{Value: 4, Label: "warm"},
	)
	r := rubric.MustNew("email-qa", []rubric.Criterion[emailReply]{
		{ID: "speed", Weight: 1, Scale: rubric.Percent(), Score: func(e emailReply) rubric.Rating {
			return rubric.Rate(max(0, 100-4*e.HoursToAnswer)) // 4 points lost per hour
		}},
		{ID: "tone", Weight: 2, Scale: tone, Score: func(e emailReply) rubric.Rating { return rubric.Rate(float64(e.Tone)) }},
		{ID: "resolved", Weight: 3, Scale: rubric.Binary(), Critical: true, Score: func(e emailReply) rubric.Rating {
			if e.Resolved {
				return rubric.Pass()
			}
			return rubric.Fail(rubric.Evidence{Turn: -1, Note: "the customer wrote again about the same issue"})
		}},
		{ID: "refund-explained", Weight: 1, Scale: rubric.Binary(), Score: func(e emailReply) rubric.Rating {
			if !e.Refund {
				return rubric.NA()
			}
			return rubric.Pass()
		}},
	})
	for _, e := range []emailReply{
		{HoursToAnswer: 2, Resolved: true, Tone: 4},
		{HoursToAnswer: 20, Resolved: true, Tone: 2, Refund: true},
		{HoursToAnswer: 1, Resolved: false, Tone: 3},
	} {
		card := r.Score(e)
		fmt.Printf("%.2f passed=%v autofail=%v\n", card.Score, card.Passed, card.Autofail)
	}
	// Output:
	// 0.99 passed=true autofail=false
	// 0.69 passed=false autofail=false
	// 0.00 passed=false autofail=true
}

// New checks the criteria and reports every problem at once; each is a
// CriterionError naming the criterion, matching the package's sentinel
// errors.
func ExampleNew_errors() {
	_, err := rubric.New("broken", []rubric.Criterion[string]{
		{ID: "greeting", Weight: 1, Scale: rubric.Binary()},
		{ID: "greeting", Weight: 1, Scale: rubric.Binary()},
		{ID: "tone", Weight: -2, Scale: rubric.Percent()},
		{ID: "closing", Weight: 1},
	}, rubric.PassMark(1.5))
	fmt.Println(err)
	fmt.Println(errors.Is(err, rubric.ErrDuplicateID), errors.Is(err, rubric.ErrWeight), errors.Is(err, rubric.ErrScale), errors.Is(err, rubric.ErrPassMark))
	var ce *rubric.CriterionError
	if errors.As(err, &ce) {
		fmt.Println("first:", ce.ID)
	}
	// Output:
	// rubric: pass mark outside 0–1: 1.5
	// criterion "greeting": rubric: duplicate criterion id
	// criterion "tone": rubric: invalid weight -2: want a positive number
	// criterion "closing": rubric: invalid scale: no scale
	// true true true true
	// first: greeting
}

// Points builds a scale of labelled levels, sorted by value; it refuses
// fewer than two levels or a repeated value.
func ExamplePoints() {
	s, err := rubric.Points(
		rubric.Level{Value: 2, Label: "resolved", Descriptor: "The customer's problem is solved in this reply."},
		rubric.Level{Value: 0, Label: "unresolved", Descriptor: "Nothing is solved."},
		rubric.Level{Value: 1, Label: "partly", Descriptor: "A workaround, or a promise with a date."},
	)
	fmt.Println(s, err)
	for _, l := range s.Levels() {
		fmt.Printf("  %v %s: %s\n", l.Value, l.Label, l.Descriptor)
	}
	_, err = rubric.Points(rubric.Level{Value: 1, Label: "yes"}, rubric.Level{Value: 1, Label: "also yes"})
	fmt.Println(err)
	// Output:
	// points 0–2 <nil>
	//   0 unresolved: Nothing is solved.
	//   1 partly: A workaround, or a promise with a date.
	//   2 resolved: The customer's problem is solved in this reply.
	// rubric: invalid scale: two levels have the value 1
}

// MustPoints is Points for scales written into the program, where a
// mistake is a programmer's mistake.
func ExampleMustPoints() {
	courtesy := rubric.MustPoints(
		rubric.Level{Value: 1, Label: "rude"},
		rubric.Level{Value: 3, Label: "correct"},
		rubric.Level{Value: 5, Label: "delightful"},
	)
	fmt.Println(courtesy, courtesy.Min(), courtesy.Max(), courtesy.Label(3))
	// Output:
	// points 1–5 1 5 correct
}

// Binary is the pass-or-fail scale; a criterion on it is usually rated
// with Pass and Fail.
func ExampleBinary() {
	s := rubric.Binary()
	fmt.Println(s, s.Label(0), s.Label(1))
	fmt.Println(rubric.Pass().Value, rubric.Fail().Value)
	// Output:
	// binary fail pass
	// 1 0
}

// Percent is the 0–100 scale, for criteria measured rather than judged,
// such as the share of the customer's questions answered.
func ExamplePercent() {
	s := rubric.Percent()
	answered, asked := 2.0, 3.0
	n, err := s.Normalise(100 * answered / asked)
	fmt.Printf("%s %.2f %v\n", s, n, err)
	// Output:
	// percent 0.67 <nil>
}

// Normalise maps a value on a scale to 0–1, the common ground on which
// criteria are weighted; values off the scale are refused.
func ExampleScale_Normalise() {
	stars := rubric.MustPoints(
		rubric.Level{Value: 1, Label: "poor"},
		rubric.Level{Value: 2, Label: "fair"},
		rubric.Level{Value: 3, Label: "good"},
		rubric.Level{Value: 4, Label: "great"},
		rubric.Level{Value: 5, Label: "excellent"},
	)
	for _, v := range []float64{1, 4, 2.5} {
		n, err := stars.Normalise(v)
		fmt.Println(v, n, err)
	}
	// Output:
	// 1 0 <nil>
	// 4 0.75 <nil>
	// 2.5 0 rubric: 2.5 is not a level of the scale (points 1–5)
}

// PassMark sets the score a scorecard needs to pass: a team that wants
// every chat near perfect raises it from the default 0.7.
func ExamplePassMark() {
	criteria := []rubric.Criterion[int]{{
		ID: "stars", Weight: 1, Scale: rubric.MustPoints(
			rubric.Level{Value: 1, Label: "poor"}, rubric.Level{Value: 2, Label: "fair"},
			rubric.Level{Value: 3, Label: "good"}, rubric.Level{Value: 4, Label: "great"},
			rubric.Level{Value: 5, Label: "excellent"}),
		Score: func(stars int) rubric.Rating { return rubric.Rate(float64(stars)) },
	}}
	lenient := rubric.MustNew("csat", criteria)
	strict := rubric.MustNew("csat-strict", criteria, rubric.PassMark(0.9))
	for _, stars := range []int{4, 5} {
		a, b := lenient.Score(stars), strict.Score(stars)
		fmt.Println(stars, a.Score, a.Passed, b.Passed)
	}
	// Output:
	// 4 0.75 true false
	// 5 1 true true
}

// FlagCritical keeps the weighted score of a scorecard whose critical
// criterion failed, and only flags it: the card still fails, but a team
// lead can tell a near miss from a reply that got everything wrong.
func ExampleFlagCritical() {
	type chat struct{ polite, accurate bool }
	binary := func(ok bool) rubric.Rating {
		if ok {
			return rubric.Pass()
		}
		return rubric.Fail()
	}
	criteria := []rubric.Criterion[chat]{
		{ID: "polite", Weight: 1, Scale: rubric.Binary(), Critical: true, Score: func(c chat) rubric.Rating { return binary(c.polite) }},
		{ID: "accurate", Weight: 3, Scale: rubric.Binary(), Score: func(c chat) rubric.Rating { return binary(c.accurate) }},
	}
	rude := chat{polite: false, accurate: true}
	for _, r := range []*rubric.Rubric[chat]{
		rubric.MustNew("zeroing", criteria),
		rubric.MustNew("flagging", criteria, rubric.FlagCritical),
	} {
		card := r.Score(rude)
		fmt.Println(r.Name(), card.Score, card.Passed, card.Autofail)
	}
	// Output:
	// zeroing 0 false true
	// flagging 0.75 false true
}

// Summarize turns a week of scorecards into a team's figures: mean score,
// pass rate, and per criterion the mean and the number of failures.
func ExampleSummarize() {
	r := rubric.FirstImpression()
	var cards []rubric.Scorecard
	for _, c := range []rapport.Conversation{
		chatWith(language.English, "Hi, my order arrived damaged.", "Hello! I'm so sorry about that. I'll send you a replacement today and email you the tracking number."),
		chatWith(language.Italian, "Buongiorno, il pacco è arrivato rotto.", "Buongiorno, mi dispiace molto! Le spediamo oggi un pacco nuovo."),
		chatWith(language.English, "My order arrived damaged.", "Not my problem, call the courier."),
	} {
		cards = append(cards, r.Score(c))
	}
	s := rubric.Summarize(slices.Values(cards))
	fmt.Printf("%d cards, mean %.2f, pass rate %.2f, %d autofail\n", s.Count, s.MeanScore, s.PassRate, s.Autofails)
	for _, cs := range s.Criteria {
		if cs.Mean == nil {
			continue
		}
		fmt.Printf("  %-16s mean %.2f on %d, %d failed\n", cs.ID, *cs.Mean, cs.Applicable, cs.Failures)
	}
	// Output:
	// 3 cards, mean 0.57, pass rate 0.67, 1 autofail
	//   respect          mean 0.67 on 3, 1 failed
	//   greeting         mean 0.44 on 3, 1 failed
	//   empathy          mean 0.25 on 2, 1 failed
	//   listening        mean 0.50 on 2, 1 failed
	//   professionalism  mean 1.00 on 3, 0 failed
	//   genuineness      mean 1.00 on 3, 0 failed
	//   clarity          mean 1.00 on 3, 0 failed
	//   expectations     mean 0.50 on 2, 1 failed
	//   follow-up        mean 0.50 on 2, 1 failed
}

// A Tally adds scorecards one at a time, in constant memory, as they
// stream out of a helpdesk export.
func ExampleTally() {
	r := rubric.FirstImpression()
	var t rubric.Tally
	for _, reply := range []string{
		"Bonjour ! Désolé pour l'attente, je regarde votre commande tout de suite.",
		"Bonjour, votre commande part demain.",
	} {
		t.Add(r.Score(chatWith(language.French, "Bonjour, où en est ma commande ?", reply)))
	}
	s := t.Summary()
	fmt.Printf("%d cards, mean %.2f, pass rate %.2f\n", s.Count, s.MeanScore, s.PassRate)
	// Output:
	// 2 cards, mean 0.94, pass rate 1.00
}

// Scored tells a scorecard on which no criterion applied, such as that of a
// conversation the company has not answered yet: it scores 0 without
// saying anything of quality, so a Tally counts it apart.
func ExampleScorecard_Scored() {
	r := rubric.FirstImpression()
	unanswered := rapport.Conversation{Customer: rapport.Customer{Locale: language.English},
		Messages: []rapport.Message{{Role: rapport.RoleCustomer, Text: "Hello, is my order on its way?"}}}
	answered := chatWith(language.English, "Hello, is my order on its way?", "Hello! Yes, it arrives tomorrow.")
	var t rubric.Tally
	for _, c := range []rapport.Conversation{unanswered, answered} {
		card := r.Score(c)
		fmt.Println(card.Scored(), card.Score)
		t.Add(card)
	}
	s := t.Summary()
	fmt.Printf("%d scored, %d unscored, pass rate %.2f\n", s.Count, s.Unscored, s.PassRate)
	// Output:
	// false 0
	// true 0.758
	// 1 scored, 1 unscored, pass rate 1.00
}

// PercentAgreement is the share of replies two graders rated alike; it
// does not discount the agreement expected by chance, as kappa does.
func ExamplePercentAgreement() {
	// Two QA leads rate ten replies pass (1) or fail (0); the second
	// skipped one.
	ana := []float64{1, 1, 1, 0, 1, 1, 1, 1, 0, 1}
	ben := []float64{1, 1, 1, 1, 1, 1, 1, 1, 0, rubric.Missing}
	p, err := rubric.PercentAgreement(ana, ben)
	if err != nil {
		log.Fatal(err)
	}
	k, err := rubric.CohenKappa(ana, ben)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("agreement %.2f, kappa %.2f\n", p, k)
	// Output:
	// agreement 0.89, kappa 0.61
}

// WeightedKappa gives credit for near misses on an ordered scale: two
// graders one point apart on a 1–4 tone scale disagree less than two who
// are three points apart.
func ExampleWeightedKappa() {
	a := []float64{4, 3, 3, 2, 1, 4, 2, 3}
	b := []float64{4, 4, 3, 2, 2, 3, 2, 3}
	for _, w := range []rubric.Weighting{rubric.Unweighted, rubric.Linear, rubric.Quadratic} {
		k, err := rubric.WeightedKappa(a, b, w)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%.2f\n", k)
	}
	// Output:
	// 0.47
	// 0.61
	// 0.76
}

// Agreement calibrates graders criterion by criterion: here the automatic
// first-impression rubric against a QA lead who rated the same four chats
// by hand with Rate. They differ on a curt Dutch "Nee.", which the rubric
// lets through and the lead does not.
func ExampleRubric_Agreement() {
	r := rubric.FirstImpression()
	chats := []rapport.Conversation{
		chatWith(language.English, "Hi, can I change my delivery address?", "Hello! Of course, I've changed it for you."),
		chatWith(language.English, "Hi, can I change my delivery address?", "Read the FAQ."),
		chatWith(language.Dutch, "Hallo, kan ik mijn bestelling annuleren?", "Hallo! Ja hoor, ik heb hem geannuleerd."),
		chatWith(language.Dutch, "Hallo, kan ik mijn bestelling annuleren?", "Nee."),
	}
	human := []map[string]rubric.Rating{
		{"respect": rubric.Pass(), "professionalism": rubric.Pass()},
		{"respect": rubric.Fail(), "professionalism": rubric.Pass()},
		{"respect": rubric.Pass(), "professionalism": rubric.Pass()},
		{"respect": rubric.Fail(), "professionalism": rubric.Pass()},
	}
	var machine, lead []rubric.Scorecard
	for i, c := range chats {
		machine = append(machine, r.Score(c))
		card, err := r.Rate(human[i])
		if err != nil {
			log.Fatal(err)
		}
		lead = append(lead, card)
	}
	stats, err := r.Agreement([][]rubric.Scorecard{machine, lead})
	if err != nil {
		log.Fatal(err)
	}
	for i := range chats {
		auto, _ := machine[i].Criterion("respect")
		hand, _ := lead[i].Criterion("respect")
		fmt.Printf("chat %d respect: rubric %s, lead %s\n", i, auto.Label, hand.Label)
	}
	for _, s := range stats {
		if s.Agreement == nil {
			continue // the lead did not rate it
		}
		kappa := "no kappa: every rating was the same"
		if s.Kappa != nil {
			kappa = fmt.Sprintf("kappa %.2f", *s.Kappa)
		}
		fmt.Printf("%s: %d units, agreement %.2f, %s\n", s.ID, s.Units, *s.Agreement, kappa)
	}
	// Output:
	// chat 0 respect: rubric pass, lead pass
	// chat 1 respect: rubric fail, lead fail
	// chat 2 respect: rubric pass, lead pass
	// chat 3 respect: rubric pass, lead fail
	// respect: 4 units, agreement 0.75, kappa 0.50
	// professionalism: 4 units, agreement 1.00, no kappa: every rating was the same
}

// WithPolicy gives a rubric file the ethics policy whose findings fired()
// reads: here a tenant's own policy, in which a reply without the
// customer's name is a finding.
func ExampleWithPolicy() {
	policy := ethics.MustParse("boutique.policy", []byte(`policy boutique "Boutique"
principle care "Personal care"
  rule by-name minor warn
    when customer.name != "" && !reply.has("personal_name")
    message "Address {{ customer.name }} by name."
`))
	r, err := rubric.Parse("boutique.rubric", []byte(`rubric boutique "Boutique chats"
criterion personal "Personal touch" weight 1
  scale binary
  score !fired("care/by-name")
`), rubric.WithPolicy(policy))
	if err != nil {
		log.Fatal(err)
	}
	for _, reply := range []string{"Buongiorno signora Bianchi, la borsa è disponibile.", "Buongiorno, la borsa è disponibile."} {
		c := chatWith(language.Italian, "Buongiorno, la borsa nera è disponibile?", reply)
		c.Customer.Name = "Bianchi"
		card := r.Score(c)
		fmt.Println(card.Passed, card.Criteria[0].Label)
	}
	// Output:
	// true pass
	// false fail
}

// FirstImpressionSource is the text of the built-in rubric, to copy and
// adapt: a team that cares less about greetings lowers their weight.
func ExampleFirstImpressionSource() {
	src := string(rubric.FirstImpressionSource())
	src = strings.Replace(src, `criterion greeting "Greeting" weight 2`, `criterion greeting "Greeting" weight 1`, 1)
	r, err := rubric.Parse("ours.rubric", []byte(src))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range r.Criteria() {
		if c.ID == "greeting" || c.ID == "respect" {
			fmt.Println(c.ID, c.Weight, c.Critical, c.Scale)
		}
	}
	// Output:
	// respect 3 true binary
	// greeting 1 false points 0–3
}

// Parse reports every problem in a rubric file, each with its position
// and a caret; the error matches ErrRubric.
func ExampleParse_errors() {
	_, err := rubric.Parse("team.rubric", []byte(`rubric team "Team"
pass 70
criterion tone "Tone" weight 0
  scale points
    level 0 "cold"
    level 1 "warm"
  score reply.politness > 0 ? 1 : 0
`))
	fmt.Println(errors.Is(err, rubric.ErrRubric))
	fmt.Println(err)
	// Output:
	// true
	// team.rubric:2:6: pass "70": want a number from 0 to 1
	// 	pass 70
	// 	     ^
	// team.rubric:3:30: weight "0": want a positive number
	// 	criterion tone "Tone" weight 0
	// 	                             ^
	// team.rubric:7:15: reply and previous have no field politness (they have: text, lang, turn, role, author, politeness, formality, register, hostile, hostile_text, greeting, greeting_part, greeting_fits, closing, words, takes_up, courtesy_only, has, count)
	// 	  score reply.politness > 0 ? 1 : 0
	// 	              ^
}

// Criteria lists a rubric's criteria with their weights and scales, for a
// QA form that graders fill in by hand.
func ExampleRubric_Criteria() {
	for _, c := range rubric.FirstImpression().Criteria() {
		mark := " "
		if c.Critical {
			mark = "!"
		}
		fmt.Printf("%s %-22s weight %v, %s\n", mark, c.Title, c.Weight, c.Scale)
	}
	// Output:
	// ! Respect                weight 3, binary
	//   Greeting               weight 2, points 0–3
	//   Empathy                weight 1, points 0–2
	//   Active listening       weight 2, points 0–2
	//   Professionalism        weight 2, binary
	//   Genuineness            weight 1, binary
	//   Clarity                weight 1, binary
	//   Setting expectations   weight 1, binary
	//   Follow-up              weight 1, binary
	//   Responsiveness         weight 2, binary
}

// Pass and Fail rate a binary criterion; the evidence they carry is what a
// scorecard quotes to the agent.
func ExamplePass() {
	r := rubric.MustNew("sign-off", []rubric.Criterion[string]{{
		ID: "closing", Title: "Signs off", Weight: 1, Scale: rubric.Binary(),
		Score: func(reply string) rubric.Rating {
			if i := strings.Index(reply, "Cordiali saluti"); i >= 0 {
				return rubric.Pass(rubric.Evidence{Turn: 1, Start: i, End: i + len("Cordiali saluti"), Quote: "Cordiali saluti"})
			}
			return rubric.Fail(rubric.Evidence{Turn: 1, Note: "no sign-off"})
		},
	}})
	for _, reply := range []string{"La fattura è allegata. Cordiali saluti, Giulia", "La fattura è allegata."} {
		card := r.Score(reply)
		fmt.Print(card.Text())
	}
	// Output:
	// sign-off: 100% — passed
	//   Signs off                100% pass
	//       turn 1: "Cordiali saluti"
	// sign-off: 0% — FAILED
	//   Signs off                  0% fail
	//       turn 1: no sign-off
}

// Rate gives a value on the criterion's scale with its evidence; a value
// off the scale is not applicable, with a note saying why.
func ExampleRate() {
	r := rubric.MustNew("wait", []rubric.Criterion[float64]{{
		ID: "speed", Title: "Answer within the hour", Weight: 1, Scale: rubric.Percent(),
		Score: func(minutes float64) rubric.Rating {
			return rubric.Rate(100-100*minutes/60, rubric.Evidence{Turn: -1, Note: fmt.Sprintf("answered after %.0f minutes", minutes)})
		},
	}})
	for _, minutes := range []float64{15, 90} {
		card := r.Score(minutes)
		line, _ := card.Criterion("speed")
		if line.Score == nil {
			fmt.Println("n/a:", line.Evidence[0].Note, "/", line.Evidence[1].Note)
			continue
		}
		fmt.Printf("%.2f %s\n", *line.Score, line.Evidence[0].Note)
	}
	// Output:
	// 0.75 answered after 15 minutes
	// n/a: answered after 90 minutes / rubric: -50 is outside the 0–100 scale
}

// NA leaves a criterion out of the score where it does not apply: a
// refund criterion on a chat about opening hours neither helps nor hurts.
func ExampleNA() {
	type chat struct{ topic string }
	r := rubric.MustNew("refunds", []rubric.Criterion[chat]{
		{ID: "polite", Weight: 1, Scale: rubric.Binary(), Score: func(chat) rubric.Rating { return rubric.Pass() }},
		{ID: "refund-policy", Weight: 3, Scale: rubric.Binary(), Score: func(c chat) rubric.Rating {
			if c.topic != "refund" {
				return rubric.NA()
			}
			return rubric.Fail()
		}},
	})
	for _, c := range []chat{{"opening hours"}, {"refund"}} {
		card := r.Score(c)
		fmt.Printf("%s: %.2f %v\n", c.topic, card.Score, card.Passed)
	}
	// Output:
	// opening hours: 1.00 true
	// refund: 0.25 false
}

// Name, Title and String identify a rubric in logs and reports.
func ExampleRubric_String() {
	r := rubric.FirstImpression()
	fmt.Println(r.Name())
	fmt.Println(r.Title())
	fmt.Println(r)
	// Output:
	// first-impression
	// First impression
	// first-impression "First impression"
}

// The zero Scale is not a scale; Valid tells it from one built by Binary,
// Points or Percent, and New refuses a criterion without one.
func ExampleScale_Valid() {
	var unset rubric.Scale
	fmt.Println(unset.Valid(), rubric.Binary().Valid(), rubric.Percent().Valid())
	// Output:
	// false true true
}

// ScoreView scores a conversation already read for a policy: the policy's
// decision and the scorecard come from one reading of each message.
func ExampleScoreView() {
	c := chatWith(language.English, "Hello, my parcel has not arrived.",
		"Hello! I'm sorry your parcel has not arrived: it left our warehouse today and arrives tomorrow. I'll keep you posted.")
	view := ethics.NewView(c)
	decision, err := ethics.Default().EvaluateView(context.Background(), view)
	if err != nil {
		log.Fatal(err)
	}
	card := rubric.ScoreView(rubric.FirstImpression(), view)
	fmt.Println(decision.Verdict, card.Passed, card.Score)
	// Output: pass true 0.917
}
