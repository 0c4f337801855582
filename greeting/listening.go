package greeting

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rapportkit/rapport/internal/match"
)

// Listening is measured by the content words of the customer's message that
// a reply takes up. Content words are words of four letters or more outside
// the courtesy around a message (greetings, closings, thanks, please, stock
// phrases), compared by their folded first four letters, so that "waiting"
// takes up "wait"; in scripts written without spaces, pairs of adjacent
// characters, except pairs of hiragana, which are mostly endings and
// particles (ます, には).

// TakesUp returns the share (0 to 1) of the content words of prev, the
// message being answered, that r uses: a sign that the reply listened. It is
// 1 when prev has no content words. Reports decoded from JSON have no
// Content, and take up nothing.
func (r *Report) TakesUp(prev *Report) float64 {
	if len(prev.Content) == 0 {
		return 1
	}
	n, j := 0, 0 // both lists are sorted: walk them side by side
	for _, w := range prev.Content {
		for j < len(r.Content) && r.Content[j] < w {
			j++
		}
		if j < len(r.Content) && r.Content[j] == w {
			n++
		}
	}
	return float64(n) / float64(len(prev.Content))
}

// content returns the sorted, distinct content words of a tokenised text,
// leaving out the words of the courtesy markers. The words share one string;
// ends is a buffer to reuse.
func content(t *match.Text, markers []Marker, ends *[]int) []string {
	var keys strings.Builder
	keys.Grow(len(t.Folded))
	*ends = (*ends)[:0] // where each key ends in keys
	toks := t.Tokens
	m := 0 // markers before m end before the token
	for i, tok := range toks {
		for m < len(markers) && markers[m].End <= int(tok.Start) {
			m++
		}
		if inCourtesy(markers[m:], tok) {
			continue
		}
		w := t.Folded[tok.FStart:tok.FEnd]
		switch {
		case tok.Has(match.Unspaced):
			if i+1 == len(toks) || !toks[i+1].Has(match.Unspaced) || toks[i+1].Has(match.WordStart) {
				continue
			}
			next := t.Folded[toks[i+1].FStart:toks[i+1].FEnd]
			if hiragana(w) && hiragana(next) {
				continue // endings and particles: ます, には
			}
			w = t.Folded[tok.FStart:toks[i+1].FEnd] // the two characters are adjacent in Folded
		case tok.Has(match.Symbol):
			continue
		default:
			var ok bool
			if w, ok = prefix4(w); !ok {
				continue
			}
		}
		keys.Write(w)
		*ends = append(*ends, keys.Len())
	}
	if len(*ends) == 0 {
		return nil
	}
	all, words, start := keys.String(), make([]string, len(*ends)), 0
	for i, end := range *ends {
		words[i], start = all[start:end], end
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// inCourtesy reports whether a courtesy marker among markers, which are in
// the order of the text and do not end before tok, covers tok.
func inCourtesy(markers []Marker, tok match.Token) bool {
	for _, mk := range markers {
		if mk.Start > int(tok.Start) {
			return false
		}
		if courtesy(mk.Strategy) && int(tok.End) <= mk.End {
			return true
		}
	}
	return false
}

// hiragana reports whether the character w starts with is a hiragana.
func hiragana(w []byte) bool {
	r, _ := utf8.DecodeRune(w)
	return 0x3041 <= r && r <= 0x309f
}

// prefix4 returns the first four runes of w, and false if it has fewer.
func prefix4(w []byte) ([]byte, bool) {
	if len(w) < 4 {
		return nil, false
	}
	if w[0]|w[1]|w[2]|w[3] < utf8.RuneSelf {
		return w[:4], true
	}
	i := 0
	for k := 0; k < 4; k++ {
		if i == len(w) {
			return nil, false
		}
		_, size := utf8.DecodeRune(w[i:])
		i += size
	}
	return w[:i], true
}

// courtesy reports whether a strategy is the politeness around a message's
// content rather than content.
func courtesy(s Strategy) bool {
	switch s {
	case Greeting, Closing, Gratitude, Please, Canned:
		return true
	}
	return false
}
