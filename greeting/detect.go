package greeting

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/rapportkit/rapport/internal/match"
	"golang.org/x/text/language"
)

// Language detection, for language.Und and tags without data: the script of
// each word votes for the languages written in it, and each frequent word of
// a language (its data's common section) votes three times for it. Kana
// votes only for Japanese and Hangul only for Korean, while Han votes for
// Chinese and Japanese alike, so the frequent words (的, 是, の, は) settle
// between them. A tie is no evidence.

// script is a bit set of writing systems.
type script uint16

const (
	scriptLatin script = 1 << iota
	scriptCyrillic
	scriptGreek
	scriptDevanagari
	scriptArabic
	scriptHebrew
	scriptThai
	scriptKana
	scriptHan
	scriptHangul
)

var scriptTables = []struct {
	s script
	t *unicode.RangeTable
}{
	{scriptLatin, unicode.Latin}, {scriptCyrillic, unicode.Cyrillic}, {scriptGreek, unicode.Greek},
	{scriptDevanagari, unicode.Devanagari}, {scriptArabic, unicode.Arabic}, {scriptHebrew, unicode.Hebrew},
	{scriptThai, unicode.Thai}, {scriptKana, unicode.Hiragana}, {scriptKana, unicode.Katakana},
	{scriptHan, unicode.Han}, {scriptHangul, unicode.Hangul},
}

// scriptOfRune returns the script r is written in, or 0.
func scriptOfRune(r rune) script {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return 0
	}
	switch {
	case r == 0x30fc:
		return scriptKana // the prolonged sound mark is "common" but only kana use it
	case 0xc0 <= r && r < 0x250 && r != 0xd7 && r != 0xf7, 0x1e00 <= r && r < 0x1f00:
		return scriptLatin // the blocks the data's Latin letters come from, without × and ÷
	case 0x400 <= r && r < 0x530:
		return scriptCyrillic
	case 0x3041 <= r && r <= 0x3096, 0x30a1 <= r && r <= 0x30fa:
		return scriptKana
	case 0x4e00 <= r && r <= 0x9fff:
		return scriptHan
	case 0xac00 <= r && r <= 0xd7a3:
		return scriptHangul
	}
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			return st.s
		}
	}
	return 0
}

// scriptsOf returns the scripts a language is written in, from its tag.
func scriptsOf(tag language.Tag) script {
	s, _ := tag.Script()
	switch s.String() {
	case "Latn":
		return scriptLatin
	case "Cyrl":
		return scriptCyrillic
	case "Grek":
		return scriptGreek
	case "Deva":
		return scriptDevanagari
	case "Arab":
		return scriptArabic
	case "Hebr":
		return scriptHebrew
	case "Thai":
		return scriptThai
	case "Jpan":
		return scriptKana | scriptHan
	case "Kore":
		return scriptHangul | scriptHan
	case "Hans", "Hant", "Hani":
		return scriptHan
	}
	return 0
}

// Detect returns the language text is most likely written in, among the
// checker's languages. ok is false when the text does not single out one
// language: no letters of a known script and no frequent word, or letters
// that several languages share and no frequent word to choose between them
// ("OK!", "Arriva subito!"). The tag is then the first language, English
// for the default checker.
func (c *Checker) Detect(text string) (lang language.Tag, ok bool) {
	s := c.pool.Get().(*scratch)
	defer c.put(s, text)
	s.text.KeepAccents = false
	s.text.Reset(text)
	i, ok := c.detectLang(&s.text)
	return c.langs[i].tag, ok
}

// Detect returns the language text is most likely written in, with the
// default checker; see [Checker.Detect].
func Detect(text string) (lang language.Tag, ok bool) { return Default().Detect(text) }

// detectLang returns the index of the language the text is most likely
// written in, the first language when there is no evidence (ok false).
func (c *Checker) detectLang(t *match.Text) (best int, ok bool) {
	var votes [64]int
	var counts [16]int // tokens per script, by bit position
	var seen script    // the scripts counted
	for _, tok := range t.Tokens {
		w := t.Folded[tok.FStart:tok.FEnd]
		if len(w) == 0 {
			continue
		}
		r := rune(w[0])
		if r >= utf8.RuneSelf {
			r, _ = utf8.DecodeRune(w)
		}
		if s := scriptOfRune(r); s != 0 {
			counts[bits.TrailingZeros16(uint16(s))]++
			seen |= s
		}
		for langs := c.detect[c.common.ID(w)]; langs != 0; langs &= langs - 1 {
			votes[bits.TrailingZeros64(langs)] += 3
		}
	}
	for i, l := range c.langs {
		if i >= len(votes) {
			break
		}
		for s := l.scripts & seen; s != 0; s &= s - 1 {
			votes[i] += counts[bits.TrailingZeros16(uint16(s))]
		}
		if votes[i] > votes[best] {
			best = i
		}
	}
	for i := range min(len(c.langs), len(votes)) {
		if i != best && votes[i] == votes[best] {
			return best, false // a tie: "OK!" and "Arriva subito" fit every language in Latin letters
		}
	}
	return best, votes[best] > 0
}
