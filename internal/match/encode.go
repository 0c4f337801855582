package match

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// A Set has a compact binary form, so that a program can load compiled
// phrase tables in a few milliseconds instead of compiling them from text.
// The form is a header, the vocabulary in id order, then each trie: the
// phrase trie as the nodes of its double array, the suffix trie as a graph.
// All numbers are unsigned varints.
//
// A trie is written as its sizes (the double array's numbers of nodes and
// payloads; the graph's numbers of states, edges and payloads), then its
// states in depth-first order: for each state its payloads, counted, the
// number of its edges (and, in the double array, whether it has a wildcard
// edge), and its edges' labels, each as the difference from the one before;
// then, in turn, the states its edges lead to and its wildcard state. State
// numbers are not written: in the graph a state's number is its place in
// that order; in the double array each state also gives the nodes of its
// wildcard state and of its first edge's target, before its labels, so that
// a double array is read without placing its states again. Each is given as
// its distance past the first free node: the first node that no state read
// so far, nor its wildcard state or edges' targets, holds. As the array is
// built, that distance is 0 for every wildcard state and for most targets.

const setMagic = "rapport-set\x03" // 3: the phrase trie is written as its double array

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
	words := s.names[min(1, len(s.names)):]
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	b = appendDoubleArray(b, &s.words)
	return appendTrie(b, &s.suf, s.sufEnds), nil
}

func appendDoubleArray(b []byte, a *doubleArray) []byte {
	b = binary.AppendUvarint(b, uint64(len(a.nodes)))
	b = binary.AppendUvarint(b, uint64(len(a.payloads)))
	if len(a.nodes) == 0 {
		return b
	}
	g := a.graph()
	var taken slotSet
	free := taken.take(0, 0) // the first node not taken
	stack := []uint32{0}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := &a.nodes[t]
		b = binary.AppendUvarint(b, uint64(n.payEnd-n.pay))
		for _, p := range a.payloads[n.pay:n.payEnd] {
			b = binary.AppendUvarint(b, uint64(p))
		}
		es := g.next[g.first[t]:g.first[t+1]]
		hasWild := uint64(0)
		if n.wild != 0 {
			hasWild = 1
		}
		b = binary.AppendUvarint(b, uint64(len(es))<<1|hasWild)
		if n.wild != 0 {
			b = binary.AppendUvarint(b, uint64(n.wild-free)) // a node not taken: not before free
			free = taken.take(n.wild, free)
			stack = append(stack, n.wild)
		}
		if len(es) > 0 {
			b = binary.AppendUvarint(b, uint64(es[0].to-free))
		}
		prev := uint32(0)
		for _, e := range es {
			b = binary.AppendUvarint(b, uint64(e.label-prev))
			prev = e.label
		}
		for _, e := range es {
			free = taken.take(e.to, free)
		}
		// The children are read in edge order, then the wildcard's state.
		for i := len(es) - 1; i >= 0; i-- {
			stack = append(stack, es[i].to)
		}
	}
	return b
}

func appendTrie(b []byte, g *graph, ends [][]int32) []byte {
	// Every state but the root is the target of one edge.
	payloads := 0
	for _, ps := range ends {
		payloads += len(ps)
	}
	for _, n := range []int{1 + len(g.next), len(g.next), payloads} {
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
		b = binary.AppendUvarint(b, uint64(len(es)))
		prev := uint32(0)
		for _, e := range es {
			b = binary.AppendUvarint(b, uint64(e.label-prev))
			prev = e.label
		}
		// The children are read in edge order.
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
	// The words are read as their places in data, then cut from one copy
	// of the bytes they take.
	from := d.pos
	spans := make([]int, 0, 2*n)
	for id := 1; id <= n && d.err == nil; id++ {
		size := d.count()
		if size == 0 {
			d.fail("word %d is empty", id)
		}
		spans = append(spans, d.pos-from, d.pos-from+size)
		d.skip(size)
	}
	all := string(data[from:d.pos])
	names := make([]string, n+1)
	for i := 0; i+1 < len(spans); i += 2 {
		names[1+i/2] = all[spans[i]:spans[i+1]]
	}
	words := d.doubleArray(uint32(2*n + 1))
	suf, sufEnds := d.trie()
	if d.err == nil && d.pos != len(data) {
		d.fail("%d bytes after the tables", len(data)-d.pos)
	}
	if d.err != nil {
		return d.err
	}
	index := indexList(names)
	for id, w := range names[1:] {
		if index.ID([]byte(w)) != uint32(id+1) {
			return fmt.Errorf("%w: word %d repeats an earlier one", ErrCorrupt, id+1)
		}
	}
	*s = Set{names: names, index: index, words: words, phrase: phrases,
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
	if d.pos < len(d.data) && d.data[d.pos] < 0x80 && d.err == nil { // most numbers take a byte
		d.pos++
		return uint64(d.data[d.pos-1])
	}
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

// doubleArray reads a double array written by appendDoubleArray, whose
// edge labels are at most maxLabel. It checks what Find relies on: that
// each state's edges and wildcard lead to nodes inside the array that no
// other state has taken, and that each label is one a word can have.
func (d *decoder) doubleArray(maxLabel uint32) doubleArray {
	n, total := d.count(), d.count() // a node of a state takes a byte at least, and so does a payload
	a := doubleArray{nodes: make([]node, n), payloads: make([]int32, 0, total)}
	if n == 0 {
		return a
	}
	for i := range a.nodes {
		a.nodes[i].parent = freeSlot
	}
	free := uint64(0) // the first node not taken
	// take gives node v, if it is in the array and free, to a state whose
	// parent is parent.
	take := func(v uint64, parent uint32) (uint32, bool) {
		switch {
		case v >= uint64(n):
			d.fail("a state's node %d is past the array's %d", v, n)
			return 0, false
		case a.nodes[v].parent != freeSlot:
			d.fail("a state's node %d is another's", v)
			return 0, false
		}
		a.nodes[v].parent = parent
		for free < uint64(n) && a.nodes[free].parent != freeSlot {
			free++
		}
		return uint32(v), true
	}
	stack := []uint32{0}
	take(0, noEdge)
	for len(stack) > 0 && d.err == nil {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &a.nodes[t]
		nd.pay = uint32(len(a.payloads))
		for range d.count() {
			a.payloads = append(a.payloads, d.payload())
		}
		nd.payEnd = uint32(len(a.payloads))
		head := d.uvarint()
		if head>>1 > uint64(len(d.data)-d.pos) {
			d.fail("edge count %d exceeds the data left", head>>1)
			break
		}
		if head&1 != 0 {
			w, ok := take(free+min(d.uvarint(), uint64(n)), noEdge)
			if !ok {
				break
			}
			nd.wild = w
			stack = append(stack, w)
		}
		if head>>1 == 0 {
			continue
		}
		// The first edge's target is the given distance past the first
		// free node; the others follow it by the differences of their
		// labels.
		first := free + min(d.uvarint(), uint64(n))
		from, label, label0 := len(stack), uint64(0), uint64(0)
		for i := range head >> 1 {
			delta := d.uvarint()
			if i > 0 && delta == 0 {
				d.fail("labels of a state do not rise")
			}
			if label += min(delta, 1<<32); label < 2 || label > uint64(maxLabel) {
				d.fail("label %d names no word", label)
				break
			}
			if i == 0 {
				label0, nd.base = label, uint32(first)-uint32(label)
			}
			c, ok := take(first+label-label0, t)
			if !ok {
				break
			}
			stack = append(stack, c)
		}
		slices.Reverse(stack[from:]) // read in edge order
	}
	if d.err == nil && len(a.payloads) != total {
		d.fail("the trie has %d payloads, not the %d announced", len(a.payloads), total)
	}
	return a
}

// payload reads a payload, which fits in an int32.
func (d *decoder) payload() int32 {
	p := d.uvarint()
	if p > 1<<31-1 {
		d.fail("payload %d out of range", p)
	}
	return int32(p)
}

// trie reads a suffix trie written by appendTrie. Labels must rise within a
// state and be bytes.
func (d *decoder) trie() (g graph, ends [][]int32) {
	states, edges, total := d.count(), d.count(), d.count()
	g = graph{first: make([]uint32, 0, states+1), next: make([]edge, 0, edges)}
	ends = make([][]int32, 0, states)
	payloads := make([]int32, 0, total)
	stack := []int{-1} // the edges whose targets are read next; -1 for the root
	for len(stack) > 0 && d.err == nil {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		st := uint32(len(g.first))
		if e >= 0 {
			g.next[e].to = st
		}
		g.first = append(g.first, uint32(len(g.next)))
		from := len(payloads)
		for range d.count() {
			payloads = append(payloads, d.payload())
		}
		ends = append(ends, payloads[from:len(payloads):len(payloads)])
		count := d.count() // each label takes a byte at least
		first, label := len(g.next), uint64(0)
		for i := range count {
			delta := d.uvarint()
			if i > 0 && delta == 0 {
				d.fail("labels of a state do not rise")
			}
			if label += delta; label > 0xff {
				d.fail("label %d is not a byte", label)
			}
			g.next = append(g.next, edge{label: uint32(label)})
		}
		for i := len(g.next) - 1; i >= first; i-- {
			stack = append(stack, i)
		}
	}
	if d.err == nil && (len(ends) != states || len(g.next) != edges || len(payloads) != total) {
		d.fail("the trie has %d states, %d edges and %d payloads, not the %d, %d and %d announced",
			len(ends), len(g.next), len(payloads), states, edges, total)
	}
	g.first = append(g.first, uint32(len(g.next)))
	return g, ends
}
