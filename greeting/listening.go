package greeting

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
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
// b holds buffers to reuse.
func content(t *match.Text, markers []Marker, b *contentBuf) []string {
	folded := t.Folded
	words := b.words[:0]                     // folded[start:end] of each word
	lo, hi := int32(math.MaxInt32), int32(0) // the bytes of folded the words are in
	toks := t.Tokens
	// Markers are in the order of their starts. The markers before m start
	// before the token or with it, and the courtesy ones among them end by
	// covered: they cover the token if it ends by then (a token is never
	// empty). The next marker starts at nextStart.
	m, covered, nextStart := 0, -1, math.MaxInt
	if len(markers) > 0 {
		nextStart = markers[0].Start
	}
	for i := range toks {
		tok := &toks[i]
		if int(tok.Start) >= nextStart {
			for ; m < len(markers) && markers[m].Start <= int(tok.Start); m++ {
				if courtesy(markers[m].Strategy) {
					covered = max(covered, markers[m].End)
				}
			}
			nextStart = math.MaxInt
			if m < len(markers) {
				nextStart = markers[m].Start
			}
		}
		if int(tok.End) <= covered {
			continue
		}
		start, end := tok.FStart, tok.FEnd
		switch {
		case tok.Flags&match.Unspaced != 0:
			if i+1 == len(toks) {
				continue
			}
			next := &toks[i+1]
			if next.Flags&(match.Unspaced|match.WordStart) != match.Unspaced {
				continue // the last character of its run
			}
			if hiragana(folded[start:end]) && hiragana(folded[next.FStart:next.FEnd]) {
				continue // endings and particles: ます, には
			}
			end = next.FEnd // the two characters are adjacent in folded
		case tok.Flags&match.Symbol != 0:
			continue
		default:
			n, ok := prefix4(folded[start:end])
			if !ok {
				continue
			}
			end = start + n
		}
		words = append(words, [2]int32{start, end})
		lo, hi = min(lo, start), max(hi, end)
	}
	b.words = words
	if len(words) == 0 {
		return nil
	}
	order, mask := sortWords(folded, words, b.order[:0])
	b.order = order
	all := string(folded[lo:hi]) // the words are cut from one copy
	out := make([]string, 0, len(order))
	for i, k := range order {
		w := words[k&mask]
		word := all[w[0]-lo : w[1]-lo]
		if i > 0 && (k^order[i-1])&^mask == 0 && word == out[len(out)-1] {
			continue // the same word again (words with different keys differ)
		}
		out = append(out, word)
	}
	return out
}

// contentBuf holds the buffers of content.
type contentBuf struct {
	words [][2]int32
	order []uint64
}

// indexMask takes the index of a word out of a sort key: its low 16 bits.
const indexMask = 1<<16 - 1

// sortWords returns keys holding the indexes of words in the order of their
// bytes in folded, in order's buffer, and the mask that takes the index out
// of a key. A key's upper 48 bits are its word's first six bytes, so that
// most of the sorting compares numbers; words that share six bytes are then
// put in order by their bytes, unless they are all the same word of at most
// six bytes.
func sortWords(folded []byte, words [][2]int32, order []uint64) (keys []uint64, mask uint64) {
	mask = indexMask
	byBytes := func(a, b uint64) int {
		x, y := words[a&mask], words[b&mask]
		return bytes.Compare(folded[x[0]:x[1]], folded[y[0]:y[1]])
	}
	if len(words) > indexMask+1 {
		// A huge text: the indexes take the whole number.
		mask = ^uint64(0)
		for i := range words {
			order = append(order, uint64(i))
		}
		slices.SortFunc(order, byBytes)
		return order, mask
	}
	order = slices.Grow(order, len(words))[:len(words)]
	for i, w := range words {
		order[i] = prefix6(folded, w[0], w[1])<<16 | uint64(i)
	}
	sortKeys(order)
	for i := 0; i+1 < len(order); i++ {
		if (order[i]^order[i+1])&^mask != 0 {
			continue
		}
		j := i + 2 // the words of order[i:j] share their first six bytes
		for j < len(order) && (order[j]^order[i])&^mask == 0 {
			j++
		}
		if !oneWord(words, order[i:j], mask) {
			slices.SortFunc(order[i:j], byBytes)
		}
		i = j - 1
	}
	return order, mask
}

// sortKeys sorts keys. The few keys of a short message are sorted by
// insertion, which does less work than slices.Sort at these sizes.
func sortKeys(keys []uint64) {
	if len(keys) > 48 {
		slices.Sort(keys)
		return
	}
	for i := 1; i < len(keys); i++ {
		k, j := keys[i], i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}

// oneWord reports whether the words of keys, which share their first six
// bytes, are one word of at most six bytes: then they need no sorting.
func oneWord(words [][2]int32, keys []uint64, mask uint64) bool {
	w := words[keys[0]&mask]
	n := w[1] - w[0]
	if n > 6 {
		return false
	}
	for _, k := range keys[1:] {
		if w := words[k&mask]; w[1]-w[0] != n {
			return false
		}
	}
	return true
}

// prefix6 returns the first six bytes of the word folded[start:end] as a
// big-endian number, padded with zeros.
func prefix6(folded []byte, start, end int32) uint64 {
	if int(start)+8 > len(folded) {
		var p uint64
		for k := start; k < start+6; k++ {
			p <<= 8
			if k < end {
				p |= uint64(folded[k])
			}
		}
		return p
	}
	p := binary.BigEndian.Uint64(folded[start:]) >> 16
	if n := end - start; n < 6 {
		pad := 8 * uint(6-n)
		p = p >> pad << pad
	}
	return p
}

// hiragana reports whether the character w starts with is a hiragana.
func hiragana(w []byte) bool {
	// U+3041 to U+309F are E3 81 81 to E3 82 9F in UTF-8.
	return len(w) >= 3 && (uint32(w[0])<<16|uint32(w[1])<<8|uint32(w[2]))-0xe38181 <= 0xe3829f-0xe38181
}

// prefix4 returns the length of the first four runes of w, which is valid
// UTF-8, and false if it has fewer.
func prefix4(w []byte) (int32, bool) {
	if len(w) < 4 {
		return 0, false
	}
	if w[0]|w[1]|w[2]|w[3] < utf8.RuneSelf {
		return 4, true
	}
	runes := 0
	for i, b := range w {
		if utf8.RuneStart(b) {
			if runes == 4 {
				return int32(i), true
			}
			runes++
		}
	}
	return int32(len(w)), runes == 4
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
