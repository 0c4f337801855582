package greeting

import (
	"encoding/binary"
	"math"
	"math/bits"
	"unicode/utf8"

	"github.com/rapportkit/rapport/internal/match"
)

// Listening is measured by the content words of the customer's message that
// a reply takes up. Content words are words of four letters or more (fewer
// in a language of short words whose data says so: Vietnamese two, Hindi
// three) outside the courtesy around a message (greetings and the name
// after one, closings, thanks, please, stock phrases; not apologies, which
// name what they are for: "sorry for the wait") and other than the
// language's function words (the function list of its data: "that",
// "your", "with", which any reply shares with any message, and its one-word
// laughs: "haha"), compared by their folded first four letters, so that
// "waiting" takes up "wait"; in scripts written without spaces, pairs of
// adjacent characters, except pairs with a hiragana, which hold particles,
// endings and okurigana (には, 届き), and pairs of two function characters
// (我们, 어요).

// TakesUp returns the share (0 to 1) of the content words of prev, the
// message being answered, that r uses: a sign that the reply listened. It is
// 1 when prev has no content words. Reports decoded from JSON have no
// Content, and take up nothing.
func (r *Report) TakesUp(prev *Report) float64 {
	if len(prev.Content) == 0 {
		return 1
	}
	var (
		buf [64]wordSlot // room for 32 words without allocating
		set = wordSet{slots: buf[:]}
	)
	set.reset(len(r.Content))
	for _, w := range r.Content {
		set.add(key([]byte(w)))
	}
	n := 0
	for _, w := range prev.Content {
		if set.has(key([]byte(w))) {
			n++
		}
	}
	return float64(n) / float64(len(prev.Content))
}

// content returns the distinct content words of a tokenised text in the
// language of lx, in the order of their first use, leaving out the words of
// the courtesy markers and lx's function words (by the word ids of the last
// Find with found). The words share one string; b holds buffers to reuse.
// It also returns the index of the token of the first content word, or -1
// if there is none.
func content(t *match.Text, markers []Marker, found *match.Scratch, lx *lexicon, b *contentBuf) (out []string, first int) {
	isFunction, least := lx.isFunction, lx.contentLetters
	folded := t.Folded
	words := b.words[:0] // folded[start:end] of each word
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
			if (tok.Flags|next.Flags)&match.Hiragana != 0 {
				continue // particles, endings and okurigana: には, 届き
			}
			if len(isFunction) > 0 && isFunction.has(found.WordID(i)) && isFunction.has(found.WordID(i+1)) {
				continue // two function characters: 我们, 어요
			}
			end = next.FEnd // the two characters are adjacent in folded
		case tok.Flags&match.Symbol != 0:
			continue
		default:
			n, ok := prefix(folded[start:end], least)
			if !ok || isFunction.has(found.WordID(i)) {
				continue
			}
			end = start + n
		}
		if len(words) == 0 {
			first = i
		}
		words = append(words, [2]int32{start, end})
	}
	b.words = words
	if len(words) == 0 {
		return nil, -1
	}
	seen := &b.seen
	if len(words) > maxKeptWords {
		seen = new(wordSet) // not kept with the buffers
	}
	seen.reset(len(words))
	lo, hi := int32(math.MaxInt32), int32(0) // the bytes of folded the distinct words are in
	distinct := words[:0]
	for _, w := range words {
		var k0, k1 uint64 // the key of folded[w[0]:w[1]], as key reads it
		var n uint32
		if m := w[1] - w[0]; m <= 8 && int(w[0])+8 <= len(folded) {
			// a short word's bytes, read with those after it and masked
			k0, n = binary.LittleEndian.Uint64(folded[w[0]:])&(1<<(8*m)-1), uint32(m)
		} else {
			k0, k1, n = key(folded[w[0]:w[1]])
		}
		if seen.add(k0, k1, n) {
			distinct = append(distinct, w)
			lo, hi = min(lo, w[0]), max(hi, w[1])
		}
	}
	words = distinct
	all := string(folded[lo:hi]) // the words are cut from one copy
	out = make([]string, len(words))
	for i, w := range words {
		out[i] = all[w[0]-lo : w[1]-lo]
	}
	return out, first
}

// contentBuf holds the buffers of content.
type contentBuf struct {
	words [][2]int32
	seen  wordSet
}

// maxKeptWords is the most words of a text whose wordSet is kept for reuse.
const maxKeptWords = 1 << 11

// A wordSet is a set of the few words of a message, in an open-addressed
// table at most half full. A word is known by its length and two numbers
// read from its bytes (see key). A slot holds a word when its mark is the
// set's: emptying the set takes a new mark, not a pass over the slots.
type wordSet struct {
	slots []wordSlot
	mark  uint32
	shift uint // 64 minus the log2 of len(slots)
}

type wordSlot struct {
	lo, hi  uint64
	n, mark uint32
}

// reset empties s and makes room for n words. The table is reused when it
// is large enough; any table will do, even one of slots never used.
func (s *wordSet) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if size > cap(s.slots) || s.mark == math.MaxUint32 {
		s.slots = make([]wordSlot, size)
		s.mark = 0
	}
	s.slots = s.slots[:size]
	s.mark++
	s.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

// add adds the word of key (lo, hi, n) to s, and reports whether it was not
// in s yet.
func (s *wordSet) add(lo, hi uint64, n uint32) bool {
	if sl := s.find(lo, hi, n); sl.mark != s.mark {
		*sl = wordSlot{lo, hi, n, s.mark}
		return true
	}
	return false
}

// has reports whether the word of key (lo, hi, n) is in s.
func (s *wordSet) has(lo, hi uint64, n uint32) bool { return s.find(lo, hi, n).mark == s.mark }

// find returns the slot that holds the word of key (lo, hi, n), or the empty
// slot where it would go.
func (s *wordSet) find(lo, hi uint64, n uint32) *wordSlot {
	mask := uint64(len(s.slots) - 1)
	for i := ((lo^uint64(n))*0x9e3779b97f4a7c15 ^ hi*0xbf58476d1ce4e5b9) >> s.shift; ; i = (i + 1) & mask {
		if sl := &s.slots[i]; sl.mark != s.mark || sl.lo == lo && sl.hi == hi && sl.n == n {
			return sl
		}
	}
}

// key reads a word as two numbers that, with its length, tell a word of up
// to 16 bytes (every content word) from any other: its bytes, little-endian,
// and 0 for a word of up to eight; its first and last eight bytes (which may
// overlap) for a longer one. A word of more than 16 bytes mixes a hash of
// all its bytes (FNV-1a) into the second number, so that words alike in
// their first and last eight bytes differ all but surely.
func key(w []byte) (lo, hi uint64, n uint32) {
	if len(w) <= 8 {
		for i := len(w) - 1; i >= 0; i-- {
			lo = lo<<8 | uint64(w[i])
		}
		return lo, 0, uint32(len(w))
	}
	lo, hi = binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[len(w)-8:])
	if len(w) > 16 {
		h := uint64(14695981039346656037)
		for _, c := range w {
			h = (h ^ uint64(c)) * 1099511628211
		}
		hi ^= h
	}
	return lo, hi, uint32(len(w))
}

// prefix returns the length of the first four runes of w, which is valid
// UTF-8, or of all of w if it has fewer, and false if it has fewer than
// least (at most four).
func prefix(w []byte, least int) (int32, bool) {
	if len(w) >= 4 && w[0]|w[1]|w[2]|w[3] < utf8.RuneSelf {
		return 4, true
	}
	if len(w) < least {
		return 0, false // fewer bytes than the runes wanted
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
	return int32(len(w)), runes >= least
}

// courtesy reports whether a strategy is the politeness around a message's
// content rather than content. A personal name is one the checker found
// after a greeting: "Hello Mrs Smith".
func courtesy(s Strategy) bool {
	switch s {
	case Greeting, Closing, Gratitude, Please, Canned, PersonalName:
		return true
	}
	return false
}

// courtesyOnly reports whether a message does nothing but courtesy (see
// Report.CourtesyOnly), given its markers, the number of its distinct
// content words and the token of the first, t.Tokens[first]. It asks
// nothing but what courtesy asks: a question mark after a word outside the
// courtesy asks something ("Thanks, and when?"), unless it follows a
// greeting, where a question of grammar words asks after the reader
// ("Bonjour Marie, ça va ?"; "Hi, where is my order?" has a content word).
// The one content word allowed names the reader: it follows the courtesy
// directly, in the same sentence, and is capitalised unless the text has
// no capitals at all; in a script without case it ends its clause, but for
// a title after it. In scripts written without spaces a name is not told
// from content.
func courtesyOnly(t *match.Text, markers []Marker, words, first int) bool {
	toks := t.Tokens
	social := false
	for _, m := range markers {
		switch m.Strategy {
		case Greeting, Closing, Gratitude:
			social = true
		case Criticism:
			return false // "Thanks, still not done"
		}
	}
	if !social || words > 1 {
		return false
	}
	for _, mk := range t.Marks {
		if mk.Questions > 0 && mk.After > 0 && !inCourtesy(markers, toks[mk.After-1]) && !greets(toks, markers, mk.After-1) {
			return false
		}
	}
	if words == 0 {
		return true
	}
	tok := toks[first]
	if first == 0 || !endsCourtesy(markers, toks[first-1]) || tok.Flags&(match.Unspaced|match.SentenceStart) != 0 {
		return false
	}
	if tok.Has(match.Upper) {
		return true
	}
	if t.Letters == 0 {
		// A script without case cannot capitalise a name: the reader's
		// name ends its clause, but for a title after it (राहुल जी),
		// where "धन्यवाद, फ़ोन खो गया" goes on to tell of a phone.
		after := 0
		for _, tk := range toks[first+1:] {
			if tk.Has(match.Break) {
				break
			}
			if !inCourtesy(markers, tk) {
				after++
			}
		}
		return after <= 1
	}
	for _, tk := range toks {
		if tk.Has(match.Upper) {
			return false // a text that capitalises, and would capitalise the reader's name: "Hi, refund please"
		}
	}
	return true
}

// inCourtesy reports whether a courtesy marker covers the token.
func inCourtesy(markers []Marker, tok match.Token) bool {
	for _, m := range markers {
		if courtesy(m.Strategy) && m.Start <= int(tok.Start) && int(tok.End) <= m.End {
			return true
		}
	}
	return false
}

// greets reports whether a greeting starts before token i.
func greets(toks []match.Token, markers []Marker, i int32) bool {
	for _, m := range markers {
		if m.Strategy == Greeting && m.Start < int(toks[i].Start) {
			return true
		}
	}
	return false
}

// endsCourtesy reports whether a courtesy marker ends with the token.
func endsCourtesy(markers []Marker, tok match.Token) bool {
	for _, m := range markers {
		if courtesy(m.Strategy) && m.End == int(tok.End) {
			return true
		}
	}
	return false
}
