package greeting_test

import (
	"fmt"
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

// This file is the harness every language's table of cases uses: a case is
// a message, what the checker must read in it, and why.

// want is what a message must read as. Zero fields are not asserted.
type want struct {
	has   []greeting.Strategy       // strategies that must be found
	not   []greeting.Strategy       // strategies that must not be found
	count map[greeting.Strategy]int // exact number of markers of a strategy

	hostile *bool    // Report.Hostile
	above   *float64 // Politeness must be greater than this
	below   *float64 // Politeness must be less than this

	register *greeting.Register

	greeting     *string // text of the greeting; "" means there must be none
	greetingPart *greeting.PartOfDay
	closing      *string // text of the closing; "" means there must be none
	closingPart  *greeting.PartOfDay

	courtesyOnly *bool // Report.CourtesyOnly
}

type langCase struct {
	name   string
	text   string
	want   want
	reason string
}

// casesByLang holds every language's table, by BCP 47 tag; each language's
// test file adds its own in init. The fuzzer is seeded from all of them.
var casesByLang = map[string][]langCase{}

func ptr[T any](v T) *T { return &v }

var (
	yes      = ptr(true)
	no       = ptr(false)
	polite   = ptr(0.0) // as above: reads as polite
	rude     = ptr(0.0) // as below: reads as impolite
	formal   = ptr(greeting.Formal)
	informal = ptr(greeting.Informal)
	mixed    = ptr(greeting.Mixed)
	unknown  = ptr(greeting.Unknown)
	none     = ptr("")
)

type S = []greeting.Strategy

// hostileStrategies lists the strategies that make a message hostile.
var hostileStrategies = S{greeting.Command, greeting.Blame, greeting.Dismissal, greeting.Impatience,
	greeting.Insult, greeting.Profanity, greeting.Shouting}

// runLangCases checks each case with the given tag and expects the report
// to use that language's data.
func runLangCases(t *testing.T, tag language.Tag, cases []langCase) {
	t.Helper()
	runLangCasesAs(t, tag, tag, cases)
}

// runLangCasesAs checks each case with the given tag, a regional one such
// as pt-PT, and expects the report to use the data of lang.
func runLangCasesAs(t *testing.T, tag, lang language.Tag, cases []langCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, tag)
			w := tt.want
			found := found(r)
			fail := func(format string, args ...any) {
				t.Helper()
				t.Errorf("%q: %s\n\tfound %v (%s)", tt.text, fmt.Sprintf(format, args...), found, tt.reason)
			}
			if r.Lang != lang {
				fail("Lang = %v, want %v", r.Lang, lang)
			}
			for _, s := range w.has {
				if !r.Has(s) {
					fail("no %v marker", s)
				}
			}
			for _, s := range w.not {
				if r.Has(s) {
					fail("unexpected %v marker", s)
				}
			}
			for s, n := range w.count {
				if got := r.Count(s); got != n {
					fail("%d %v markers, want %d", got, s, n)
				}
			}
			if w.hostile != nil && r.Hostile != *w.hostile {
				fail("Hostile = %v, want %v", r.Hostile, *w.hostile)
			}
			if w.above != nil && !(r.Politeness > *w.above) {
				fail("Politeness = %.3f, want > %.2f", r.Politeness, *w.above)
			}
			if w.below != nil && !(r.Politeness < *w.below) {
				fail("Politeness = %.3f, want < %.2f", r.Politeness, *w.below)
			}
			if w.courtesyOnly != nil && r.CourtesyOnly != *w.courtesyOnly {
				fail("CourtesyOnly = %v (content words %q), want %v", r.CourtesyOnly, r.Content, *w.courtesyOnly)
			}
			if w.register != nil && r.Register != *w.register {
				fail("Register = %v (formality %.2f), want %v", r.Register, r.Formality, *w.register)
			}
			checkPhrase(fail, "greeting", r.Greeting, w.greeting, w.greetingPart)
			checkPhrase(fail, "closing", r.Closing, w.closing, w.closingPart)
			for _, m := range r.Markers {
				if tt.text[m.Start:m.End] != m.Text {
					fail("marker %v: text[%d:%d] = %q, Text = %q", m.Strategy, m.Start, m.End, tt.text[m.Start:m.End], m.Text)
				}
			}
		})
	}
}

// checkPhrase checks a greeting or closing against the wanted text and part of
// day.
func checkPhrase(fail func(string, ...any), what string, p *greeting.Phrase, text *string, part *greeting.PartOfDay) {
	switch {
	case text != nil && *text == "" && p != nil:
		fail("%s %q, want none", what, p.Text)
	case text != nil && *text != "" && p == nil:
		fail("no %s, want %q", what, *text)
	case text != nil && *text != "" && p.Text != *text:
		fail("%s %q, want %q", what, p.Text, *text)
	}
	if part != nil {
		switch {
		case p == nil:
			fail("no %s, want one naming %v", what, *part)
		case p.PartOfDay != *part:
			fail("%s %q names %q, want %q", what, p.Text, p.PartOfDay, *part)
		}
	}
}

func found(r greeting.Report) []string {
	s := make([]string, 0, len(r.Markers))
	for _, m := range r.Markers {
		s = append(s, m.Strategy.String()+":"+m.Text)
	}
	return s
}

// checkCoverage keeps a table honest: every strategy is asserted present in
// some case and absent in another.
func checkCoverage(t *testing.T, lang string, cases []langCase) {
	t.Helper()
	present, absent := map[greeting.Strategy]bool{}, map[greeting.Strategy]bool{}
	for _, c := range cases {
		for _, s := range c.want.has {
			present[s] = true
		}
		for s, n := range c.want.count {
			present[s] = present[s] || n > 0
		}
		for _, s := range c.want.not {
			absent[s] = true
		}
	}
	for _, s := range greeting.Strategies() {
		if !present[s] {
			t.Errorf("no %s case asserts a %v marker", lang, s)
		}
		if !absent[s] {
			t.Errorf("no %s case asserts the absence of a %v marker", lang, s)
		}
	}
}

func TestEveryLanguageCoversEveryStrategy(t *testing.T) {
	for lang, cases := range casesByLang {
		checkCoverage(t, lang, cases)
	}
}

// expectDetected checks that each text, checked with language.Und, is read
// as lang.
func expectDetected(t *testing.T, lang language.Tag, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if r := greeting.Check(s, language.Und); r.Lang != lang {
			t.Errorf("Check(%q, und).Lang = %v, want %v (found %v)", s, r.Lang, lang, found(r))
		}
	}
}

// expectNotDetected checks that no text, checked with language.Und, is read
// as lang.
func expectNotDetected(t *testing.T, lang language.Tag, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if r := greeting.Check(s, language.Und); r.Lang == lang {
			t.Errorf("Check(%q, und).Lang = %v; a reply in another language was read as it (found %v)", s, lang, found(r))
		}
	}
}

func TestRegionalVarieties(t *testing.T) {
	// A region in the tag picks the variety of the language a text is read
	// in; without one, the likely region (CLDR's) is used: Brazil for pt,
	// Spain for es.
	testRegisters(t, []registerCase{
		{"seu in Portugal", "pt-PT", "Como foi o seu dia?", greeting.Formal,
			"in Portugal seu is the reader's under the polite third-person address"},
		{"seu in Angola", "pt-AO", "Como foi o seu dia?", greeting.Formal,
			"Angola writes as Portugal does"},
		{"seu in Brazil", "pt-BR", "Como foi o seu dia?", greeting.Unknown,
			"in Brazil seu goes with você and te alike"},
		{"seu in pt", "pt", "Como foi o seu dia?", greeting.Unknown,
			"pt alone is Brazilian Portuguese"},
		{"seu with tu in Portugal", "pt-PT", "Já falaste com o seu chefe?", greeting.Informal,
			"a tu form outweighs the cue: seu is the boss's"},
		{"você in Brazil", "pt-BR", "Você já recebeu o pacote?", greeting.Informal,
			"você is the everyday address in Brazil, a weak informal cue"},
		{"você in Portugal", "pt-PT", "Você já recebeu o pacote?", greeting.Unknown,
			"você is semi-formal in Portugal: no cue"},
		{"phrase with você in Brazil", "pt-BR", "Como posso ajudar você hoje?", greeting.Informal,
			"a phrase with você carries its weak informal cue in Brazil"},
		{"phrase with você in Portugal", "pt-PT", "Como posso ajudar você hoje?", greeting.Unknown,
			"and no cue in Portugal"},
		{"lower case with a cue", "pt-PT", "o seu pedido já foi enviado.", greeting.Formal,
			"how the text is typed counts only when its words carry no register"},
		{"lower case alone", "pt-PT", "o pedido já foi enviado.", greeting.Informal,
			"with no other cue, a lower-case start reads informal"},
		{"ustedes in Spain", "es-ES", "¿Ustedes ya lo saben?", greeting.Formal,
			"ustedes is the formal plural beside vosotros"},
		{"ustedes in es", "es", "¿Ustedes ya lo saben?", greeting.Formal,
			"es alone is the Spanish of Spain"},
		{"ustedes in Mexico", "es-MX", "¿Ustedes ya lo saben?", greeting.Unknown,
			"in the Americas ustedes is the only plural"},
		{"ustedes in Latin America", "es-419", "¿Ustedes ya lo saben?", greeting.Unknown,
			"419 contains every country of Latin America"},
	})
}

func TestQuotedRegister(t *testing.T) {
	// Words between quotation marks are someone else's: their forms of
	// address make no mix with the writer's own, and count only when the
	// writer's own words carry no register.
	testRegisters(t, []registerCase{
		{"casual speech quoted", "ja", "お客様から「早くしてよ」と言われました。", greeting.Formal,
			"the casual request is the customer's; the reply itself is polite"},
		{"tu quoted", "fr", "Il m'a dit « tu es en retard », mais je vous assure que tout est prêt.", greeting.Formal,
			"tu is quoted; the writer addresses the reader with vous"},
		{"only the quotation", "fr", "Je cherche des phrases comme « Donnez-moi votre âme ».", greeting.Formal,
			"with no address of its own, the text reads in the register of what it quotes"},
		{"all quoted", "de", "„Kannst du mir helfen?“", greeting.Informal,
			"a message that is all one quotation is read as its writer's words"},
		{"own mix", "de", "Können Sie mir helfen? Du weißt ja, wie das geht.", greeting.Mixed,
			"the writer's own words switch from Sie to du"},
	})
}

// A registerCase is a text checked with a tag, and the register it reads in.
type registerCase struct {
	name, tag, text string
	want            greeting.Register
	reason          string
}

func testRegisters(t *testing.T, tests []registerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, language.MustParse(tt.tag))
			if r.Register != tt.want {
				t.Errorf("Check(%q, %s) register %v (formality %.2f, markers %v), want %v: %s", tt.text, tt.tag, r.Register, r.Formality, found(r), tt.want, tt.reason)
			}
		})
	}
}
