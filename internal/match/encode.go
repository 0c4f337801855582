package match

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// A Set has a compact binary form, so that a program can load compiled
// phrase tables in a few milliseconds instead of compiling them from text.
// The form is a header, the vocabulary in id order, then each trie: its
// numbers of states, edges and payloads, and its states in depth-first
// order: for each state its payloads, the number of its edges
// (and whether it has a wildcard edge), and its edges' labels, each as the
// difference from the one before; then, in turn, the states its edges lead
// to and its wildcard state. State numbers are not written: a state's
// number is its place in that order. All numbers are unsigned varints.

const setMagic = "rapport-set\x02" // 2: the trie holds the endings of known words

// MarshalBinary returns the binary form of s. The same set always gives the
// same bytes.
func (s *Set) MarshalBinary() ([]byte, error) {
	b := []byte(setMagic)
	flags := byte(0)
	if s.keepAccents {
		flags = 1
	}
	b = append(b, flags)
	b = binary.AppendUvarint(b, uint64(s.phrase))
	words := make([]string, len(s.vocab)+1)
	for w, id := range s.vocab {
		words[id] = w
	}
	b = binary.AppendUvarint(b, uint64(len(s.vocab)))
	for _, w := range words[1:] {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	g, wild, ends := s.words.graph()
	b = appendTrie(b, &g, wild, ends)
	return appendTrie(b, &s.suf, nil, s.sufEnds), nil
}

func appendTrie(b []byte, g *graph, wild []uint32, ends [][]int32) []byte {
	// Every state but the root is the target of one edge, or of one
	// wildcard; ends and wild may have more slots than states.
	states, payloads := 1+len(g.next), 0
	for st, ps := range ends {
		payloads += len(ps)
		if wild != nil && wild[st] != 0 {
			states++
		}
	}
	for _, n := range []int{states, len(g.next), payloads} {
		b = binary.AppendUvarint(b, uint64(n)) // sizes, to read into arrays made once
	}
	stack := []uint32{0}
	for len(stack) > 0 {
		st := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		b = binary.AppendUvarint(b, uint64(len(ends[st])))
		for _, p := range ends[st] {
			b = binary.AppendUvarint(b, uint64(p))
		}
		var es []edge
		if int(st)+1 < len(g.first) {
			es = g.next[g.first[st]:g.first[st+1]]
		}
		w := uint32(0)
		if wild != nil {
			w = wild[st]
		}
		hasWild := uint64(0)
		if w != 0 {
			hasWild = 1
		}
		b = binary.AppendUvarint(b, uint64(len(es))<<1|hasWild)
		prev := uint32(0)
		for _, e := range es {
			b = binary.AppendUvarint(b, uint64(e.label-prev))
			prev = e.label
		}
		// The children are read in edge order, then the wildcard's state.
		if w != 0 {
			stack = append(stack, w)
		}
		for i := len(es) - 1; i >= 0; i-- {
			stack = append(stack, es[i].to)
		}
	}
	return b
}

// ErrCorrupt is returned, wrapped, by UnmarshalBinary for data that is not
// the binary form of a Set.
var ErrCorrupt = errors.New("match: corrupt phrase tables")

// UnmarshalBinary replaces s with the set data holds, checking that every
// part of it is well formed: a Set read without error is safe to search.
// The payloads are the caller's to check (see MaxPayload).
func (s *Set) UnmarshalBinary(data []byte) error {
	d := decoder{data: data}
	if len(data) < len(setMagic)+1 || string(data[:len(setMagic)]) != setMagic {
		return fmt.Errorf("%w: not a phrase set, or written by another version", ErrCorrupt)
	}
	d.pos = len(setMagic)
	flags := d.byte()
	phrases := d.count()
	n := d.count()
	all := string(data) // the words share one copy of the data
	vocab := make(map[string]uint32, n)
	for id := 1; id <= n && d.err == nil; id++ {
		size := d.count()
		start := d.pos
		d.skip(size)
		if d.err == nil {
			if _, dup := vocab[all[start:d.pos]]; dup || size == 0 {
				d.fail("word %d is empty or repeated", id)
			}
			vocab[all[start:d.pos]] = uint32(id)
		}
	}
	words, wild, ends := d.trie(true, uint32(n))
	suf, _, sufEnds := d.trie(false, 0xff)
	if d.err == nil && d.pos != len(data) {
		d.fail("%d bytes after the tables", len(data)-d.pos)
	}
	if d.err != nil {
		return d.err
	}
	*s = Set{vocab: vocab, index: NewIndex(vocab), words: newDoubleArray(&words, wild, ends), phrase: phrases,
		suf: suf, sufEnds: sufEnds, sufLast: lastBytesOf(&suf), keepAccents: flags&1 != 0}
	return nil
}

// MaxPayload returns the largest payload of the set's phrases, or -1 when
// it has none.
func (s *Set) MaxPayload() int32 {
	m := int32(-1)
	for _, p := range s.words.payloads {
		m = max(m, p)
	}
	for _, ps := range s.sufEnds {
		for _, p := range ps {
			m = max(m, p)
		}
	}
	return m
}

type decoder struct {
	data []byte
	pos  int
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrCorrupt, d.pos, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) byte() byte {
	if d.err != nil || d.pos >= len(d.data) {
		d.fail("unexpected end")
		return 0
	}
	d.pos++
	return d.data[d.pos-1]
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		d.fail("bad or missing number")
		return 0
	}
	d.pos += n
	return v
}

// count reads a number of things that each take at least one more byte.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.data)-d.pos) {
		d.fail("count %d exceeds the data left", v)
		return 0
	}
	return int(v)
}

func (d *decoder) skip(n int) {
	if d.err == nil {
		d.pos += n // count checked n against the data left
	}
}

// trie reads a trie written by appendTrie. Labels must rise within a state
// and stay at most maxID (word tries: maxID is the largest word id, and a
// label is the id shifted left by one, with the clause-break bit).
func (d *decoder) trie(words bool, maxID uint32) (g graph, wild []uint32, ends [][]int32) {
	type slot struct {
		edge   int  // the edge whose target is the state read next
		isWild bool // or the wildcard of state edge
	}
	states, edges, total := d.count(), d.count(), d.count()
	g = graph{first: make([]uint32, 0, states+1), next: make([]edge, 0, edges)}
	wild, ends = make([]uint32, 0, states), make([][]int32, 0, states)
	payloads := make([]int32, 0, total)
	stack := []slot{{edge: -1}}
	for len(stack) > 0 && d.err == nil {
		sl := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		st := uint32(len(g.first))
		switch {
		case sl.isWild:
			wild[sl.edge] = st
		case sl.edge >= 0:
			g.next[sl.edge].to = st
		}
		g.first = append(g.first, uint32(len(g.next)))
		from := len(payloads)
		for range d.count() {
			p := d.uvarint()
			if p > 1<<31-1 {
				d.fail("payload %d out of range", p)
			}
			payloads = append(payloads, int32(p))
		}
		ends = append(ends, payloads[from:len(payloads):len(payloads)])
		wild = append(wild, 0)
		head := d.uvarint()
		if head>>1 > uint64(len(d.data)-d.pos) {
			d.fail("edge count %d exceeds the data left", head>>1)
			break
		}
		if head&1 != 0 {
			if !words {
				d.fail("a wildcard in a suffix trie")
			}
			stack = append(stack, slot{edge: int(st), isWild: true})
		}
		first, label := len(g.next), uint64(0)
		for i := range head >> 1 {
			delta := d.uvarint()
			if i > 0 && delta == 0 {
				d.fail("labels of a state do not rise")
			}
			label += delta
			if id := label; words {
				id >>= 1
				if id == 0 || id > uint64(maxID) {
					d.fail("label %d names no word", label)
				}
			} else if id > uint64(maxID) {
				d.fail("label %d is not a byte", label)
			}
			g.next = append(g.next, edge{label: uint32(label)})
		}
		for i := len(g.next) - 1; i >= first; i-- {
			stack = append(stack, slot{edge: i})
		}
	}
	if d.err == nil && (len(ends) != states || len(g.next) != edges || len(payloads) != total) {
		d.fail("the trie has %d states, %d edges and %d payloads, not the %d, %d and %d announced",
			len(ends), len(g.next), len(payloads), states, edges, total)
	}
	g.first = append(g.first, uint32(len(g.next)))
	return g, wild, ends
}
