package ethics_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// milan returns a time on 20 November 2026 on a Milan clock (UTC+1).
func milan(hh, mm, ss int) time.Time {
	return time.Date(2026, time.November, 20, hh, mm, ss, 0, time.FixedZone("CET", 3600))
}

// barScene is the Milan espresso bar: an Italian customer waits five
// minutes in a packed bar, and the barman answers in Italian.
func barScene(reply string) rapport.Conversation {
	return rapport.Conversation{
		Channel:  rapport.ChannelInPerson,
		Public:   true,
		Customer: rapport.Customer{Name: "Marco", Status: rapport.Current, Locale: language.Italian},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Un espresso, per favore.", At: milan(8, 30, 0)},
			{Role: rapport.RoleCustomer, Text: "Sto ancora aspettando il mio espresso!", At: milan(8, 35, 0)},
			{Role: rapport.RoleAgent, Author: "barman-1", Text: reply, At: milan(8, 35, 20)},
		},
	}
}

// Evaluate judges a conversation with the built-in policy: the barman's
// answer, in Italian, blocks. Each finding carries its rule, the words that
// triggered it and a suggestion: in the reply's language where the rule has
// one (suggest it "..."), else the rule's default, English in this policy.
func ExamplePolicy_Evaluate() {
	c := barScene("Sto lavorando, deve aspettare come tutti gli altri!")
	d, err := ethics.Default().Evaluate(c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Verdict)
	for _, f := range d.Findings {
		fmt.Printf("%s %s turn %d\n", f.Rule, f.Severity, f.Turn)
		for _, s := range f.Spans {
			fmt.Printf("  %q\n", s.In(c.Messages[f.Turn].Text))
		}
		if f.Suggestion != "" {
			fmt.Println("  →", f.Suggestion)
		}
	}
	// Output:
	// block
	// respect/no-hostility critical turn 2
	//   "Sto lavorando"
	//   "deve aspettare"
	//   "come tutti gli altri"
	//   → Riconosca la situazione del cliente, dica cosa farà e lo ringrazi per la pazienza.
	// respect/no-dismissal major turn 2
	//   "Sto lavorando"
	//   "come tutti gli altri"
	//   → Prenda atto della richiesta e dica quando se ne occuperà.
	// respect/public-restraint critical turn 2
	//   → In public, apologise first and keep the tone warm; take any disagreement to a private channel.
	// listening/de-escalate major turn 2
	//   → Start by acknowledging how the customer feels, then answer.
	// timeliness/acknowledge-wait major turn 2
	//   → Ringrazi il cliente per l'attesa, o si scusi per il ritardo.
	// timeliness/public-apology major turn 2
	//   → Si scusi per l'attesa, prima di tutto.
	// expectations/next-step minor turn 2
	//   → Dica cosa farà e quando il cliente avrà notizie.
}

// The same moment answered well passes the same policy.
func ExamplePolicy_Evaluate_pass() {
	c := barScene("Mi scusi per l'attesa, Marco: arriva subito! Grazie per la pazienza.")
	d, err := ethics.Default().Evaluate(c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Verdict, d.Rules())
	// Output:
	// pass []
}

// EvaluateContext bounds an evaluation with a context, as a request
// handler would: when the context is done, no further rule runs, and the
// decision holds what was found so far.
func ExamplePolicy_EvaluateContext() {
	p := ethics.Default()
	c := barScene("Sto lavorando, deve aspettare come tutti gli altri!")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	d, err := p.EvaluateContext(ctx, c)
	fmt.Println(d.Verdict, err)

	// A request that was cancelled before the evaluation evaluates nothing.
	done, stop := context.WithCancel(context.Background())
	stop()
	d, err = p.EvaluateContext(done, c)
	fmt.Println(d.Verdict, len(d.Findings), errors.Is(err, context.Canceled))
	// Output:
	// block <nil>
	// pass 0 true
}

// EvaluateView judges a conversation prepared once with NewView; several
// policies then share one reading of each message. Here a bot's Spanish
// draft is checked against the built-in policy and a tenant's own, which
// audits replies that do not say what happens next.
func ExamplePolicy_EvaluateView() {
	c := rapport.Conversation{
		Channel:  rapport.ChannelChat,
		Customer: rapport.Customer{Locale: language.Spanish},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Hola, el cargador que compré no funciona."},
			{Role: rapport.RoleBot, Text: "Hola, lamento mucho el problema. ¿Nos puede enviar una foto del cargador?"},
		},
	}
	tenant := ethics.MustParse("tenant.policy", []byte(`policy tenant "Tenant rules"
principle care "Care"
  rule offer-follow-up minor audit
    when !reply.has("follow_up")
    message "Say when the customer will hear from us."
`))
	view := ethics.NewView(c)
	for _, p := range []*ethics.Policy{ethics.Default(), tenant} {
		d, err := p.EvaluateView(context.Background(), view)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d.Policy, d.Verdict, d.Rules())
	}
	// Output:
	// first-impression pass []
	// tenant pass [care/offer-follow-up]
}

// Env shows what the rules see for a reply: useful when writing a
// condition, or explaining a finding to a support lead.
func ExampleView_Env() {
	view := ethics.NewView(barScene("Mi scusi per l'attesa, Marco: arriva subito!"))
	env := view.Env(2)
	fmt.Println(env.Reply.Lang, env.Reply.Register, env.Reply.Has("apology"), env.Reply.Has("gratitude"))
	fmt.Println(env.Customer.Waited, env.Customer.LocalHour, env.Conversation.FirstReply, env.Conversation.Public)
	fmt.Printf("%q\n", env.Previous.Text)
	// Output:
	// it formal true false
	// 5m20s 8 true true
	// "Sto ancora aspettando il mio espresso!"
}

// Report returns the greeting report of any message of the view, the
// customer's as well as the replies, read once and then shared. Marco's
// second message reads as impatient, which is what the listening rules of
// the built-in policy react to.
func ExampleView_Report() {
	view := ethics.NewView(barScene("Arriva subito, Marco!"))
	customer := view.Report(1)
	fmt.Println(customer.Lang, customer.Has(greeting.Impatience), customer.Hostile)
	fmt.Println(view.Report(7) == nil) // out of range
	// Output:
	// it true true
	// true
}

// Conversation returns the conversation a view was built on, for code that
// receives only the view.
func ExampleView_Conversation() {
	view := ethics.NewView(barScene("Arriva subito!"))
	c := view.Conversation()
	fmt.Println(len(c.Messages), c.Customer.Name, c.Waited(c.FirstReply()))
	// Output:
	// 3 Marco 5m20s
}

// Has answers the question a bot asks before sending a draft: did a given
// rule fire? Here a German draft shouts at the customer.
func ExampleDecision_Has() {
	c := rapport.Conversation{
		Channel:  rapport.ChannelEmail,
		Customer: rapport.Customer{Locale: language.German},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Guten Tag, wann wird meine Bestellung geliefert?"},
			{Role: rapport.RoleBot, Text: "Guten Tag! IHRE BESTELLUNG IST UNTERWEGS!!!"},
		},
	}
	d, err := ethics.Default().Evaluate(c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Has("professionalism/no-shouting"), d.Has("respect/no-blame"))
	// Output:
	// true false
}

// Rules lists the rules that fired, once each, in the order of the
// findings: a compact line for a log or a dashboard. A rule can fire on
// several replies.
func ExampleDecision_Rules() {
	c := rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "My card was charged twice."},
		{Role: rapport.RoleAgent, Text: "You must have clicked twice."},
		{Role: rapport.RoleCustomer, Text: "I clicked once."},
		{Role: rapport.RoleAgent, Text: "You must have clicked twice, check your bank app."},
	}}
	d, err := ethics.Default().Evaluate(c)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range d.Findings {
		fmt.Println(f.Turn, f.Rule)
	}
	fmt.Println(d.Rules())
	// Output:
	// 1 respect/no-hostility
	// 1 respect/no-blame
	// 1 first-impression/greeting
	// 3 respect/no-hostility
	// 3 respect/no-blame
	// [respect/no-hostility respect/no-blame first-impression/greeting]
}

// A Decision marshals to the stable JSON form that an audit log or a
// helpdesk plug-in reads.
func ExampleDecision() {
	p := ethics.MustParse("chat.policy", []byte(`policy chat "Chat"
principle respect "Respect"
  rule no-insult critical block
    when reply.has("insult")
    message "Insulting reply: {{ reply.hostile_text }}"
    suggest "Apologise and restate the answer politely."
`))
	d, _ := p.Evaluate(rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Why was my order cancelled?"},
		{Role: rapport.RoleAgent, Text: "Read the email, idiot."},
	}})
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "policy": "chat",
	//   "verdict": "block",
	//   "findings": [
	//     {
	//       "rule": "respect/no-insult",
	//       "principle": "respect",
	//       "severity": "critical",
	//       "message": "Insulting reply: \"idiot\"",
	//       "turn": 1,
	//       "spans": [
	//         {
	//           "start": 16,
	//           "end": 21
	//         }
	//       ],
	//       "why": [
	//         "reply.has(\"insult\") = true"
	//       ],
	//       "suggestion": "Apologise and restate the answer politely."
	//     }
	//   ]
	// }
}

// WithFacts passes what only the host program knows, such as the
// customer's tier or an order's state, to the facts map of the rules.
// A missing fact reads as nil.
func ExampleWithFacts() {
	p := ethics.MustParse("vip.policy", []byte(`policy vip "VIP care"
principle care "Care"
  rule vip-name minor warn
    when facts.tier == "gold" && !reply.has("personal_name")
    message "Address gold customers by name."
  rule late-order major warn
    when facts.days_late != nil && facts.days_late > 2 && !reply.has("apology")
    message "The order is {{ facts.days_late }} days late: apologise."
`))
	c := rapport.Conversation{
		Customer: rapport.Customer{Name: "Chiara", Locale: language.Italian},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Dov'è il mio ordine?"},
			{Role: rapport.RoleAgent, Text: "Buongiorno, il Suo ordine arriva giovedì."},
		},
	}
	for _, facts := range []map[string]any{
		{"tier": "gold", "days_late": 4},
		{"tier": "silver"},
	} {
		d, err := p.Evaluate(c, ethics.WithFacts(facts))
		if err != nil {
			log.Fatal(err)
		}
		for _, f := range d.Findings {
			fmt.Println(f.Rule+":", f.Message)
		}
		fmt.Println(d.Verdict)
	}
	// Output:
	// care/vip-name: Address gold customers by name.
	// care/late-order: The order is 4 days late: apologise.
	// warn
	// pass
}

// WithChecker evaluates with a company's own greeting checker: here one
// that adds Catalan, a language without built-in data, so that the
// first-impression rules see the greeting of a reply to a customer in
// Barcelona, which the built-in checker reads as Spanish and finds no
// greeting in. The [common] words let the checker detect Catalan; the words
// Spanish and Italian do not list count most.
func ExampleWithChecker() {
	catalan := []byte(`language ca
name Català

[greeting]
bon dia ; day
bona tarda ; afternoon
hola

[apology]
perdoni ; formal
{disculpi|disculpa} {el retard|les molèsties|}
ho sento

[gratitude]
gràcies {per la paciència|}

[common]
el la els les de i que per amb
avui encara meva meu això aquest molt també però
`)
	checker, err := greeting.New(greeting.WithData("ca.txt", catalan))
	if err != nil {
		log.Fatal(err)
	}
	c := rapport.Conversation{
		Customer: rapport.Customer{Name: "Jordi", Locale: language.Catalan},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Bon dia, la meva comanda encara no ha arribat."},
			{Role: rapport.RoleAgent, Text: "Bon dia, Jordi! Disculpi el retard: la comanda surt avui."},
		},
	}
	for _, opts := range [][]ethics.EvalOption{nil, {ethics.WithChecker(checker)}} {
		d, err := ethics.Default().Evaluate(c, opts...)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(d.Verdict, d.Rules())
	}
	// Output:
	// warn [first-impression/greeting]
	// pass []
}

// MaxNodes keeps the expressions of a policy from an untrusted tenant
// small; a condition over the limit is refused when the policy is parsed,
// with its position.
func ExampleMaxNodes() {
	src := []byte(`policy tenant
principle care
  rule warm
    when reply.has("greeting") && reply.has("gratitude") && reply.has("empathy") && reply.politeness > 0.5
`)
	_, err := ethics.Parse("tenant.policy", src, ethics.MaxNodes(8))
	fmt.Println(err)
	// Output:
	// tenant.policy:4:56: expression is larger than the limit of 8 nodes
	// 	    when reply.has("greeting") && reply.has("gratitude") && reply.has("empathy") && reply.politeness > 0.5
	// 	                                                       ^
}

// MemoryBudget bounds what an expression may allocate when it runs. A
// condition that builds a huge list fails at run time: the failure becomes
// a finding and an error, and the verdict is at least warn, while every
// other rule still runs.
func ExampleMemoryBudget() {
	p := ethics.MustParse("tenant.policy", []byte(`policy tenant
principle care
  rule greedy minor audit
    when len(map(1..1000000, 0)) > reply.words
  rule greeting minor warn
    when reply.greeting == ""
`), ethics.MemoryBudget(10_000))
	d, err := p.Evaluate(rapport.Conversation{Messages: []rapport.Message{
		{Role: rapport.RoleCustomer, Text: "Hi!"},
		{Role: rapport.RoleAgent, Text: "What do you need?"},
	}})
	fmt.Println(err)
	fmt.Println(d.Verdict, d.Rules())
	fmt.Println(d.Failures[0].Message)
	// Output:
	// ethics: tenant.policy:4:19: rule care/greedy at turn 1: memory budget exceeded
	// warn [care/greeting]
	// rule care/greedy failed: memory budget exceeded
}

// MustParse compiles a policy written into the program, at package
// initialisation; a mistake there is a programmer's mistake and panics.
func ExampleMustParse() {
	// Usually: var shopPolicy = ethics.MustParse(...) at package level.
	shopPolicy := ethics.MustParse("shop.policy", []byte(`policy shop "The corner shop"
principle courtesy "Courtesy with every customer"
  rule thank-returning minor warn
    applies-to former
    when !reply.has("gratitude")
    message "Welcome {{ customer.name }} back with a thank-you."
`))
	c := rapport.Conversation{
		Customer: rapport.Customer{Name: "Ines", Status: rapport.Former},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "Hallo, habt ihr wieder Hafermilch?"},
			{Role: rapport.RoleAgent, Text: "Ja, seit Montag wieder da."},
		},
	}
	d, _ := shopPolicy.Evaluate(c)
	fmt.Println(shopPolicy.Name(), d.Verdict, d.Findings[0].Message)
	// Output:
	// shop warn Welcome Ines back with a thank-you.
}

// DefaultSource is the text of the built-in policy, the best starting
// point for a company's own: copy it, change it, parse it.
func ExampleDefaultSource() {
	src := ethics.DefaultSource()
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "principle ") {
			fmt.Println(line)
		}
	}
	// A company that holds a stricter line on waiting edits the copy.
	mine := strings.Replace(string(src), `duration("2m")`, `duration("1m")`, 1)
	p, err := ethics.Parse("mine.policy", []byte(mine))
	fmt.Println(p.Name(), err)
	// Output:
	// principle respect "Treat potential, current and former customers with respect"
	// principle professionalism "Proper language, calmly"
	// principle listening "Answer what the customer actually said"
	// principle timeliness "Acknowledge the wait"
	// principle genuineness "Say it like you mean it"
	// principle expectations "Say what happens next, and when"
	// principle first-impression "A greeting in the customer's language and register"
	// first-impression <nil>
}

// hotelPolicy is a small policy with its own tests, as a compliance team
// drafts it: two tests so far, and two rules still without one.
const hotelPolicy = `policy hotel "Hotel Aurora front desk"

principle respect "Every guest, every time"
  rule no-hostility critical block
    when reply.hostile
    message "Hostile reply: {{ reply.hostile_text }}"
  rule late-night-greeting minor warn
    scope first-reply
    when reply.greeting != "" && !reply.greeting_fits
    message "{{ reply.greeting }} does not fit {{ customer.local_hour }}:00."

principle care "Care for guests who waited"
  rule thank-for-waiting major warn
    when customer.waited >= duration("10m") && !reply.has("gratitude") && !reply.has("apology")
    message "The guest waited {{ customer.waited }}."

test "a curt night porter"
  offset +01:00
  customer at 23:10 "Buonasera, il riscaldamento in camera 12 non funziona."
  agent at 23:12 "Non è un mio problema, chiami domattina."
  expect respect/no-hostility
  verdict block

test "a warm welcome"
  customer at 14:00 lang de "Guten Tag, ist mein Zimmer schon fertig?"
  agent at 14:02 lang de "Guten Tag! Ja, Ihr Zimmer ist bereit. Herzlich willkommen!"
  expect none
`

// Name, Title and Rules describe a parsed policy, for a settings page or
// a log line.
func ExamplePolicy_Rules() {
	p := ethics.MustParse("hotel.policy", []byte(hotelPolicy))
	fmt.Printf("%s: %s\n", p.Name(), p.Title())
	for _, id := range p.Rules() {
		fmt.Println(" ", id)
	}
	// Output:
	// hotel: Hotel Aurora front desk
	//   respect/no-hostility
	//   respect/late-night-greeting
	//   care/thank-for-waiting
}

// Tests lists the tests written in the policy file, with the conversation
// each one builds and the rules it expects.
func ExamplePolicy_Tests() {
	p := ethics.MustParse("hotel.policy", []byte(hotelPolicy))
	for _, t := range p.Tests() {
		last := t.Conversation.Messages[len(t.Conversation.Messages)-1]
		fmt.Printf("%s (%s): %d messages, expects %v\n", t.Name, t.Pos, len(t.Conversation.Messages), t.Expect)
		fmt.Printf("  last: %s %q at %s\n", last.Role, last.Text, last.At.Format("15:04 -07:00"))
	}
	// Output:
	// a curt night porter (hotel.policy:17:1): 2 messages, expects [respect/no-hostility]
	//   last: agent "Non è un mio problema, chiami domattina." at 23:12 +01:00
	// a warm welcome (hotel.policy:24:1): 2 messages, expects []
	//   last: agent "Guten Tag! Ja, Ihr Zimmer ist bereit. Herzlich willkommen!" at 14:02 +00:00
}

// Uncovered names the rules that no test saw fire: the gaps a compliance
// team closes before the policy goes live.
func ExamplePolicy_Uncovered() {
	p := ethics.MustParse("hotel.policy", []byte(hotelPolicy))
	results := p.RunTests()
	fmt.Println(p.Uncovered(results))
	// Output:
	// [respect/late-night-greeting care/thank-for-waiting]
}

// Run evaluates one test of the file; a test runner or an editor plug-in
// can run them one by one.
func ExampleTest_Run() {
	p := ethics.MustParse("hotel.policy", []byte(hotelPolicy))
	for _, t := range p.Tests() {
		r := t.Run(p)
		fmt.Println(t.Name, r.Passed(), r.Decision.Verdict, r.Got)
	}
	// Output:
	// a curt night porter true block [respect/no-hostility]
	// a warm welcome true pass []
}

// String renders a test result for a person; a failing one shows what was
// expected, what fired and why.
func ExampleTestResult_String() {
	p := ethics.MustParse("shop.policy", []byte(`policy shop "Shop"
principle respect "Respect"
  rule no-dismissal major warn
    when reply.has("dismissal")
    message "The reply brushes the customer off."
test "busy clerk"
  customer "¿Me puede ayudar con la talla?"
  agent "Ahora no puedo, estoy ocupado."
  expect none
`))
	for _, r := range p.RunTests() {
		fmt.Print(r)
	}
	// Output:
	// shop.policy:6:1: test "busy clerk": want [none], got [respect/no-dismissal]
	// 	turn 1 respect/no-dismissal: The reply brushes the customer off. ["reply.has(\"dismissal\") = true"]
}

// Passed is true when exactly the expected rules fired, the verdict is the
// one the test names, and no rule failed at run time. Here the right rule
// fires, but the test expected only a warning.
func ExampleTestResult_Passed() {
	p := ethics.MustParse("bot.policy", []byte(`policy bot "Support bot"
principle respect "Respect"
  rule no-hostility critical block
    when reply.hostile
test "impatient bot"
  customer "Where is my parcel?"
  bot "As I already said, wait."
  expect respect/no-hostility
  verdict warn
`))
	for _, r := range p.RunTests() {
		fmt.Println(r.Passed(), r.Got, r.Decision.Verdict)
	}
	// Output:
	// false [respect/no-hostility] block
}

// Parse reports every problem in a policy file at once. The error matches
// ErrPolicy, and errors.As gives each problem's position, for an editor
// that underlines them.
func ExampleError() {
	_, err := ethics.Parse("tenant.policy", []byte(`policy tenant
principle respect
  rule polite sever block
    when reply.politeness < "0.2"
`))
	fmt.Println(errors.Is(err, ethics.ErrPolicy))
	var pe *ethics.Error
	if errors.As(err, &pe) {
		for _, e := range pe.Errs {
			fmt.Printf("line %d col %d: %s\n", e.Pos.Line, e.Pos.Col, e.Msg)
		}
	}
	// Output:
	// true
	// line 3 col 15: unknown word "sever" in a rule line (want a severity: info, minor, major, critical; or an enforcement: block, warn, audit)
	// line 4 col 27: invalid operation: < (mismatched types float64 and string)
}

// Verdicts are ordered from mildest, so the strictest of several decisions
// is a comparison; they marshal as words.
func ExampleVerdict() {
	verdicts := []ethics.Verdict{ethics.Warn, ethics.Pass, ethics.Block}
	worst := ethics.Pass
	for _, v := range verdicts {
		worst = max(worst, v)
	}
	b, _ := json.Marshal(verdicts)
	fmt.Println(worst, string(b))
	// Output:
	// block ["warn","pass","block"]
}

// Subset keeps the rules a caller needs: here only respect, for a guard
// that blocks rudeness and leaves the rest to QA.
func ExamplePolicy_Subset() {
	respect, err := ethics.Default().Subset("respect/no-hostility", "respect/public-restraint")
	if err != nil {
		panic(err)
	}
	fmt.Println(respect.Rules())
	_, err = ethics.Default().Subset("respect/no-such-rule")
	fmt.Println(err)
	// Output:
	// [respect/no-hostility respect/public-restraint]
	// ethics: policy "first-impression" has no rule "respect/no-such-rule"
}

// Verdict says what a finding of each rule does, for a program that judges
// one reply of a conversation, such as a bot's draft.
func ExamplePolicy_Verdict() {
	p := ethics.Default()
	for _, rule := range []string{"respect/no-hostility", "timeliness/acknowledge-wait", "listening/takes-up"} {
		v, _ := p.Verdict(rule)
		fmt.Println(rule, v)
	}
	// Output:
	// respect/no-hostility block
	// timeliness/acknowledge-wait warn
	// listening/takes-up pass
}
