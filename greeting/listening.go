package greeting

import (
	"cmp"
	"encoding/binary"
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
// keys is a buffer to reuse.
func content(t *match.Text, markers []Marker, keys *[]contentKey) []string {
	var all strings.Builder
	all.Grow(len(t.Folded))
	ks := (*keys)[:0]
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
		start := int32(all.Len())
		all.Write(w)
		ks = append(ks, contentKey{head: packed(w), start: start, end: start + int32(len(w))})
	}
	*keys = ks
	if len(ks) == 0 {
		return nil
	}
	// Sort on the first eight bytes packed into a number, then on the rest:
	// the order of the strings, with few string comparisons.
	joined := all.String()
	slices.SortFunc(ks, func(a, b contentKey) int {
		if a.head != b.head {
			return cmp.Compare(a.head, b.head)
		}
		return strings.Compare(joined[a.start:a.end], joined[b.start:b.end])
	})
	words := make([]string, 0, len(ks))
	for i, k := range ks {
		w := joined[k.start:k.end]
		if i == 0 || w != words[len(words)-1] {
			words = append(words, w)
		}
	}
	return words
}

// A contentKey is a content word, bytes [start, end) of the words written
// back to back, with its first eight bytes as a big-endian number.
type contentKey struct {
	head       uint64
	start, end int32
}

// packed returns the first eight bytes of s as a big-endian number, padded
// with zeros: numbers compare as the strings' first eight bytes do.
func packed(s []byte) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
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
