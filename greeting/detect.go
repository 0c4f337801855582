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
// a language (its data's common section) votes for it, three times as much
// as a script when no other language lists the word and a k-th of that when
// k languages list it ("que" is Spanish, Portuguese and French). Kana votes
// only for Japanese and Hangul only for Korean, while Han votes for Chinese
// and Japanese alike, so the frequent words (的, 是, の, は) settle between
// them. Letters and marks of Latin script that few languages use (¿, ñ, ß,
// ã, ơ) vote too, read from the original text, as half a frequent word
// shared by the languages that use them; they do not count in capitalised
// words within a sentence or standing alone, which are mostly names (Muñoz,
// Müller). A tie is no evidence.

// Vote weights, in units of a twelfth of a frequent word's vote.
const (
	scriptVote = 4  // a token of a script the language is written in
	wordVote   = 12 // a frequent word that only this language lists
	letterVote = 6  // a letter that only this language uses
)

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
// that several languages share and nothing to choose between them ("OK!",
// "Arriva!"), or frequent words and letters that fit two languages equally
// well ("La casa", Spanish or Italian). The tag is then the first language,
// English for the default checker.
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
	var counts [16]int   // tokens per script, by bit position
	var seen script      // the scripts counted
	var cues [numCue]int // letter votes, by cue language
	for _, tok := range t.Tokens {
		w := t.Folded[tok.FStart:tok.FEnd]
		if len(w) == 0 {
			continue
		}
		r := rune(w[0])
		if r >= utf8.RuneSelf {
			r, _ = utf8.DecodeRune(w)
		}
		s := scriptOfRune(r)
		if s != 0 {
			counts[bits.TrailingZeros16(uint16(s))]++
			seen |= s
		}
		if langs := c.detect[c.common.ID(w)]; langs != 0 {
			v := wordShare[bits.OnesCount64(langs)]
			for ; langs != 0; langs &= langs - 1 {
				votes[bits.TrailingZeros64(langs)] += v
			}
		}
		if s != scriptLatin {
			continue
		}
		if src := t.Src[:tok.Start]; len(src) >= 2 && (src[len(src)-2:] == "¿" || src[len(src)-2:] == "¡") {
			cues[cueEs] += wordVote // only Spanish opens a question or exclamation with a mark
		}
		if tok.Has(match.Upper) && (!tok.Has(match.SentenceStart) || len(t.Tokens) == 1) {
			continue // a name: Muñoz, Müller, São Paulo
		}
		src := t.Src[tok.Start:tok.End]
		for j := 0; j < len(src); j++ {
			if src[j] < utf8.RuneSelf {
				continue
			}
			r, n := utf8.DecodeRuneInString(src[j:])
			j += n - 1
			if m := letterCue(r); m != 0 {
				v := wordShare[bits.OnesCount8(m)] * letterVote / wordVote
				for ; m != 0; m &= m - 1 {
					cues[bits.TrailingZeros8(m)] += v
				}
			}
		}
	}
	for i, l := range c.langs {
		if i >= len(votes) {
			break
		}
		for s := l.scripts & seen; s != 0; s &= s - 1 {
			votes[i] += scriptVote * counts[bits.TrailingZeros16(uint16(s))]
		}
	}
	for k, tag := range cueTags {
		if cues[k] == 0 {
			continue
		}
		for i, l := range c.langs[:min(len(c.langs), len(votes))] {
			if l.tag == tag {
				votes[i] += cues[k]
				break
			}
		}
	}
	for i := range min(len(c.langs), len(votes)) {
		if votes[i] > votes[best] {
			best = i
		}
	}
	for i := range min(len(c.langs), len(votes)) {
		if i != best && votes[i] == votes[best] {
			return best, false // a tie: "OK!" and "Super" fit every language in Latin letters
		}
	}
	return best, votes[best] > 0
}

// wordShare[k] is a k-th of wordVote, rounded down: the vote of a word k
// languages list, for each of them (a table, as dividing costs more).
var wordShare = func() (s [65]int) {
	for k := 1; k < len(s); k++ {
		s[k] = wordVote / k
	}
	return s
}()

// The languages whose letters vote, by their bit in a letterCue set.
const (
	cueEs = iota
	cuePt
	cueFr
	cueIt
	cueDe
	cueNl
	cueVi
	numCue
)

var cueTags = [numCue]language.Tag{
	cueEs: language.Spanish, cuePt: language.Portuguese, cueFr: language.French, cueIt: language.Italian,
	cueDe: language.German, cueNl: language.Dutch, cueVi: language.Vietnamese,
}

// letterCue returns the set of languages (bits 1<<cueEs...) that write the
// letter r while most others do not, or 0 for other letters: é, which five
// of them write, or Latin letters they all share.
func letterCue(r rune) uint8 {
	const (
		es = 1 << cueEs
		pt = 1 << cuePt
		fr = 1 << cueFr
		it = 1 << cueIt
		de = 1 << cueDe
		nl = 1 << cueNl
		vi = 1 << cueVi
	)
	if 0xc0 <= r && r <= 0xde && r != 0xd7 {
		r += 0x20 // the lower case of a Latin-1 capital
	}
	switch r {
	case 'ñ':
		return es
	case 'á', 'í', 'ó', 'ú':
		return es | pt | vi
	case 'ã', 'õ':
		return pt | vi
	case 'ç':
		return fr | pt
	case 'â', 'ê', 'ô':
		return fr | pt | vi
	case 'à':
		return it | fr | pt | vi
	case 'è', 'ù':
		return it | fr | vi
	case 'ì', 'ò':
		return it | vi
	case 'î', 'û', 'œ', 'Œ':
		return fr
	case 'ë', 'ï':
		return fr | nl
	case 'ß', 'ä', 'ö', 'ü':
		return de
	case 'ă', 'Ă', 'đ', 'Đ', 'ơ', 'Ơ', 'ư', 'Ư', 'ý':
		return vi
	}
	if 0x1ea0 <= r && r <= 0x1ef9 {
		return vi // Latin Extended Additional from Ạ on: Vietnamese tone marks
	}
	return 0
}
