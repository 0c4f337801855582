package match

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// describe renders the tokens of src as "original→folded[flags]" words.
func describe(src string) string {
	var t Text
	t.Reset(src)
	var b strings.Builder
	for i, tok := range t.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s", src[tok.Start:tok.End])
		if f := string(t.Folded[tok.FStart:tok.FEnd]); f != src[tok.Start:tok.End] {
			fmt.Fprintf(&b, "→%s", f)
		}
		b.WriteByte('{')
		for _, fl := range []struct {
			f Flag
			c string
		}{{Break, "|"}, {SentenceStart, "^"}, {AllUpper, "!"}, {Quoted, "q"}, {Unspaced, "u"}, {Symbol, "s"}, {WordStart, "w"}, {Katakana, "k"}, {Hiragana, "h"}} {
			if tok.Has(fl.f) {
				b.WriteString(fl.c)
			}
		}
		b.WriteByte('}')
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, src, want, reason string
	}{
		{"contraction", "I'm working, you", "I→i{|^w} m{} working{w} you{|w}",
			"an apostrophe splits a word without a break; a comma is a break"},
		{"elision", "per l'attesa", "per{|^w} l{w} attesa{}", "Italian elision matches the bare noun"},
		{"hyphen", "follow-up e-mail", "follow{|^w} up{} e{w} mail{}", "hyphenated words match as separate words"},
		{"dash", "wait — you're next", "wait{|^w} you{|w} re{} next{w}", "a dash is a clause break"},
		{"sentence", "Thanks. See you", "Thanks→thanks{|^w} See→see{|^w} you{w}", "a full stop starts a sentence"},
		{"title", "Hi Mr. Patel. Sra. Gil", "Hi→hi{|^w} Mr→mr{w} Patel→patel{w} Sra→sra{|^w} Gil→gil{w}",
			"the full stop of a capitalised title ends no sentence; the one after a name does"},
		{"title in lower case", "5 ms. Then", "5{|^w} ms{w} Then→then{|^w}", "milliseconds are no title: the full stop ends the sentence"},
		{"shout", "WAIT your TURN NOW", "WAIT→wait{|^!w} your{w} TURN→turn{!w} NOW→now{!w}", "all-upper words are flagged"},
		{"acronym one letter", "I A", "I→i{|^w} A→a{w}", "one letter is not shouting"},
		{"quoted single", "you said 'it's stupid' ok", "you{|^w} said{w} it{|qw} s{q} stupid{qw} ok{w}",
			"a contraction inside single quotes does not close them"},
		{"unclosed quote", "he said 'stupid things", "he{|^w} said{w} stupid{|w} things{w}", "an unclosed quotation quotes nothing"},
		{"possessive", "customers' orders are stupid", "customers{|^w} orders{w} are{w} stupid{w}", "a plural possessive is not a quotation"},
		{"double quotes", `the "VIP" plan`, "the{|^w} VIP→vip{|!qw} plan{|w}", "quotation marks are breaks and quote their content"},
		{"dutch quotes", "„Hallo” zei hij", "Hallo→hallo{|^qw} zei{|w} hij{w}", "Dutch quotation marks open low and close with ”"},
		{"german quotes", "„Hallo“ sagte er", "Hallo→hallo{|^qw} sagte{|w} er{w}", "German quotation marks open low and close high"},
		{"mixed quotes", "„Hallo\" zei hij", "Hallo→hallo{|^qw} zei{|w} hij{w}", "a keyboard's straight quote closes a low one"},
		{"mixed quotes, curly last", "\"Hello” he said", "Hello→hello{|^qw} he{|w} said{w}", "a corrected closing quote closes a straight one"},
		{"full width", "Ｈｅｌｌｏ　ＷＯＲＬＤ", "Ｈｅｌｌｏ→hello{|^w} ＷＯＲＬＤ→world{!w}", "full-width forms fold to ASCII"},
		{"accents", "perché Straße ÉTÉ", "perché→perche{|^w} Straße→strasse{w} ÉTÉ→ete{!w}", "Latin accents fold; ß folds to ss"},
		{"decomposed", "e\u0301te\u0301", "été→ete{|^w}", "decomposed accents fold like composed ones"},
		{"cyrillic keeps marks", "Йогурт", "Йогурт→йогурт{|^w}", "й is a letter of its own, not и with a mark"},
		{"japanese", "お待たせ。はい", "お{|^uwh} 待{u} た{uh} せ{uh} は{|^uwh} い{uh}", "kana and kanji are one token each; hiragana is flagged"},
		{"katakana", "ジャクソン・ファイブーが", "ジ{|^uwk} ャ{uk} ク{uk} ソ{uk} ン{uk} フ{|uwk} ァ{uk} イ{uk} ブ{uk} ー{uk} が{uh}",
			"katakana letters and the long-vowel mark are flagged; the middle dot parts words"},
		{"half-width katakana", "ｶﾞｲﾄﾞ", "ｶﾞ→ガ{|^uwk} ｲ→イ{uk} ﾄﾞ→ド{uk}", "half-width katakana is normalised, then flagged"},
		{"korean", "안녕 고객님", "안{|^uw} 녕{u} 고{uw} 객{u} 님{u}", "Hangul syllables are tokens; spaces start words"},
		{"handle", "@AcmeHelp Hi, thanks @jo_ann! me@example.com", "Hi→hi{|^w} thanks{|w} me{|^w} example{|w} com{|^w}",
			"an @handle gives no token, and what follows it reads as if it were not there; inside a word @ parts it"},
		{"lone at", "meet @ noon, @@x", "meet{|^w} noon{|w}", "a lone @ parts words like other punctuation; @@x is a handle"},
		{"emoji", "thanks🙂 bye", "thanks{|^w} 🙂{s} bye{w}", "an emoji is a token of its own"},
		{"invalid utf8", "ok\xffno", "ok{|^w} no{|w}", "invalid bytes separate tokens"},
		{"stretched", "Hiiii thanksss sooo cool", "Hiiii→hi{|^w} thanksss→thanks{w} sooo→so{w} cool{w}",
			"letters drawn out for effect fold to one; a double letter stays"},
		{"hidden letters", "what the f*ck, bl**ть! great* deal *sigh*", "what{|^w} the{w} f*ck{w} bl**ть{|w} great{|^w} deal{|w} sigh{|w}",
			"a '*' between letters hides them; elsewhere it is punctuation"},
		{"mark typed twice", "तुम्हेंं आपको", "तुम्हेंं→तुम्हें{|^w} आपको{w}",
			"a nasal sign doubled by a slip of the keyboard is read once"},
		{"marks that differ", "किंँ", "किंँ{|^w}", "two different marks in a row are both kept"},
		{"empty", "", "", "nothing in, nothing out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(tt.src); got != tt.want {
				t.Errorf("tokens of %q\n got %s\nwant %s\n(%s)", tt.src, got, tt.want, tt.reason)
			}
		})
	}
}

func TestKeepAccents(t *testing.T) {
	x := Text{KeepAccents: true}
	x.Reset("Dạ, CẢM ƠN anh ạ")
	var words []string
	for _, tok := range x.Tokens {
		words = append(words, string(x.Folded[tok.FStart:tok.FEnd]))
	}
	if got := strings.Join(words, " "); got != "dạ cảm ơn anh ạ" {
		t.Errorf("tokens = %q, want the diacritics kept", got)
	}
	var b Builder
	b.KeepAccents = true
	if err := b.Add("cảm ơn", 0); err != nil {
		t.Fatal(err)
	}
	set := b.Build()
	if !set.KeepAccents() || len(set.Find(&x, &Scratch{}, nil)) != 1 {
		t.Error("a set built with KeepAccents does not find its phrase")
	}
}

func TestMarks(t *testing.T) {
	var x Text
	x.Reset("Wait!!! Really?! ok？？")
	want := []Mark{{4, 7, 3, 0, 1}, {14, 16, 1, 1, 2}, {19, 25, 0, 2, 3}}
	if d := cmp.Diff(want, x.Marks); d != "" {
		t.Errorf("marks (-want +got):\n%s", d)
	}
}

func build(t testing.TB, phrases ...string) *Set {
	t.Helper()
	var b Builder
	for i, p := range phrases {
		if err := b.Add(p, int32(i)); err != nil {
			t.Fatalf("Add(%q): %v", p, err)
		}
	}
	return b.Build()
}

func TestFind(t *testing.T) {
	set := build(t, "thank you", "thank you for your patience", "you have to wait", "not my problem",
		"not", "you * idiot", "sorry, but", "お待たせ", "i'm working", "thanks")
	tests := []struct {
		name, src string
		want      []string // "phrase@text"
		reason    string
	}{
		{"overlapping", "Thank you for your patience!", []string{"thank you@Thank you", "thank you for your patience@Thank you for your patience"},
			"every phrase is reported; the caller picks among overlaps"},
		{"no break crossing", "Thank. You have to wait", []string{"you have to wait@You have to wait"},
			"a phrase does not match across a full stop"},
		{"written break", "sorry, but no. Sorry but", []string{"sorry, but@sorry, but"},
			"a phrase written with a comma needs one"},
		{"wildcard", "you stupid idiot, you idiot", []string{"you * idiot@you stupid idiot"},
			"* stands for exactly one word"},
		{"contraction", "I’m working", []string{"i'm working@I’m working"}, "typographic apostrophes match ASCII ones"},
		{"nested", "not my problem", []string{"not@not", "not my problem@not my problem"}, "longer and shorter phrases both match"},
		{"japanese", "大変お待たせしました", []string{"お待たせ@お待たせ"}, "unspaced scripts match inside words"},
		{"word boundary", "thanksgiving thanks", []string{"thanks@thanks"}, "spaced scripts match whole words only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var x Text
			var sc Scratch
			x.Reset(tt.src)
			var got []string
			for _, m := range set.Find(&x, &sc, nil) {
				phrases := []string{"thank you", "thank you for your patience", "you have to wait", "not my problem",
					"not", "you * idiot", "sorry, but", "お待たせ", "i'm working", "thanks"}
				got = append(got, phrases[m.Payload]+"@"+tt.src[x.Tokens[m.First].Start:x.Tokens[m.End-1].End])
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Find(%q) (-want +got):\n%s\n(%s)", tt.src, d, tt.reason)
			}
		})
	}
}

func TestAddErrors(t *testing.T) {
	var b Builder
	for _, p := range []string{"", "  ", "* idiot", "...", "sorry, *", "×ね", "+1", "€ thanks"} {
		if err := b.Add(p, 0); err == nil {
			t.Errorf("Add(%q) succeeded; want an error", p)
		}
	}
	if s := b.Build(); s.Len() != 0 {
		t.Errorf("Len = %d after failed adds", s.Len())
	}
}

// TestAddKeepsMarks checks that what texts leave out without changing a
// word, punctuation, an emoji's variation selector and a joiner, may be in a
// phrase.
func TestAddKeepsMarks(t *testing.T) {
	var b Builder
	for _, p := range []string{"❤️", "👍🏽 thanks", "thanks!!", "sorry, but", "ﷺ", "i\u200dd"} {
		if err := b.Add(p, 0); err != nil {
			t.Errorf("Add(%q): %v", p, err)
		}
	}
}

func TestCapitals(t *testing.T) {
	tests := []struct {
		name, phrase string
		want         uint64
		reason       string
	}{
		{"wildcard", "können Sie * Ihnen", 0b1010, "words 1 and 3 capitalised; the wildcard is a word"},
		{"none", "thank you", 0, "no capitals"},
		{"first", "Lei è", 0b1, "the first word"},
		{"rejected", "* Sie", 0, "Add rejects a phrase that starts with a wildcard"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b Builder
			if got := b.Capitals(tt.phrase); got != tt.want {
				t.Errorf("Capitals(%q) = %b, want %b: %s", tt.phrase, got, tt.want, tt.reason)
			}
		})
	}
}

// TestFastPathMatchesNormaliser checks that the letters taken without the
// normaliser give the same tokens as the normaliser would.
func TestFastPathMatchesNormaliser(t *testing.T) {
	for _, s := range []string{
		"Ça coûte 5 €, Straße, ÉTÉ, perché, Ærø, İstanbul, ǅemal",
		"Здравствуйте, ЁЛКА и йогурт; Ѐ ѝ",
		"Cảm ơn quý khách ạ! Dạ, VÂNG. Ẫ ẚ ẛ",
		"お待たせいたしました。ありがとうございます ｶﾀｶﾅ ゟ",
		"您好，欢迎光临！謝謝 안녕하세요 고객님",
		"e\u0301te\u0301 и\u0306 か\u3099",
		"नमस्ते, धन्यवाद! इंतज़ार क़ ऩ न\u093c \u094d न\u094d\u093c न\u093c\u094d क्\u094d a\u094d",
		"धन्यवाद। आपका ऑर्डर॥ भेजा गया।\u093c ।\u094d",
		"तुम्हेंं पता है, किंँ, Cả\u0301m ơn",
		"您好，欢迎！有问题吗？ ＷＨＥＲＥ ｉｓ ｍｙ ｏｒｄｅｒ？！ ＜\u0338 Ａ\u0301 ～ ｛｝ ＇ｘ＇ ＂ｙ＂",
	} {
		fast, slow := Text{}, Text{slow: true}
		fast.Reset(s)
		slow.Reset(s)
		if d := cmp.Diff(slow.Tokens, fast.Tokens); d != "" || string(slow.Folded) != string(fast.Folded) {
			t.Errorf("%q: fast path differs (-normaliser +fast):\n%s\n%q\n%q", s, d, slow.Folded, fast.Folded)
		}
		keepFast, keepSlow := Text{KeepAccents: true}, Text{KeepAccents: true, slow: true}
		keepFast.Reset(s)
		keepSlow.Reset(s)
		if string(keepFast.Folded) != string(keepSlow.Folded) {
			t.Errorf("%q with accents kept: %q, normaliser %q", s, keepFast.Folded, keepSlow.Folded)
		}
	}
}

func TestJudgedOnce(t *testing.T) {
	tests := []struct {
		name, src, reason string
	}{
		{"invalid bytes", strings.Repeat("\xff", 4096), "each invalid byte used to send the normaliser over the rest of the text again"},
		{"cut-short leads", strings.Repeat("\xf3a", 2048), "a lead byte before ASCII is one invalid byte"},
		{"invalid before marks", strings.Repeat("\xff\u0301", 1024), "a mark after an invalid byte combines with nothing"},
		{"cut short at the end", strings.Repeat("ok \xff", 1024) + "\xf3¾", "only the last bytes are judged again: the normaliser reads \xf3¾ as one piece"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var x, slow Text
			x.Reset(tt.src)
			if x.judged > len(tt.src)+utf8.UTFMax*utf8.UTFMax {
				t.Errorf("the normaliser judged %d bytes of %d (%s)", x.judged, len(tt.src), tt.reason)
			}
			slow.slow = true
			slow.Reset(tt.src)
			if string(slow.Folded) != string(x.Folded) || len(slow.Tokens) != len(x.Tokens) {
				t.Errorf("fast path differs from the normaliser: %q, normaliser %q", x.Folded, slow.Folded)
			}
		})
	}
}

func TestDecodeRune(t *testing.T) {
	check := func(s string) {
		t.Helper()
		r, n := decodeRune(s)
		if wr, wn := utf8.DecodeRuneInString(s); r != wr || n != wn {
			t.Fatalf("decodeRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		check(string(r) + "x")
	}
	// Every lead and second byte of the two- and three-byte forms, valid or
	// not (overlong, surrogate, cut short), before a continuation byte, an
	// ASCII byte or nothing.
	for b0 := 0xc0; b0 < 0xf0; b0++ {
		for b1 := 0; b1 < 0x100; b1++ {
			for _, tail := range []string{"", "\x80", "\xbf", "a", "\xc0"} {
				check(string([]byte{byte(b0), byte(b1)}) + tail)
			}
		}
		check(string([]byte{byte(b0)}))
	}
}

func FuzzReset(f *testing.F) {
	for _, s := range []string{"I'm working, you have to wait like all others!", "„Hallo“ 'x' \"y\" お待たせ。", "e\u0301\xff\xfe!!?", "ＷＯＲＬＤ 🙂 안녕", "न\u094d\u093c क़्ष", "您好，久等了！e\u0301，न\u094d？", "@x_y Hi @ 5 a@b.c @jöhn\xff @小明：好"} {
		f.Add(s)
	}
	set := build(f, "you have to wait", "thank you", "お待たせ", "you * idiot")
	f.Fuzz(func(t *testing.T, s string) {
		var x Text
		var sc Scratch
		x.Reset(s)
		bounds := boundaries(s)
		// Tokens are in order; one character that normalises to several
		// (ゟ → より) gives several tokens over the same bytes.
		last := int32(0)
		for _, tok := range x.Tokens {
			if tok.Start < last || tok.End <= tok.Start || int(tok.End) > len(s) {
				t.Fatalf("token [%d,%d) out of order or range in %q", tok.Start, tok.End, s)
			}
			if !bounds[tok.Start] || !bounds[tok.End] {
				t.Fatalf("token [%d,%d) not on rune boundaries in %q", tok.Start, tok.End, s)
			}
			last = tok.Start
		}
		if x.judged > len(s)+utf8.UTFMax*utf8.UTFMax {
			t.Fatalf("the normaliser judged %d bytes of %d in %q: some twice", x.judged, len(s), s)
		}
		if x.judged > len(s)+utf8.UTFMax*utf8.UTFMax {
			t.Fatalf("the normaliser judged %d bytes of %d in %q: some twice", x.judged, len(s), s)
		}
		for _, m := range set.Find(&x, &sc, nil) {
			if m.First < 0 || m.End > int32(len(x.Tokens)) || m.First >= m.End {
				t.Fatalf("match %+v out of range", m)
			}
		}
		slow := Text{slow: true}
		slow.Reset(s)
		// The tokens agree but for where some end: the normaliser hands
		// over a character with the marks and invalid bytes after it, and
		// a token of one character (an unspaced one, a symbol) then ends
		// after them; the fast path leaves out what a closed token cannot
		// take.
		ends := func(a, b Token) bool { a.End, b.End = 0, 0; return a == b }
		if string(slow.Folded) != string(x.Folded) || !slices.EqualFunc(slow.Tokens, x.Tokens, ends) {
			t.Fatalf("fast path differs from the normaliser on %q:\n%q\n%q\n%s", s, x.Folded, slow.Folded, cmp.Diff(slow.Tokens, x.Tokens))
		}
	})
}

// boundaries marks the offsets in s where a rune (or an invalid byte) starts,
// and len(s).
func boundaries(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		b[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	b[len(s)] = true
	return b
}

func TestSuffixes(t *testing.T) {
	var b Builder
	for i, s := range []string{"resti", "isci", "ешь"} {
		if err := b.AddSuffix(s, int32(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range []string{"ti prego", "potresti aiutarmi", "resti qui"} {
		if err := b.Add(p, int32(3+i)); err != nil {
			t.Fatal(err)
		}
	}
	set := b.Build()
	tests := []struct {
		src    string
		want   []Match
		reason string
	}{
		{"vorresti", []Match{{0, 1, 0}}, "a suffix matches the end of a word"},
		{"Capisci, ti prego", []Match{{0, 1, 1}, {1, 3, 3}}, "suffixes and phrases together, in token order"},
		{"resti isci", nil, "a suffix needs two letters of stem before it"},
		{"Ты понимаешь", []Match{{1, 2, 2}}, "Cyrillic suffixes count letters, not bytes"},
		{"Potresti farlo?", []Match{{0, 1, 0}}, "a word of the phrases takes its ending outside them"},
		{"potresti aiutarmi", []Match{{0, 1, 0}, {0, 2, 4}}, "and inside them, the shorter match first"},
		{"resti qui", []Match{{0, 2, 5}}, "a word of the phrases that is only the suffix has no ending"},
		{"ti prego, capisci potresti aiutarmi", []Match{{0, 2, 3}, {2, 3, 1}, {3, 4, 0}, {3, 5, 4}},
			"endings and phrases interleave by their first token"},
	}
	for _, tt := range tests {
		var x Text
		var sc Scratch
		x.Reset(tt.src)
		if d := cmp.Diff(tt.want, set.Find(&x, &sc, nil)); d != "" {
			t.Errorf("Find(%q) (-want +got):\n%s\n(%s)", tt.src, d, tt.reason)
		}
		// Find appends: what dst held stays first
		before := []Match{{7, 8, 9}}
		if d := cmp.Diff(append(before, tt.want...), set.Find(&x, &sc, before)); d != "" {
			t.Errorf("Find(%q) after a match (-want +got):\n%s", tt.src, d)
		}
	}
	var hi Builder
	if err := hi.AddSuffix("िए", 0); err != nil {
		t.Fatal(err)
	}
	var x Text
	x.Reset("कीजिए लिए")
	if got := hi.Build().Find(&x, &Scratch{}, nil); len(got) != 1 || got[0].First != 0 {
		t.Errorf("the ending -िए: %v; want it in कीजिए only", got)
	}
	var bad Builder
	for _, s := range []string{"two words", "お待たせ", "!!"} {
		if err := bad.AddSuffix(s, 0); err == nil {
			t.Errorf("AddSuffix(%q) succeeded; want an error", s)
		}
	}
}

func TestAppendRune(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := appendRune(nil, r), utf8.AppendRune(nil, r); string(got) != string(want) {
			t.Fatalf("appendRune(%U) = %q, utf8 says %q", r, got, want)
		}
	}
}

func TestAddWord(t *testing.T) {
	var b Builder
	if err := b.Add("thank you", 0); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Your", "with", "you"} {
		if err := b.AddWord(w); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.AddWord("l'altro"); err == nil || err.Error() != `match: "l'altro" is not one word` {
		t.Errorf("AddWord(\"l'altro\") = %v, want an error: an apostrophe splits it", err)
	}
	set := b.Build()
	var (
		x  Text
		sc Scratch
	)
	x.Reset("Thank YOU for your help")
	if got := set.Find(&x, &sc, nil); len(got) != 1 {
		t.Errorf("Find = %v, want only the phrase: words added alone match nothing", got)
	}
	tests := []struct {
		tok    int
		want   string // the word whose id the token has; "" for 0
		reason string
	}{
		{0, "thank", "a word of a phrase has its id"},
		{1, "you", "a word added alone and in a phrase has one id, whatever its case"},
		{2, "", "a word in no phrase and not added has none"},
		{3, "your", "a word added alone has its id, folded"},
		{4, "", "help is not in the set"},
		{5, "", "there is no token 5"},
	}
	for _, tt := range tests {
		want := uint32(0)
		if tt.want != "" {
			want = set.WordID([]byte(tt.want))
			if want == 0 {
				t.Fatalf("WordID(%q) = 0: %s", tt.want, tt.reason)
			}
		}
		if got := sc.WordID(tt.tok); got != want {
			t.Errorf("token %d: WordID = %d, want %d: %s", tt.tok, got, want, tt.reason)
		}
	}
	var zero Set
	zero.Find(&x, &sc, nil)
	if got := sc.WordID(0); got != 0 {
		t.Errorf("after a Find with the zero Set, WordID(0) = %d, want 0: no ids are left from the search before", got)
	}
}

func TestSimplifiedTable(t *testing.T) {
	// The folding table is a function onto simplified forms: its traditional
	// forms are in order (it is searched), each folds to a character of the
	// same block that folds no further, so that folding twice is folding
	// once and a folded character keeps its three bytes.
	if !slices.IsSorted(hanFrom) || len(hanFrom) != len(hanTo) || len(hanFrom) < 500 {
		t.Fatalf("%d traditional forms, %d simplified ones, sorted %v: want as many of each, in order", len(hanFrom), len(hanTo), slices.IsSorted(hanFrom))
	}
	for i, r := range hanFrom {
		s := hanTo[i]
		if s == r || s < hanFirst || s > hanLast || simplified(s) != s || simplified(r) != s {
			t.Errorf("%c folds to %c (U+%04X), which is itself, outside the block, or folds again", r, s, s)
		}
	}
	for _, r := range "谢你好东京ありがとう한국abc" {
		if simplified(r) != r {
			t.Errorf("%c folds to %c: a simplified, kana, Hangul or Latin letter folds to itself", r, simplified(r))
		}
	}
}

func TestTraditionalForms(t *testing.T) {
	// A Set knows a traditional character as its simplified form: a phrase
	// written either way matches a text written either way, and the text's
	// folded words keep the characters written.
	var b Builder
	for i, p := range []string{"谢谢", "對不起"} {
		if err := b.Add(p, int32(i)); err != nil {
			t.Fatal(err)
		}
	}
	if Key("謝謝") != Key("谢谢") || Key("谢谢") == Key("谢") {
		t.Errorf("Key: 謝謝 and 谢谢 should be one phrase, and 谢 another")
	}
	set := b.Build()
	tests := []struct {
		name, text string
		want       []int32
		reason     string
	}{
		{"simplified phrase, traditional text", "謝謝你", []int32{0}, "謝 is 谢"},
		{"traditional phrase, simplified text", "对不起", []int32{1}, "對 was added as 对"},
		{"as written", "谢谢，對不起", []int32{0, 1}, "each as its phrase was written"},
		{"other characters", "谢天谢地", nil, "天 is no 谢"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text Text
			text.Reset(tt.text)
			var sc Scratch
			var got []int32
			for _, m := range set.Find(&text, &sc, nil) {
				got = append(got, m.Payload)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v: %s", tt.text, got, tt.want, tt.reason)
			}
			if tt.text == "謝謝你" && string(text.Folded[:3]) != "謝" {
				t.Errorf("folded %q: the text keeps the characters written", text.Folded)
			}
		})
	}
	if set.WordID([]byte("謝")) != set.WordID([]byte("谢")) || set.WordID([]byte("谢")) == 0 {
		t.Errorf("WordID(謝) = %d, WordID(谢) = %d: want one id", set.WordID([]byte("謝")), set.WordID([]byte("谢")))
	}
}
