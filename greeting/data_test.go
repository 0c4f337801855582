package greeting

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestBuiltinDataLoads(t *testing.T) {
	langs, err := builtinLexicons()
	if err != nil {
		t.Fatal(err)
	}
	if len(langs) == 0 || langs[0].tag.String() != "en" {
		t.Fatalf("English must load first as the fallback; got %v", tagsOf(langs))
	}
	for _, l := range langs {
		l = l.compiled()
		if l.name == "" || l.set.Len() == 0 || len(l.common) < 30 {
			t.Errorf("%v: name %q, %d phrases, %d common words: data looks incomplete", l.tag, l.name, l.set.Len(), len(l.common))
		}
		seen := map[category]bool{}
		for _, e := range l.entries {
			seen[e.cat] = true
		}
		for s := Greeting; s < numStrategies; s++ {
			if s != Shouting && s != PersonalName && !seen[category(s)] {
				t.Errorf("%v: no phrases for strategy %v", l.tag, s)
			}
		}
		if !seen[catNegation] {
			t.Errorf("%v: no negation cues", l.tag)
		}
	}
}

func TestDataErrors(t *testing.T) {
	tests := []struct {
		name, src, want, reason string
	}{
		{"no language", "[greeting]\nhello\n", "x.txt:1:1: missing 'language <tag>' line", "every file says its language"},
		{"bad tag", "language xx-!!\n", `x.txt:1:10: bad language tag "xx-!!": language: tag is not well-formed`, "the tag must parse"},
		{"unknown section", "language en\n  [greetings]\nhi\n", `x.txt:2:4: unknown section "greetings" (want a strategy name or negation, formal, informal, common, function, neutral, variety, laughter)
x.txt:3:1: phrase "hi" is outside a section`, "all errors are reported, with positions"},
		{"shouting has no data", "language en\n[shouting]\n", `x.txt:2:2: unknown section "shouting" (want a strategy name or negation, formal, informal, common, function, neutral, variety, laughter)`, "shouting is found from the text's shape"},
		{"unclosed header", "language en\n[greeting\n", `x.txt:2:1: section header "[greeting" lacks its closing ']'`, "headers close"},
		{"bad attribute", "language en\n[apology]\nsorry ; loud\n", `x.txt:3:9: unknown attribute "loud"`, "attributes are a closed set"},
		{"content too long", "language vi\ncontent 5\n[apology]\nxin lỗi\n", `x.txt:2:9: content "5": want the fewest letters of a content word, 1 to 4`, "a content word is read by its first four letters"},
		{"content not a number", "language vi\ncontent short\n[apology]\nxin lỗi\n", `x.txt:2:9: content "short": want the fewest letters of a content word, 1 to 4`, "the header takes a number"},
		{"part of day on apology", "language en\n[apology]\nsorry ; morning\n", `x.txt:3:9: part of day "morning" on a phrase that is not a greeting or closing`, "only greetings name a part of day"},
		{"answer on gratitude", "language en\n[gratitude]\nno thanks ; answer\n", `x.txt:3:13: attribute "answer" on a phrase that is not a negation`, "only a negation can answer"},
		{"asked and stated", "language it\n[blame]\nl'hai rotto tu ; asked stated\n", `x.txt:3:24: attributes asked and stated together: the phrase would never count`, "a sentence is a question or not"},
		{"clause on an insult", "language en\n[insult]\nidiot ; clause\n", `x.txt:3:9: attribute "clause" on a phrase that is not a negation`, "only a negation has a reach"},
		{"unclosed choice", "language en\n[greeting]\n{hi|hello\n", `x.txt:3:1: unclosed '{' in "{hi|hello"`, "choices close"},
		{"stray bar", "language en\n[greeting]\nhi|hello\n", `x.txt:3:1: unexpected '|' in "hi|hello"`, "a bar belongs in braces"},
		{"no words", "language en\n[greeting]\n!!!\n", `x.txt:3:1: phrase "!!!": the phrase has no words`, "punctuation alone cannot match"},
		{"wildcard first", "language en\n[insult]\n* idiot\n", `x.txt:3:1: phrase "* idiot": the phrase starts with "*"`, "a phrase starts with a word"},
		{"dropped symbol", "language ja\n[insult]\n×ね\n", `x.txt:3:1: phrase "×ね": texts drop the '×' of the phrase`, "the phrase would be the bare ね, which ends every casual sentence"},
		{"too many", "language en\n[greeting]\n" + strings.Repeat("{a|b|c|d}", 6) + "\n", `x.txt:3:1: "` + strings.Repeat("{a|b|c|d}", 6) + `" expands to more than 1024 phrases`, "expansion is bounded"},
		{"deep choices", "language en\n[greeting]\n" + strings.Repeat("{a|", 17) + "b" + strings.Repeat("}", 17) + "\n",
			`x.txt:3:1: choices nest deeper than 16 levels in "{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|{a|b}}}}}}}}…"`,
			"expanding recurses once per level: a runaway line must not exhaust the stack"},
		{"long line clipped", "language en\n[greeting]\n" + strings.Repeat("|", 100000) + "\n",
			`x.txt:3:1: unexpected '|' in "` + strings.Repeat("|", 60) + `…"`,
			"an error quotes at most 60 characters of a runaway line"},
		{"common phrase", "language en\n[common]\nthe end\nof-course\n", `x.txt:4:1: common word "of-course" is not one word`, "common words are single words"},
		{"function phrase", "language it\n[function]\nquesto l'altro\n", `x.txt:3:1: function word "l'altro" is not one word`, "function words are single words, and an apostrophe splits a word"},
		{"bad region", "language pt\n[formal]\nseu ; in:PT,XQZ\n", `x.txt:3:7: region "XQZ" in "in:PT,XQZ": not an ISO 3166-1 or UN M.49 code`, "regions are ISO or UN M.49 codes"},
		{"two region conditions", "language pt\n[formal]\nseu ; in:PT not:BR\n", `x.txt:3:13: second region attribute "not:BR"`, "a phrase has one region condition"},
		{"unknown region key", "language pt\n[formal]\nseu ; at:PT\n", `x.txt:3:7: unknown attribute "at:PT"`, "only in: and not: take regions"},
		{"variety without regions", "language pt\n[variety]\nestou a dizer\n", `x.txt:3:1: variety phrase "estou a dizer" names no regions: want an in: condition`, "a variety phrase says where it is written"},
		{"variety of all but", "language pt\n[variety]\nestou a dizer ; not:BR\n", `x.txt:3:1: variety phrase "estou a dizer" names no regions: want an in: condition`, "everywhere but Brazil is no variety"},
		{"invalid utf8", "language en\n\xff\n", "x.txt:1:1: file is not valid UTF-8", "data files are UTF-8"},
		{"bad accents", "language vi\naccents drop\n", `x.txt:2:9: accents "drop": want keep or fold`, "accents are kept or folded"},
		{"bad suffix", "language ja\n[formal_address]\n-です\n", `x.txt:3:1: phrase "-です": the suffix is not one word of a spaced script`, "endings are for spaced scripts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLexicon("x.txt", []byte(tt.src), true)
			if err == nil {
				t.Fatalf("no error; want %q (%s)", tt.want, tt.reason)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s\n(%s)", err, tt.want, tt.reason)
			}
			if !errors.Is(err, ErrData) {
				t.Errorf("errors.Is(err, ErrData) = false for %v", err)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	got, err := expand("{as i {already|} said|like i said} {again|}")
	if err != nil {
		t.Fatal(err)
	}
	want := "as i already said again|as i already said|as i said again|as i said|like i said again|like i said"
	if strings.Join(got, "|") != want {
		t.Errorf("expand = %q, want %q", strings.Join(got, "|"), want)
	}
}

func FuzzParseData(f *testing.F) {
	f.Add([]byte("language en\n[greeting]\n{hi|hello} there ; informal\ngood morning ; morning\n[insult]\nyou * idiot\n[common]\nthe a\n"))
	f.Add([]byte("language it\n[apology]\nmi {scusi|perdoni} ; formal cased start\n"))
	f.Add([]byte("language vi\naccents keep\n[greeting]\nxin chào\n[function]\nkhông được\n[common]\nkhông\n"))
	f.Add([]byte("[x\n{{{|}}}\n#\n language \n"))
	f.Add([]byte("language zh\n[gratitude]\n谢谢\n謝謝\n[laughter]\n{哈哈|lol}\n{|\n[insult]\n傻 ; alone\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		parseLexicon("fuzz.txt", src, false) // the headers alone, as loading tables reads them: no panic
		lx, err := parseLexicon("fuzz.txt", src, true)
		if err != nil {
			if !errors.Is(err, ErrData) {
				t.Fatalf("error without ErrData: %v", err)
			}
			return
		}
		if lx.set == nil || len(lx.entries) > lx.set.Len() || int(lx.set.MaxPayload()) >= len(lx.entries) {
			t.Fatalf("%d entries for %d phrases, the largest payload %d", len(lx.entries), lx.set.Len(), lx.set.MaxPayload())
		}
	})
}

// BenchmarkParseData measures compiling each language's phrase data: a
// program pays for a language once, when it first checks a message in it.
func BenchmarkParseData(b *testing.B) {
	files, err := builtin.ReadDir("data")
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		lang, ok := strings.CutSuffix(f.Name(), ".txt")
		if !ok {
			continue
		}
		src, _ := builtin.ReadFile("data/" + f.Name())
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := parseLexicon(f.Name(), src, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestVarieties(t *testing.T) {
	data := "language pt\n[formal]\nseu ; in:PT\n[variety]\n{estou|está} a dizer ; in:PT,AO\nestou dizendo ; in:BR\n[common]\ncarro estou dizer\n"
	c, err := New(WithData("varieties-pt.txt", []byte(data)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, tag string
		want            Register
		reason          string
	}{
		{"likely region", "É o seu carro?", "pt", Unknown, "pt alone is Brazil's, where seu is anyone's"},
		{"marked variety", "É o seu carro, estou a dizer.", "pt", Formal, "estou a dizer is Portugal's: seu is the reader's"},
		{"given region wins", "É o seu carro, estou a dizer.", "pt-BR", Unknown, "a region in the tag is not second-guessed"},
		{"given region", "É o seu carro?", "pt-PT", Formal, "the tag's region"},
		{"detected", "É o seu carro, estou a dizer.", "und", Formal, "a detected language's variety is read from the text too"},
		{"tie", "É o seu carro, estou a dizer, estou dizendo.", "pt", Unknown, "marks of two varieties as often: the likely region stays"},
		{"majority", "Está a dizer, estou a dizer, estou dizendo: é o seu carro.", "pt", Formal, "Portugal's marks outnumber Brazil's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Check(tt.text, language.Make(tt.tag))
			if r.Register != tt.want || r.Lang != language.Portuguese {
				t.Errorf("%q as %s: %v register %v, want pt %v: %s", tt.text, tt.tag, r.Lang, r.Register, tt.want, tt.reason)
			}
			if r.Has(FormalAddress) || len(r.Markers) > 0 {
				t.Errorf("%q: markers %v; a variety phrase marks nothing in the report", tt.text, r.Markers)
			}
		})
	}
}

func TestConditions(t *testing.T) {
	// Each attribute that limits where a phrase counts, on a small data file
	// of its own.
	data := "language en\n[greeting]\nmorning ; alone\nhi\n[closing]\ncheers ; end\n[direct_start]\nso ; start\n" +
		"[direct_question]\nwhy ; start\n[informal_address]\nmate ; final\n[formal_address]\nSir ; cased\nhave you seen ; start asked\n" +
		"[laughter]\nlol\nhaha\n[insult]\nidiot\n[negation]\nnot\nit is not true that ; clause\n"
	c, err := New(WithData("conditions-en.txt", []byte(data)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		s          Strategy
		want       bool
		reason     string
	}{
		{"alone before punctuation", "Morning! The parcel is here.", Greeting, true, "a clause of its own"},
		{"alone inside a clause", "The morning flight is full.", Greeting, false, "a word of a longer clause"},
		{"end of message", "Thanks for everything, cheers 🙂", Closing, true, "only an emoji follows"},
		{"not the end", "Cheers, the parcel is here.", Closing, false, "words follow"},
		{"start of sentence", "Thanks. So, what now?", DirectStart, true, "after a full stop"},
		{"inside a sentence", "It is so late.", DirectStart, false, "not the first word"},
		{"start after a greeting", "Hi, why is the parcel late?", DirectQuestion, true, "the clause after an opening greeting starts the request"},
		{"start after a greeting and a name", "Hi Anna Maria, why is it late?", DirectQuestion, true, "a name may follow the greeting"},
		{"start after a clause", "It is late, why?", DirectQuestion, false, "no greeting opens the sentence"},
		{"greeting runs on", "Hi everyone why so late", DirectQuestion, false, "no clause break after the greeting"},
		{"blunt opener after a greeting", "Hi, so the parcel is late.", DirectStart, false, "the greeting softens what So would"},
		{"start after a blunt opener", "So why is the parcel late?", DirectQuestion, true, "the question after a blunt opener starts its sentence"},
		{"start after a blunt opener and a comma", "Thanks. So, why is it late?", DirectQuestion, true, "a comma after the opener changes nothing"},
		{"only a question after a blunt opener", "So have you seen the film?", FormalAddress, false, "after a blunt opener only a question starts the sentence; other phrases' start stands in for a capital"},
		{"final before a full stop", "See you tomorrow, mate. Bye", InformalAddress, true, "the sentence ends after it"},
		{"final at the end", "Thanks mate 🙂", InformalAddress, true, "the text ends, emoji aside"},
		{"final before an exclamation", "Cheers mate! See you", InformalAddress, true, "! ends a sentence"},
		{"final before a comma", "Listen mate, the shop is shut.", InformalAddress, false, "a comma ends a clause, not the sentence"},
		{"alone before laughter", "Morning lol, the parcel is here.", Greeting, true, "laughter to the clause's end is skipped"},
		{"alone before laughter and words", "Morning haha the flight is full.", Greeting, false, "words follow the laughter in the clause"},
		{"final before laughter", "See you tomorrow, mate haha lol. Bye", InformalAddress, true, "one laugh after another, then the sentence ends"},
		{"end before laughter", "Thanks for everything, cheers lol", Closing, true, "only laughter follows"},
		{"asked", "Have you seen the film? It is good.", FormalAddress, true, "its sentence ends in a question mark"},
		{"asked with more after", "Have you seen it, the new one?", FormalAddress, true, "the question mark ends the sentence, not the phrase"},
		{"not asked", "Have you seen the film. It is good?", FormalAddress, false, "its sentence ends in a full stop; the next one asks"},
		{"cased", "Thank you, Sir.", FormalAddress, true, "capitalised as written"},
		{"cased, lower case", "Thank you, sir.", FormalAddress, false, "the capital is part of the phrase"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Check(tt.text, language.English)
			if got := r.Has(tt.s); got != tt.want {
				t.Errorf("Has(%s) = %v, want %v: %s", tt.s, got, tt.want, tt.reason)
			}
		})
	}
}

func TestTraditionalChinese(t *testing.T) {
	// Traditional characters fold to simplified ones, in the data and in
	// texts alike: a phrase written once matches both, and a phrase written
	// both ways is one phrase.
	src := []byte("language zh\n[gratitude]\n谢谢\n謝謝\n[apology]\n对不起\n")
	lx, err := parseLexicon("zh-house.txt", src, true)
	if err != nil {
		t.Fatal(err)
	}
	if n := lx.set.Len(); n != 2 {
		t.Errorf("%d phrases, want 2: 謝謝 is 谢谢 folded, and is added once", n)
	}
	c, err := New(WithLanguages(language.Chinese), WithData("zh-house.txt", src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		s          Strategy
		reason     string
	}{
		{"simplified", "谢谢你", Gratitude, "as written"},
		{"traditional", "謝謝你", Gratitude, "the traditional form of a phrase written both ways"},
		{"traditional of a simplified phrase", "對不起，我來晚了", Apology, "對 folds to 对: the data need not list the traditional form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := c.Check(tt.text, language.Chinese); !r.Has(tt.s) {
				t.Errorf("Check(%q) has no %s: %s", tt.text, tt.s, tt.reason)
			}
		})
	}
}
