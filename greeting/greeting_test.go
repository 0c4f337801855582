package greeting_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// checkCase is one message and what the checker must read in it.
type checkCase struct {
	name    string
	text    string
	has     []greeting.Strategy // strategies that must be found
	hasNot  []greeting.Strategy // strategies that must not be found
	hostile bool
	polite  int // +1: politeness > 0, -1: < 0, 0: not asserted
	reason  string
}

func runCases(t *testing.T, lang language.Tag, cases []checkCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, lang)
			found := strategies(r)
			for _, s := range tt.has {
				if !r.Has(s) {
					t.Errorf("%q: no %v marker; found %v (%s)", tt.text, s, found, tt.reason)
				}
			}
			for _, s := range tt.hasNot {
				if r.Has(s) {
					t.Errorf("%q: unexpected %v marker; found %v (%s)", tt.text, s, found, tt.reason)
				}
			}
			if r.Hostile != tt.hostile {
				t.Errorf("%q: Hostile = %v, want %v; found %v (%s)", tt.text, r.Hostile, tt.hostile, found, tt.reason)
			}
			if tt.polite > 0 && r.Politeness <= 0 || tt.polite < 0 && r.Politeness >= 0 {
				t.Errorf("%q: Politeness = %.2f, want sign %+d; found %v (%s)", tt.text, r.Politeness, tt.polite, found, tt.reason)
			}
		})
	}
}

func strategies(r greeting.Report) []string {
	var s []string
	for _, m := range r.Markers {
		s = append(s, m.Strategy.String()+":"+m.Text)
	}
	return s
}

const (
	G  = greeting.Greeting
	Cl = greeting.Closing
)

func TestEnglish(t *testing.T) {
	gr := greeting.Gratitude
	runCases(t, language.English, []checkCase{
		{"barman", "I'm working, you have to wait like all others!",
			[]greeting.Strategy{greeting.Dismissal, greeting.Command}, []greeting.Strategy{gr}, true, -1,
			"the seed story: busy, ordering and lumping the customer with everyone"},
		{"better reply", "Sorry for the wait — you're next, thank you for your patience!",
			[]greeting.Strategy{greeting.Apology, greeting.Reassurance, gr}, []greeting.Strategy{greeting.Command}, false, +1,
			"the seed story's better reply"},
		{"greeting", "Good morning! How can I help you today?", []greeting.Strategy{G}, nil, false, +1, "a professional opening"},
		{"closing", "Your refund is on its way. Have a great day!", []greeting.Strategy{Cl, greeting.Reassurance}, nil, false, +1, "a warm sign-off"},
		{"gratitude", "Thanks so much for letting us know.", []greeting.Strategy{gr}, nil, false, +1, "thanks"},
		{"apology", "We apologise for the delay.", []greeting.Strategy{greeting.Apology}, nil, false, +1, "apology"},
		{"please", "Could you please send me the order number?", []greeting.Strategy{greeting.Please, greeting.Indirect}, nil, false, +1, "a soft request"},
		{"deference", "Great question — you're absolutely right.", []greeting.Strategy{greeting.Deference}, nil, false, +1, "esteem for the reader"},
		{"hedge", "I think the parcel might be delayed a little.", []greeting.Strategy{greeting.Hedge}, nil, false, 0, "softeners"},
		{"empathy", "I understand how frustrating this must be.", []greeting.Strategy{greeting.Empathy}, nil, false, +1, "empathy"},
		{"follow up", "I'll get back to you within 24 hours.", []greeting.Strategy{greeting.FollowUp}, nil, false, +1, "setting expectations"},
		{"name", "Hi Marco, thanks for waiting.", []greeting.Strategy{G, greeting.PersonalName, gr}, nil, false, +1, "a capitalised word after a greeting is a name"},
		{"honorific", "Dear Mrs Bianchi, we have received your request.", []greeting.Strategy{G, greeting.PersonalName, greeting.FormalAddress}, nil, false, +1, "an honorific and a name"},
		{"informal address", "Hey dude, gonna check that for ya.", []greeting.Strategy{greeting.InformalAddress}, nil, false, 0, "slang forms of address"},
		{"direct question", "Why did you remove my comment?", []greeting.Strategy{greeting.DirectQuestion}, nil, false, -1, "a confrontational question"},
		{"command", "Calm down and wait your turn.", []greeting.Strategy{greeting.Command}, nil, true, -1, "bossy orders"},
		{"instruction", "Restart the router and try again, then let me know if it works.", nil, []greeting.Strategy{greeting.Command}, false, 0,
			"ordinary instructions are not commands"},
		{"blame", "It's your fault, you should have read the instructions.", []greeting.Strategy{greeting.Blame}, nil, true, -1, "blame"},
		{"dismissal", "That's not my problem.", []greeting.Strategy{greeting.Dismissal}, nil, true, -1, "a negation inside the phrase is part of it"},
		{"impatience", "Hurry up, I don't have all day.", []greeting.Strategy{greeting.Impatience}, nil, true, -1, "impatience"},
		{"insult", "You're an idiot.", []greeting.Strategy{greeting.Insult}, nil, true, -1, "insult"},
		{"profanity", "This fucking app again.", []greeting.Strategy{greeting.Profanity}, nil, true, -1, "profanity"},
		{"shouting caps", "WHERE IS MY ORDER", []greeting.Strategy{greeting.Shouting}, nil, true, -1, "a message in capitals"},
		{"shouting bangs", "Your order is late!!!", []greeting.Strategy{greeting.Shouting}, nil, true, -1, "a run of exclamation marks"},
		{"hello question", "Hello?", []greeting.Strategy{greeting.Impatience}, []greeting.Strategy{G}, true, -1, "a bare 'Hello?' asks whether anyone is there"},
		{"canned", "We apologize for any inconvenience this may have caused.", []greeting.Strategy{greeting.Canned, greeting.Apology}, nil, false, 0,
			"a stock phrase is both canned and an apology"},

		// Traps.
		{"negated insult", "Sorry, that was not a stupid question at all.", []greeting.Strategy{greeting.Apology}, []greeting.Strategy{greeting.Insult}, false, +1,
			"negating a rude word is not rudeness"},
		{"not angry", "I'm not angry, just confused.", nil, []greeting.Strategy{greeting.Insult}, false, 0, "a negated feeling is not hostility"},
		{"quoted insult", "You wrote 'this is stupid' in your review; we're sorry it disappointed you.", nil, []greeting.Strategy{greeting.Insult}, false, 0,
			"quoting the customer is not insulting them"},
		{"double quoted", `The error says "fatal: you idiot" — that's a bug in our app, sorry!`, []greeting.Strategy{greeting.Apology}, []greeting.Strategy{greeting.Insult}, false, 0,
			"a quoted error message is not hostility"},
		{"no problem", "No problem at all, happy to help!", []greeting.Strategy{greeting.Reassurance}, nil, false, +1, "'no problem' is reassurance, not negativity"},
		{"rude name", "Hello Mr Dickens, your parcel has shipped.", []greeting.Strategy{greeting.PersonalName}, []greeting.Strategy{greeting.Profanity}, false, +1,
			"a name containing a rude word is a name"},
		{"rude substring", "Please check the Scunthorpe and Cockburn branches.", nil, []greeting.Strategy{greeting.Profanity}, false, 0,
			"words are matched whole, not inside longer words"},
		{"product names", "Your iPhone and MacBook Pro are covered by AppleCare.", nil, []greeting.Strategy{greeting.Shouting}, false, 0,
			"mixed-case product names are not shouting"},
		{"acronyms", "Your VPN and DNS settings look fine.", nil, []greeting.Strategy{greeting.Shouting}, false, 0,
			"a few acronyms are not shouting"},
		{"contraction quote", "You said 'it's broken' — sorry about that, we'll fix it.", nil, []greeting.Strategy{greeting.Criticism, greeting.Insult}, false, 0,
			"an apostrophe inside a quotation does not end it"},
	})
}

func TestReportJSON(t *testing.T) {
	r := greeting.Check("Good morning Marco, thank you for waiting.", language.English)
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := "closing formality greeting hostile lang markers politeness register"; strings.Join(keys, " ") != want {
		t.Errorf("report keys = %v, want %s", keys, want)
	}
	g := got["greeting"].(map[string]any)
	if g["text"] != "Good morning" || g["start"] != 0.0 || g["end"] != 12.0 || g["part_of_day"] != "morning" {
		t.Errorf("greeting = %v", g)
	}
	if got["lang"] != "en" || got["closing"] != nil {
		t.Errorf("lang = %v, closing = %v", got["lang"], got["closing"])
	}
	m := got["markers"].([]any)[0].(map[string]any)
	for _, k := range []string{"strategy", "start", "end", "text", "weight"} {
		if _, ok := m[k]; !ok {
			t.Errorf("marker lacks %q: %v", k, m)
		}
	}
	var back greeting.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("a report does not unmarshal: %v", err)
	}
	if back.Greeting.PartOfDay != greeting.Morning || !back.Has(greeting.Gratitude) {
		t.Errorf("round trip lost data: %+v", back)
	}
}

func TestEmptyAndOdd(t *testing.T) {
	for _, s := range []string{"", "   ", "\xff\xfe", "!!!", "????", "🙂", strings.Repeat("a", 1<<20)} {
		r := greeting.Check(s, language.Und)
		if r.Lang == language.Und {
			t.Errorf("Check(%.20q).Lang = und; the fallback language should be reported", s)
		}
		if r.Politeness < -1 || r.Politeness > 1 || r.Formality < -1 || r.Formality > 1 {
			t.Errorf("Check(%.20q) out of range: %+v", s, r)
		}
	}
	if r := greeting.Check("", language.English); len(r.Markers) != 0 || r.Hostile || r.Register != greeting.Unknown || r.Politeness >= 0 && r.Politeness != r.Politeness {
		t.Errorf("empty message: %+v", r)
	}
}

func TestLanguageResolution(t *testing.T) {
	tests := []struct {
		tag    string
		want   language.Tag
		reason string
	}{
		{"en-GB", language.English, "a regional tag finds its language"},
		{"en-US", language.English, "a regional tag finds its language"},
		{"it-CH", language.Italian, "Swiss Italian is Italian"},
		{"tlh", language.English, "a tag with no data falls back to detection, English here"},
	}
	for _, tt := range tests {
		r := greeting.Check("Thank you for waiting.", language.MustParse(tt.tag))
		if r.Lang != tt.want {
			t.Errorf("Check(_, %s).Lang = %v, want %v (%s)", tt.tag, r.Lang, tt.want, tt.reason)
		}
	}
}

func TestPartOfDayFits(t *testing.T) {
	tests := []struct {
		p      greeting.PartOfDay
		hour   int
		want   bool
		reason string
	}{
		{greeting.Morning, 9, true, "good morning at nine"},
		{greeting.Morning, 21, false, "no good morning at nine in the evening"},
		{greeting.Evening, 21, true, "good evening at nine in the evening"},
		{greeting.Evening, 2, true, "late-night shifts still say good evening"},
		{greeting.Evening, 10, false, "no good evening in the morning"},
		{greeting.Day, 15, true, "buongiorno in the afternoon is fine"},
		{greeting.Day, 20, false, "buongiorno at eight in the evening is not"},
		{greeting.Night, 23, true, "good night late"},
		{greeting.AnyTime, 3, true, "hello fits any hour"},
	}
	for _, tt := range tests {
		if got := tt.p.Fits(tt.hour); got != tt.want {
			t.Errorf("%v.Fits(%d) = %v, want %v (%s)", tt.p, tt.hour, got, tt.want, tt.reason)
		}
	}
}

func TestSpansPointIntoOriginal(t *testing.T) {
	text := "ＨＥＬＬＯ Café-owner, thank\u00a0you!! Perché?"
	r := greeting.Check(text, language.English)
	if len(r.Markers) == 0 {
		t.Fatal("no markers")
	}
	for _, m := range r.Markers {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("marker %v: text[%d:%d] = %q, Text = %q", m.Strategy, m.Start, m.End, text[m.Start:m.End], m.Text)
		}
	}
	if !r.Has(greeting.Gratitude) || r.Greeting == nil || r.Greeting.Text != "ＨＥＬＬＯ" {
		t.Errorf("full-width greeting or no-break-space thanks missed: %v", strategies(r))
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"I'm working, you have to wait like all others!",
		"Sto lavorando, deve aspettare come tutti gli altri!",
		"Sorry for the wait — you're next, thank you for your patience!",
		"You said 'this is stupid' — \"no\" «non» „nein“ 「いいえ」",
		"ＷＨＥＲＥ IS MY ORDER?!?! ゟ ﷺ e\u0301 \xff",
	} {
		f.Add(s, "en")
		f.Add(s, "und")
		f.Add(s, "it-CH")
	}
	f.Fuzz(func(t *testing.T, text, tag string) {
		lang, _ := language.Parse(tag) // a bad tag gives Und: detection
		r := greeting.Check(text, lang)
		again := greeting.Check(text, lang)
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("two checks of %q differ:\n%s\n%s", text, a, b)
		}
		spans := []*greeting.Phrase{r.Greeting, r.Closing}
		for _, p := range spans {
			if p != nil && (p.Start < 0 || p.End > len(text) || p.Start >= p.End || text[p.Start:p.End] != p.Text) {
				t.Fatalf("phrase %+v outside %q", p, text)
			}
		}
		for _, m := range r.Markers {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("marker %+v outside %q", m, text)
			}
			if !onBoundary(text, m.Start) || !onBoundary(text, m.End) {
				t.Fatalf("marker %+v not on a rune boundary of %q", m, text)
			}
		}
		if r.Politeness < -1 || r.Politeness > 1 || r.Formality < -1 || r.Formality > 1 {
			t.Fatalf("scores out of range: %+v", r)
		}
	})
}

// onBoundary reports whether i starts a rune (or an invalid byte) of s, or is len(s).
func onBoundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return i == len(s)
}
