package match

import (
	"math/bits"
	"slices"
)

// A doubleArray holds the phrase trie for Find, laid out so that following
// an edge is one addition and one comparison: the edge labelled l leaves
// state s for state nodes[s].base+l (modulo 2^32), if that node's parent is
// s. A state is its place in nodes; state 0 is the root. Labels are never 0
// or 1 (word ids start at 1), so a word with no id (0) follows no edge.
type doubleArray struct {
	nodes    []node
	payloads []int32 // of all states, each state's in a run
}

// A node is a state of a doubleArray, or a free slot.
type node struct {
	parent      uint32 // the state whose edge leads here, or noEdge or freeSlot
	base        uint32 // the edges' targets are at base plus their label
	wild        uint32 // the state after a "*", or 0
	pay, payEnd uint32 // the payloads of phrases ending here: payloads[pay:payEnd]
}

// The parent of a state no labelled edge leads to (the root, the state
// after a "*"), and of a free slot: numbers no state has.
const (
	noEdge   = ^uint32(0) - 1
	freeSlot = ^uint32(0)
)

// step returns the state the edge with label leads to from state, in the
// nodes of a doubleArray, or 0.
func step(nodes []node, state, label uint32) uint32 {
	t := nodes[state].base + label
	if int(t) < len(nodes) && nodes[t].parent == state {
		return t
	}
	return 0
}

// newDoubleArray lays out the trie of g, whose state 0 is the root, with
// its wildcard edges and payloads (both indexed by g's states). A state's
// edges go to the first free slots that fit their labels, and the states
// are placed depth first, so that a chain of one-edge states is a run of
// neighbouring nodes.
func newDoubleArray(g *graph, wild []uint32, ends [][]int32) doubleArray {
	a := doubleArray{payloads: make([]int32, 0, len(g.next))}
	a.grow(len(wild) + len(wild)/8)
	free, size := uint32(0), uint32(0) // the first free slot; one past the last used
	wide := uint32(0)                  // the first edge's slot of the last state of many edges
	var used slotSet                   // the slots taken
	take := func(slot, parent uint32) {
		if int(slot) >= len(a.nodes) {
			a.grow(int(slot))
		}
		a.nodes[slot].parent = parent
		free = used.take(slot, free)
		size = max(size, slot+1)
	}
	type placed struct{ state, slot uint32 } // a state of g and its node
	take(0, noEdge)
	stack := []placed{{0, 0}}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ps := ends[p.state]; len(ps) > 0 {
			n := &a.nodes[p.slot]
			n.pay = uint32(len(a.payloads))
			a.payloads = append(a.payloads, ps...)
			n.payEnd = uint32(len(a.payloads))
		}
		if w := wild[p.state]; w != 0 {
			slot := free
			take(slot, noEdge)
			a.nodes[p.slot].wild = slot
			stack = append(stack, placed{w, slot})
		}
		es := g.next[g.first[p.state]:g.first[p.state+1]]
		if len(es) == 0 {
			continue
		}
		f := used.place(es, free, wide) // the first edge's slot
		if len(es) > 1 {
			wide = f
		}
		base := f - es[0].label
		a.nodes[p.slot].base = base
		for i := len(es) - 1; i >= 0; i-- {
			slot := base + es[i].label
			take(slot, p.slot)
			stack = append(stack, placed{es[i].to, slot})
		}
	}
	a.nodes = a.nodes[:size]
	return a
}

// maxTries is how many bases newDoubleArray tries from the first free slot
// for a state's edges before it skips ahead.
const maxTries = 64

// grow adds free slots to a, to at least n and at least twice as many.
func (a *doubleArray) grow(n int) {
	old := len(a.nodes)
	nodes := make([]node, max(n+1, 2*old))
	copy(nodes, a.nodes)
	for i := old; i < len(nodes); i++ {
		nodes[i].parent = freeSlot
	}
	a.nodes = nodes
}

// A slotSet is the set of the slots of a double array that hold a node: a
// bit for each, so that 64 slots are looked at in one step.
type slotSet []uint64

// add puts slot i in the set.
func (u *slotSet) add(i uint32) {
	for int(i>>6) >= len(*u) {
		*u = append(*u, 0)
	}
	(*u)[i>>6] |= 1 << (i & 63)
}

// take puts slot i in the set and returns the first slot from free not in
// it.
func (u *slotSet) take(i, free uint32) uint32 {
	u.add(i)
	for u.has(free) {
		free++
	}
	return free
}

// has reports whether slot i is in the set.
func (u slotSet) has(i uint32) bool { return int(i>>6) < len(u) && u[i>>6]&(1<<(i&63)) != 0 }

// freeFrom returns the slots i to i+63 not in the set, slot i+j as bit j.
func (u slotSet) freeFrom(i uint32) uint64 {
	w, off := int(i>>6), i&63
	var taken uint64
	if w < len(u) {
		taken = u[w] >> off
	}
	if off != 0 && w+1 < len(u) {
		taken |= u[w+1] << (64 - off)
	}
	return ^taken
}

// place returns the slot for the first of the edges es, whose labels rise:
// the first free slot from free whose base (the slot less the first label)
// finds every other label a free slot too. A state of many edges rarely
// fits among others: after the first maxTries+1 free slots, it is tried
// only past wide, where the last such state went. It looks at 64 slots at
// a time, and gives the slot that trying them one by one would.
func (u slotSet) place(es []edge, free, wide uint32) uint32 {
	fit := func(f uint32) uint64 { // the bits of f to f+63 where es fit
		ok := u.freeFrom(f)
		for _, e := range es[1:] {
			if ok == 0 {
				break
			}
			ok &= u.freeFrom(f + e.label - es[0].label)
		}
		return ok
	}
	f, left := free, maxTries+1 // the free slots still to try before skipping
	for {
		tried := u.freeFrom(f)
		for n := bits.OnesCount64(tried); n > left; n-- {
			tried &^= 1 << (63 - bits.LeadingZeros64(tried)) // keep the first left
		}
		if ok := tried & fit(f); ok != 0 {
			return f + uint32(bits.TrailingZeros64(ok))
		}
		if left -= bits.OnesCount64(tried); left == 0 {
			f = max(f+uint32(63-bits.LeadingZeros64(tried)), wide) + 1
			break
		}
		f += 64
	}
	for {
		if ok := fit(f); ok != 0 {
			return f + uint32(bits.TrailingZeros64(ok))
		}
		f += 64
	}
}

// graph returns the edges of the trie as a graph over its nodes.
func (a *doubleArray) graph() graph {
	g := graph{first: make([]uint32, len(a.nodes)+1)}
	for _, n := range a.nodes {
		if n.parent < noEdge {
			g.first[n.parent+1]++
		}
	}
	for i := 1; i < len(g.first); i++ {
		g.first[i] += g.first[i-1]
	}
	g.next = make([]edge, g.first[len(a.nodes)])
	fill := slices.Clone(g.first)
	// Nodes rise with labels, so each state's edges come out sorted.
	for t, n := range a.nodes {
		if p := n.parent; p < noEdge {
			g.next[fill[p]] = edge{label: uint32(t) - a.nodes[p].base, to: uint32(t)}
			fill[p]++
		}
	}
	return g
}
