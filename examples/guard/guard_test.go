package main

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/ethics"
	"golang.org/x/text/language"
)

// milan is the customer's time zone in the bar scenes.
var milan = time.FixedZone("CET", 3600)

// at is a time on the morning of the bar scenes, in Milan.
func at(h, m, s int) time.Time { return time.Date(2026, 11, 20, h, m, s, 0, milan) }

// clock is the guard's clock in the tests: twenty seconds after Marco's
// second message, when the barman answered.
func clock() time.Time { return at(8, 35, 20) }

func customer(when time.Time, text string) rapport.Message {
	return rapport.Message{Role: rapport.RoleCustomer, Text: text, At: when}
}

func agent(when time.Time, text string) rapport.Message {
	return rapport.Message{Role: rapport.RoleAgent, Author: "agent-7", Text: text, At: when}
}

// bar is Marco in a packed bar, waiting five minutes for his espresso.
func bar(lang language.Tag, order, complaint string) rapport.Conversation {
	return rapport.Conversation{
		ID: "bar-" + lang.String(), Channel: rapport.ChannelInPerson, Public: true,
		Customer: rapport.Customer{Name: "Marco", Status: rapport.Current, Locale: lang},
		Messages: []rapport.Message{customer(at(8, 30, 0), order), customer(at(8, 35, 0), complaint)},
	}
}

var (
	barEN = bar(language.English, "One espresso, please.", "I'm still waiting for my espresso!")
	barIT = bar(language.Italian, "Un espresso, per favore.", "Sto ancora aspettando il mio espresso!")
)

// chat is a private chat without times, with the customer's locale.
func chat(lang language.Tag, msgs ...rapport.Message) rapport.Conversation {
	return rapport.Conversation{ID: "chat-" + lang.String(), Channel: rapport.ChannelChat,
		Customer: rapport.Customer{Locale: lang}, Messages: msgs}
}

func TestCheck(t *testing.T) {
	g := Default(WithClock(clock))
	tests := []struct {
		name, reason string
		conv         rapport.Conversation
		draft        Draft
		want         Action
		rules        []string // the rules of the findings returned, in order
	}{{
		name:   "en/warm apology",
		reason: "an apology, a promise and thanks answer a public wait in full",
		conv:   barEN, draft: Draft{Text: "Sorry for the wait — you're next, thank you for your patience!"},
		want: Send,
	}, {
		name:   "en/the barman",
		reason: "a hostile reply in public blocks, and every rule it breaks is reported",
		conv:   barEN, draft: Draft{Text: "I'm working, you have to wait like all others!"},
		want: Block,
		rules: []string{"respect/no-hostility", "respect/no-dismissal", "respect/public-restraint", "listening/de-escalate",
			"timeliness/acknowledge-wait", "timeliness/public-apology", "expectations/next-step"},
	}, {
		name:   "en/polite but ignores the wait",
		reason: "a friendly promise that neither apologises nor thanks after five minutes only warns",
		conv:   barEN, draft: Draft{Text: "Coming right up!"},
		want:  Revise,
		rules: []string{"listening/de-escalate", "timeliness/acknowledge-wait", "timeliness/public-apology"},
	}, {
		name:   "en/audit only",
		reason: "an audit rule is reported but does not hold the draft back",
		conv: chat(language.English, customer(time.Time{},
			"Hello, I ordered a blue jacket in size medium but received a red one in size large, please exchange it.")),
		draft: Draft{Text: "Hello, thank you for your message. Our opening hours are 9 to 5 on weekdays."},
		want:  Send, rules: []string{"listening/takes-up"},
	}, {
		name:   "en/earlier rude reply",
		reason: "findings about replies already sent are not the draft's: a good draft after a rude one is sent",
		conv: chat(language.English,
			customer(time.Time{}, "Hello, my parcel hasn't arrived."),
			agent(time.Time{}, "Not my problem, ask the courier."),
			customer(time.Time{}, "That is really rude!")),
		draft: Draft{Text: "I'm sorry, that answer was wrong. I've opened a claim with the courier and will email you by Friday."},
		want:  Send,
	}, {
		name:   "it/scuse calorose",
		reason: "the Italian apology, promise and thanks answer a public wait in full",
		conv:   barIT, draft: Draft{Text: "Mi scusi per l'attesa, arriva subito! Grazie per la pazienza."},
		want: Send,
	}, {
		name:   "it/il barista",
		reason: "the barman's answer in Italian blocks, with suggestions in Italian where the policy has them",
		conv:   barIT, draft: Draft{Text: "Sto lavorando, deve aspettare come tutti gli altri!"},
		want: Block,
		rules: []string{"respect/no-hostility", "respect/no-dismissal", "respect/public-restraint", "listening/de-escalate",
			"timeliness/acknowledge-wait", "timeliness/public-apology", "expectations/next-step"},
	}, {
		name:   "it/Lei e tu",
		reason: "switching from Lei to tu in one reply is a minor fault that warns",
		conv:   chat(language.Italian, customer(time.Time{}, "Salve, vorrei cambiare il mio abbonamento.")),
		draft:  Draft{Text: "Buongiorno, la ringrazio: può cambiarlo dal sito, ma se vuoi ti mando il link."},
		want:   Revise, rules: []string{"professionalism/steady-register"},
	}, {
		name:   "it/registro",
		reason: "answering a formal customer informally warns",
		conv: chat(language.Italian, customer(time.Time{},
			"Buongiorno, mi scusi, potrebbe dirmi quando arriva il mio ordine? La ringrazio.")),
		draft: Draft{Text: "Ciao! Il tuo ordine arriva domani, ti scrivo appena parte."},
		want:  Revise, rules: []string{"first-impression/customer-register"},
	}, {
		name:   "it/short reply, no tag",
		reason: "no word of a short reply singles out a language, so it is read in the customer's locale, Italian, where Salve greets",
		conv:   chat(language.Italian, customer(time.Time{}, "Un espresso, per favore.")),
		draft:  Draft{Text: "Salve! Arriva subito."},
		want:   Send,
	}, {
		name:   "it/short reply, tagged",
		reason: "a tag on the draft is the language it is read in",
		conv:   chat(language.Italian, customer(time.Time{}, "Un espresso, per favore.")),
		draft:  Draft{Text: "Salve! Arriva subito.", Lang: language.Italian},
		want:   Send,
	}, {
		name:   "it/wrong language",
		reason: "an English reply to an Italian customer warns",
		conv:   chat(language.Italian, customer(time.Time{}, "Buongiorno, vorrei sapere dove si trova il mio ordine.")),
		draft:  Draft{Text: "Hello! Your order left our warehouse today and you will receive it tomorrow."},
		want:   Revise, rules: []string{"first-impression/customer-language"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Check(context.Background(), tt.conv, tt.draft)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			type outcome struct {
				Action Action
				Rules  []string
			}
			got := outcome{r.Action, []string{}}
			for _, f := range r.Findings {
				got.Rules = append(got.Rules, f.Rule)
			}
			want := outcome{tt.want, append([]string{}, tt.rules...)}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%s\nCheck (-want +got):\n%s", tt.reason, d)
			}
			turn := len(tt.conv.Messages)
			for _, f := range r.Findings {
				if f.Turn != turn {
					t.Errorf("finding %s is about turn %d, not the draft's turn %d", f.Rule, f.Turn, turn)
				}
			}
		})
	}
}

// shop is a company's own policy, to check that the guard follows what each
// rule enforces, and keeps findings about the whole conversation.
const shop = `policy shop "A shop's own rules"

principle care "Care for every customer" # one principle is enough here
  rule no-insult critical block
    when reply.has("insult")
    message "The reply insults the customer."
  rule thanks minor
    when !reply.has("gratitude")
    message "The reply does not thank the customer."
    suggest "Thank the customer for writing."
    suggest it "Ringrazi il cliente per averci scritto."
  rule long info audit
    when reply.words > 12
    message "A long reply ({{ reply.words }} words)."
  rule history minor audit
    scope conversation
    when conversation.hostile_replies > 0
    message "Someone was hostile to this customer."
`

func TestCheckPolicy(t *testing.T) {
	g, err := New("shop.policy", []byte(shop))
	if err != nil {
		t.Fatal(err)
	}
	hello := chat(language.English, customer(time.Time{}, "Hello, is the blue scarf still in stock?"))
	tests := []struct {
		name, reason string
		draft        Draft
		want         Action
		rules        []string
		suggestions  []string
	}{{
		name:   "thanks",
		reason: "no rule fires",
		draft:  Draft{Text: "Thank you for asking! Yes, it is."},
		want:   Send, rules: []string{}, suggestions: []string{},
	}, {
		name:   "no thanks",
		reason: "a rule with no enforcement word warns",
		draft:  Draft{Text: "Yes, it is."},
		want:   Revise, rules: []string{"care/thanks"}, suggestions: []string{"Thank the customer for writing."},
	}, {
		name:   "long",
		reason: "an audit rule alone leaves the draft to send",
		draft:  Draft{Text: "Thank you for asking! Yes, the blue scarf is in stock in every size, and it ships today."},
		want:   Send, rules: []string{"care/long"}, suggestions: []string{},
	}, {
		name:   "insult",
		reason: "a block rule blocks; the hostile draft also makes the conversation-wide rule fire, at turn -1",
		draft:  Draft{Text: "Are you stupid? Thank you."},
		want:   Block, rules: []string{"care/no-insult", "care/history"}, suggestions: []string{},
	}, {
		name:   "suggestion in Italian",
		reason: "the suggestion follows the draft's language",
		draft:  Draft{Text: "Sì, è disponibile.", Lang: language.Italian},
		want:   Revise, rules: []string{"care/thanks"}, suggestions: []string{"Ringrazi il cliente per averci scritto."},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Check(context.Background(), hello, tt.draft)
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			type outcome struct {
				Action             Action
				Rules, Suggestions []string
			}
			got := outcome{r.Action, []string{}, r.Suggestions}
			for _, f := range r.Findings {
				got.Rules = append(got.Rules, f.Rule)
			}
			if d := cmp.Diff(outcome{tt.want, tt.rules, tt.suggestions}, got); d != "" {
				t.Errorf("%s\nCheck (-want +got):\n%s", tt.reason, d)
			}
		})
	}
}

func TestCheckSuggestions(t *testing.T) {
	r, err := Default(WithClock(clock)).Check(context.Background(), barIT,
		Draft{Text: "Sto lavorando, deve aspettare come tutti gli altri!"})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range r.Findings {
		if f.Suggestion != "" && !slices.Contains(want, f.Suggestion) {
			want = append(want, f.Suggestion)
		}
	}
	if d := cmp.Diff(want, r.Suggestions); d != "" {
		t.Errorf("suggestions are not the findings' own, once each, in order (-want +got):\n%s", d)
	}
	if !slices.Contains(r.Suggestions, "Si scusi per l'attesa, prima di tutto.") {
		t.Errorf("suggestions %q lack the policy's Italian suggestion for public-apology", r.Suggestions)
	}
	if r.Reading.Lang != language.Italian || !r.Reading.Hostile {
		t.Errorf("reading: lang %v, hostile %v; want it, true (the draft, not the customer's message)", r.Reading.Lang, r.Reading.Hostile)
	}
}

func TestCheckErrors(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	noRole := barEN
	noRole.Messages = []rapport.Message{{Text: "One espresso, please."}}
	failing := `policy tiers "Tiers"
principle care "Care"
  rule vip critical block
    when facts.tier > 2
    message "A VIP."
`
	tests := []struct {
		name, reason string
		policy       string // "" for the default
		ctx          context.Context
		conv         rapport.Conversation
		draft        Draft
		is           error  // what the error must match, if anything
		err          string // the error text
		want         Action
	}{{
		name:   "empty draft",
		reason: "there is nothing to check",
		ctx:    context.Background(), conv: barEN, draft: Draft{},
		is: ErrEmptyDraft, err: "guard: empty draft", want: Revise,
	}, {
		name:   "blank draft",
		reason: "white space is nothing to check either",
		ctx:    context.Background(), conv: barEN, draft: Draft{Text: " \n\t"},
		is: ErrEmptyDraft, err: "guard: empty draft", want: Revise,
	}, {
		name:   "message without a role",
		reason: "the conversation must say who wrote each message",
		ctx:    context.Background(), conv: noRole, draft: Draft{Text: "Hello!"},
		is: ErrConversation, err: `guard: invalid conversation: rapport: conversation "bar-en": message 0 has no role`, want: Revise,
	}, {
		name:   "draft before the conversation",
		reason: "a draft cannot be sent before the message it answers",
		ctx:    context.Background(), conv: barEN, draft: Draft{Text: "Hello!", At: at(8, 31, 0)},
		is:   ErrConversation,
		err:  `guard: invalid conversation: rapport: conversation "bar-en": message 2 at 2026-11-20T08:31:00+01:00 is earlier than the message before it (2026-11-20T08:35:00+01:00)`,
		want: Revise,
	}, {
		name:   "canceled",
		reason: "a draft that was not fully checked is never reported as ready to send",
		ctx:    canceled, conv: barEN, draft: Draft{Text: "Sorry for the wait — you're next, thank you for your patience!"},
		is:   context.Canceled,
		err:  "guard: checking the draft at turn 2: ethics: evaluation stopped before rule respect/no-hostility: context canceled",
		want: Revise,
	}, {
		name:   "rule fails at run time",
		reason: "a failing rule is a warning, whatever it enforces, and the error names it",
		policy: failing, ctx: context.Background(), conv: barEN, draft: Draft{Text: "Hello!"},
		err:  "guard: checking the draft at turn 2: ethics: tiers.policy:4:21: rule care/vip at turn 2: invalid operation: <nil> > int",
		want: Revise,
	}, {
		name:   "audit rule fails at run time",
		reason: "even a rule that only records cannot leave a draft unchecked and ready to send",
		policy: strings.Replace(failing, "critical block", "info audit", 1), ctx: context.Background(), conv: barEN, draft: Draft{Text: "Hello!"},
		err:  "guard: checking the draft at turn 2: ethics: tiers.policy:4:21: rule care/vip at turn 2: invalid operation: <nil> > int",
		want: Revise,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Default(WithClock(clock))
			if tt.policy != "" {
				var err error
				if g, err = New("tiers.policy", []byte(tt.policy)); err != nil {
					t.Fatal(err)
				}
			}
			r, err := g.Check(tt.ctx, tt.conv, tt.draft)
			if err == nil {
				t.Fatalf("%s\nCheck: no error, want %q", tt.reason, tt.err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%s\nerror %q does not match %v", tt.reason, err, tt.is)
			}
			if first, _, _ := strings.Cut(err.Error(), "\n"); first != tt.err {
				t.Errorf("%s\nerror:\n got %s\nwant %s", tt.reason, first, tt.err)
			}
			if r.Action != tt.want {
				t.Errorf("%s\naction %v, want %v", tt.reason, r.Action, tt.want)
			}
		})
	}
}

func TestCheckLeavesConversation(t *testing.T) {
	c := barEN
	c.Messages = make([]rapport.Message, 2, 10) // room to append in place
	copy(c.Messages, barEN.Messages)
	before := slices.Clone(c.Messages[:cap(c.Messages)])
	if _, err := Default(WithClock(clock)).Check(context.Background(), c, Draft{Text: "Coming right up!"}); err != nil {
		t.Fatal(err)
	}
	if after := c.Messages[:cap(c.Messages)]; !slices.Equal(before, after) {
		t.Errorf("Check wrote into the caller's messages:\nbefore %+v\n after %+v", before, after)
	}
}

func TestStamp(t *testing.T) {
	utc := func(h, m int) time.Time { return time.Date(2026, 11, 20, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name, reason string
		now          time.Time
		msgs         []rapport.Message
		at, want     time.Time
	}{{
		name: "now, in the customer's zone", reason: "the customer's local time of day comes from the offset",
		now: utc(7, 40), msgs: barEN.Messages, want: at(8, 40, 0),
	}, {
		name: "given", reason: "a time the caller gives is kept",
		now: utc(7, 40), msgs: barEN.Messages, at: at(8, 36, 0), want: at(8, 36, 0),
	}, {
		name: "clock behind", reason: "a draft is not sent before the message it answers",
		now: utc(7, 0), msgs: barEN.Messages, want: at(8, 35, 0),
	}, {
		name: "no times", reason: "without times in the conversation no wait can be measured from the draft",
		now: utc(7, 40), msgs: chat(language.English, customer(time.Time{}, "Hi")).Messages, want: time.Time{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Default(WithClock(func() time.Time { return tt.now }))
			got := g.stamp(tt.msgs, tt.at)
			if !got.Equal(tt.want) || got.Location().String() != tt.want.Location().String() {
				t.Errorf("%s\nstamp = %v, want %v", tt.reason, got, tt.want)
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	_, err := New("shop.policy", []byte("policy shop \"Shop\"\nprinciple care \"Care\"\n  rule thanks blocks\n    when true\n"))
	if !errors.Is(err, ethics.ErrPolicy) {
		t.Fatalf("New: %v; want an error matching ethics.ErrPolicy", err)
	}
	want := `shop.policy:3:15: unknown word "blocks" in a rule line (want a severity: info, minor, major, critical; or an enforcement: block, warn, audit)`
	if first, _, _ := strings.Cut(err.Error(), "\n"); first != want {
		t.Errorf("New: error\n got %s\nwant %s", first, want)
	}
}

// TestDefaultPolicyTests checks the guard against the built-in policy's
// own tests: they say which verdict each of their conversations gets, and
// the guard must agree on every draft that is the last message of one.
func TestDefaultPolicyTests(t *testing.T) {
	g := Default()
	for _, test := range g.Policy().Tests() {
		msgs := test.Conversation.Messages
		last := msgs[len(msgs)-1]
		if !last.Role.IsReply() || test.Verdict == nil || slices.ContainsFunc(msgs[:len(msgs)-1], func(m rapport.Message) bool { return m.Role.IsReply() }) {
			continue // only tests whose one reply is the draft say the draft's verdict
		}
		t.Run(test.Name, func(t *testing.T) {
			c := test.Conversation
			c.Messages = msgs[:len(msgs)-1]
			r, err := g.Check(context.Background(), c, Draft{Text: last.Text, Lang: last.Lang, At: last.At})
			if err != nil {
				t.Fatal(err)
			}
			if want := actionOf(*test.Verdict); r.Action != want {
				t.Errorf("action %v, want %v (the policy's test expects %v)", r.Action, want, *test.Verdict)
			}
		})
	}
}
