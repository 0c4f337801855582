package match

import (
	"cmp"
	"slices"
)

// A graph holds a trie's edges compactly: the edges leaving state s are
// next[first[s]:first[s+1]], sorted by label. It is searched in place,
// which is faster than a map for the few edges most states have.
type graph struct {
	first []uint32
	next  []edge
}

type edge struct{ label, to uint32 }

// newGraph builds a graph of states states from edges keyed by
// state<<32 | label.
func newGraph(edges map[uint64]uint32, states int) graph {
	g := graph{first: make([]uint32, states+1), next: make([]edge, len(edges))}
	for k := range edges {
		g.first[k>>32+1]++
	}
	for i := 1; i < len(g.first); i++ {
		g.first[i] += g.first[i-1]
	}
	fill := slices.Clone(g.first)
	for k, to := range edges {
		st := k >> 32
		g.next[fill[st]] = edge{label: uint32(k), to: to}
		fill[st]++
	}
	for st := range states {
		slices.SortFunc(g.next[g.first[st]:g.first[st+1]], func(a, b edge) int { return cmp.Compare(a.label, b.label) })
	}
	return g
}

// step returns the state the edge with label leads to from state, or 0.
func (g *graph) step(state, label uint32) uint32 {
	if int(state)+1 >= len(g.first) {
		return 0
	}
	es := g.next[g.first[state]:g.first[state+1]]
	if len(es) > 8 {
		lo, hi := 0, len(es) // the edge, if any, is in es[lo:hi]
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			switch l := es[mid].label; {
			case l < label:
				lo = mid + 1
			case l > label:
				hi = mid
			default:
				return es[mid].to
			}
		}
		return 0
	}
	for _, e := range es {
		if e.label == label {
			return e.to
		}
	}
	return 0
}
