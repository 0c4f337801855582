package match

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// An Index finds the id of a folded word. Find looks up every token of a
// text, so the lookup is made cheap: a word of up to 16 bytes (nearly all)
// is read as two numbers, which are hashed and compared in place, in an
// open-addressed table at most half full. Longer words go to a map. A word
// of one three-byte character (a Han, kana or Hangul character: most words
// of Chinese, Japanese and Korean phrases) is found by its code point, in
// pages of 256 ids. An Index is immutable and safe for concurrent use; the
// zero value holds no words.
type Index struct {
	slots []slot
	shift uint // 64 minus the log2 of len(slots)
	long  map[string]uint32
	// The id of the character r is chars[page[r>>8]<<8 | r&0xff]; page 0
	// of chars is all zeros, for the code points of no word. Both are
	// empty when no word is one three-byte character.
	page  []uint16
	chars []uint32
}

type slot struct {
	lo, hi uint64 // the word's bytes, as read by load
	n, id  uint32 // its length, and its id; 0 for an empty slot
}

// NewIndex indexes the words of vocab, whose ids must not be 0.
func NewIndex(vocab map[string]uint32) Index {
	x := newIndex(len(vocab))
	for w, id := range vocab {
		x.add(w, id)
	}
	x.addTraditional()
	return x
}

// indexList indexes words, whose ids are their places; words[0], with id
// 0, is not indexed.
func indexList(words []string) Index {
	x := newIndex(len(words))
	for id, w := range words[1:] {
		x.add(w, uint32(id+1))
	}
	x.addTraditional()
	return x
}

// addTraditional gives each traditional form of a Chinese character whose
// simplified form is a word of the index, and which is not one itself, the
// simplified form's id: "謝" is "谢" (see simplified).
func (x *Index) addTraditional() {
	if len(x.page) == 0 {
		return // no word is one character of the block
	}
	for i, t := range hanFrom {
		if id := x.char(hanTo[i]); id != 0 && x.char(t) == 0 {
			x.add(string(t), id)
		}
	}
}

// newIndex returns an empty Index with room for n words.
func newIndex(n int) Index {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return Index{slots: make([]slot, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// add indexes word w with id; an Index holds at most the words newIndex
// made room for.
func (x *Index) add(w string, id uint32) {
	if r, ok := char3([]byte(w)); ok {
		if x.page == nil {
			x.page, x.chars = make([]uint16, 1<<8), make([]uint32, 1<<8)
		}
		if x.page[r>>8] == 0 {
			x.page[r>>8] = uint16(len(x.chars) >> 8)
			x.chars = append(x.chars, make([]uint32, 1<<8)...)
		}
		x.chars[int(x.page[r>>8])<<8|int(r&0xff)] = id
		return
	}
	if len(w) > 16 {
		if x.long == nil {
			x.long = make(map[string]uint32)
		}
		x.long[w] = id
		return
	}
	lo, hi := load([]byte(w))
	i := x.hash(lo, hi, len(w))
	for x.slots[i].id != 0 {
		i = (i + 1) & uint64(len(x.slots)-1)
	}
	x.slots[i] = slot{lo, hi, uint32(len(w)), id}
}

// ID returns the id of word w, or 0 when w is not in the index.
func (x *Index) ID(w []byte) uint32 {
	if r, ok := char3(w); ok {
		return x.char(r)
	}
	if len(w) > 16 {
		return x.long[string(w)]
	}
	lo, hi := load(w)
	return x.lookup(lo, hi, len(w))
}

// AppendIDs appends to dst the id of the word of each token of t, or 0 for
// a word not in the index, and returns the extended slice. It does what ID
// does for each token, written out: a call of ID per token costs Find 1-2%.
func (x *Index) AppendIDs(dst []uint32, t *Text) []uint32 {
	x0 := *x // a copy, whose fields the stores below do not make the compiler read again
	folded := t.Folded
	start := len(dst)
	dst = slices.Grow(dst, len(t.Tokens))[:start+len(t.Tokens)]
	ids := dst[start:]
	toks := t.Tokens[:len(ids)]
	for i := range toks {
		w := folded[toks[i].FStart:toks[i].FEnd]
		if r, ok := char3(w); ok {
			ids[i] = x0.char(r)
			continue
		}
		if len(w) > 16 {
			ids[i] = x0.long[string(w)]
			continue
		}
		lo, hi := load(w)
		ids[i] = x0.lookup(lo, hi, len(w))
	}
	return dst
}

// char3 returns the character w encodes, if w is one character of three
// bytes. Only the form of the bytes is checked: an overlong form or a
// surrogate gives a code point no word of an index has.
func char3(w []byte) (rune, bool) {
	if len(w) != 3 || w[0]&0xf0 != 0xe0 || w[1]&0xc0 != 0x80 || w[2]&0xc0 != 0x80 {
		return 0, false
	}
	return rune(w[0]&0x0f)<<12 | rune(w[1]&0x3f)<<6 | rune(w[2]&0x3f), true
}

// char returns the id of the word that is the character r, which is below
// U+10000, or 0.
func (x *Index) char(r rune) uint32 {
	if len(x.page) == 0 {
		return 0
	}
	return x.chars[int(x.page[r>>8])<<8|int(r&0xff)]
}

// lookup returns the id of the word of n bytes that load read as lo and hi,
// or 0.
func (x *Index) lookup(lo, hi uint64, n int) uint32 {
	if len(x.slots) == 0 {
		return 0
	}
	for i := x.hash(lo, hi, n); ; i = (i + 1) & uint64(len(x.slots)-1) {
		s := &x.slots[i]
		if s.lo == lo && s.hi == hi && s.n == uint32(n) || s.id == 0 {
			return s.id
		}
	}
}

func (x *Index) hash(lo, hi uint64, n int) uint64 {
	return ((lo^uint64(n))*0x9e3779b97f4a7c15 ^ hi*0xbf58476d1ce4e5b9) >> x.shift
}

// load reads a word of up to 16 bytes as two numbers that, with its length,
// tell it from any other word: its first and last eight bytes (which may
// overlap), four and four, or three of its bytes.
func load(w []byte) (lo, hi uint64) {
	n := len(w)
	switch {
	case n >= 8:
		return binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[n-8:])
	case n >= 4:
		return uint64(binary.LittleEndian.Uint32(w)) | uint64(binary.LittleEndian.Uint32(w[n-4:]))<<32, 0
	case n > 0:
		return uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16, 0
	}
	return 0, 0
}
