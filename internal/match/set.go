package match

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Set is a compiled collection of phrases, each carrying one or more
// payloads (numbers the caller gives meaning to). A phrase is a sequence of
// words normalised like any text; "*" stands for exactly one word. A Set is
// immutable and safe for concurrent use.
type Set struct {
	vocab  map[string]uint32 // while building: folded token → id; ids start at 1
	names  []string          // each word at its id; names[0] is ""
	index  Index             // id of each word, for Find
	edges  map[uint64]uint32 // while building: edge key → next state; state 0 is the root
	wild   []uint32          // while building: per state, the state after a "*", or 0
	ends   [][]int32         // while building: per state, the payloads of phrases ending there
	words  doubleArray       // the phrase trie
	phrase int               // number of phrases and suffixes added

	// Suffixes are a second trie, over the bytes of a word read backwards.
	sufEdges map[uint64]uint32 // while building: state<<32 | byte → next state
	suf      graph
	sufEnds  [][]int32 // per state: the payloads of suffixes ending there
	sufLast  lastBytes // the last bytes of the suffixes

	keepAccents bool
}

// KeepAccents reports whether the set's phrases keep the diacritics of
// Latin letters: texts must then be tokenised with Text.KeepAccents.
func (s *Set) KeepAccents() bool { return s.keepAccents }

// Wildcard is the word that stands for any one word in a phrase.
const Wildcard = "*"

// wildWord replaces "*" while a phrase is tokenised; it is a word no text
// will contain after folding.
const wildWord = "rapportxwildcardx"

// A Builder collects phrases for a Set. The zero value is ready to use.
type Builder struct {
	// KeepAccents, set before the first Add, builds a Set for texts
	// tokenised with Text.KeepAccents.
	KeepAccents bool
	set         Set
	text        Text
}

// ErrEmptyPhrase is returned by Add for a phrase with no words.
var ErrEmptyPhrase = errors.New("match: the phrase has no words")

// Add adds phrase with its payload. A phrase may be added many times with
// different payloads.
func (b *Builder) Add(phrase string, payload int32) error {
	toks, err := b.tokenise(phrase)
	if err != nil {
		return err
	}
	s := &b.set
	state := uint32(0)
	for i, tok := range toks {
		brk := i > 0 && tok.Has(Break)
		word := b.word(tok)
		if word == wildWord {
			if brk {
				return fmt.Errorf("match: the phrase has punctuation before %q", Wildcard)
			}
			if s.wild[state] == 0 {
				s.wild[state] = s.newState()
			}
			state = s.wild[state]
			continue
		}
		id, ok := s.vocab[word]
		if !ok {
			id = uint32(len(s.vocab) + 1)
			s.vocab[word] = id
		}
		k := key(state, brk, id)
		next, ok := s.edges[k]
		if !ok {
			next = s.newState()
			s.edges[k] = next
		}
		state = next
	}
	s.ends[state] = append(s.ends[state], payload)
	s.phrase++
	return nil
}

// Capitals returns the bit set of the words of phrase whose first letter
// is upper-case (bit i for word i, up to 64 words), as Add reads them, for
// callers that match case; 0 for a phrase Add rejects.
func (b *Builder) Capitals(phrase string) uint64 {
	toks, err := b.tokenise(phrase)
	if err != nil {
		return 0
	}
	var upper uint64
	for i, tok := range toks[:min(len(toks), 64)] {
		if tok.Has(Upper) {
			upper |= 1 << i
		}
	}
	return upper
}

// tokenise reads phrase into b.text, a "*" standing for any word, and
// returns its tokens, or why it cannot be a phrase.
func (b *Builder) tokenise(phrase string) ([]Token, error) {
	b.init()
	text := phrase
	if strings.Contains(phrase, Wildcard) {
		fields := strings.Fields(phrase)
		for i, f := range fields {
			if f == Wildcard {
				fields[i] = wildWord
			}
		}
		text = strings.Join(fields, " ")
	}
	b.text.Reset(text)
	toks := b.text.Tokens
	if len(toks) == 0 {
		return nil, ErrEmptyPhrase
	}
	if r, ok := dropped(text, toks); ok {
		return nil, fmt.Errorf("match: texts drop the %q of the phrase", r)
	}
	if string(b.text.Folded[toks[0].FStart:toks[0].FEnd]) == wildWord {
		return nil, fmt.Errorf("match: the phrase starts with %q", Wildcard)
	}
	return toks, nil
}

// word returns the word of token tok of b.text as the Set knows it: its
// folded form, or, for a traditional Chinese character, its simplified one
// (see simplified).
func (b *Builder) word(tok Token) string {
	w := b.text.Folded[tok.FStart:tok.FEnd]
	if r, ok := char3(w); ok {
		if s := simplified(r); s != r {
			return string(s)
		}
	}
	return string(w)
}

// Key returns a key for phrase: two phrases with one key are one path
// through a Set, as a phrase and its spelling in traditional Chinese
// characters are ("謝謝" and "谢谢"), so a caller keeping one payload per
// phrase may add such a phrase once.
func Key(phrase string) string { return strings.Map(simplified, phrase) }

func (s *Set) newState() uint32 {
	s.wild = append(s.wild, 0)
	s.ends = append(s.ends, nil)
	return uint32(len(s.wild) - 1)
}

// label is how an edge is told apart from its siblings: the word id, and
// whether a clause break comes before the word.
func label(brk bool, id uint32) uint32 {
	if brk {
		return id<<1 | 1
	}
	return id << 1
}

func key(state uint32, brk bool, id uint32) uint64 { return uint64(state)<<32 | uint64(label(brk, id)) }

// markBase is the letter an ending that starts with a combining mark is
// tokenised on: a letter of no script the data uses, so that nothing
// composes with the mark.
const markBase = 'ʔ'

// AddSuffix adds a word ending with its payload: it matches any word that
// ends with suffix after at least two letters of its own ("-resti" matches
// "vorresti"). A suffix is one word of a spaced script.
func (b *Builder) AddSuffix(suffix string, payload int32) error {
	b.init()
	text, skip := suffix, 0
	if r, _ := utf8.DecodeRuneInString(suffix); unicode.In(r, unicode.Mn, unicode.Mc) {
		// An ending that starts with a vowel sign (Hindi -िए) needs a
		// letter to sit on while it is tokenised; the letter is dropped.
		text, skip = string(markBase)+suffix, utf8.RuneLen(markBase)
	}
	b.text.Reset(text)
	toks := b.text.Tokens
	if len(toks) != 1 || toks[0].Flags&(Unspaced|Symbol) != 0 {
		return errors.New("match: the suffix is not one word of a spaced script")
	}
	s := &b.set
	w := b.text.Folded[toks[0].FStart+int32(skip) : toks[0].FEnd]
	if len(w) == 0 {
		return errors.New("match: the suffix has no letters")
	}
	state := uint32(0)
	for j := len(w) - 1; j >= 0; j-- {
		k := uint64(state)<<32 | uint64(w[j])
		next, ok := s.sufEdges[k]
		if !ok {
			next = uint32(len(s.sufEnds))
			s.sufEnds = append(s.sufEnds, nil)
			s.sufEdges[k] = next
		}
		state = next
	}
	s.sufEnds[state] = append(s.sufEnds[state], payload)
	s.phrase++
	return nil
}

// AddWord adds word, which must be one word, to the vocabulary of the Set
// without a phrase, so that Find gives its tokens an id (see
// Scratch.WordID) for callers that keep lists of words of their own.
func (b *Builder) AddWord(word string) error {
	b.init()
	b.text.Reset(word)
	if len(b.text.Tokens) != 1 {
		return fmt.Errorf("match: %q is not one word", word)
	}
	tok := b.text.Tokens[0]
	w := b.word(tok)
	if _, ok := b.set.vocab[w]; !ok {
		b.set.vocab[w] = uint32(len(b.set.vocab) + 1)
	}
	return nil
}

func (b *Builder) init() {
	b.text.KeepAccents = b.KeepAccents
	b.set.keepAccents = b.KeepAccents
	if b.set.edges == nil {
		b.set.vocab = make(map[string]uint32)
		b.set.edges = make(map[uint64]uint32)
		b.set.wild = []uint32{0}
		b.set.ends = [][]int32{nil}
		b.set.sufEdges = make(map[uint64]uint32)
		b.set.sufEnds = [][]int32{nil}
	}
}

// Build returns the Set of the phrases added so far. The Builder must not be
// used afterwards.
func (b *Builder) Build() *Set {
	b.init()
	s := b.set
	b.set = Set{keepAccents: b.KeepAccents}
	s.renumber()
	s.names = make([]string, len(s.vocab)+1)
	for w, id := range s.vocab {
		s.names[id] = w
	}
	s.index = indexList(s.names)
	s.suf = newGraph(s.sufEdges, len(s.sufEnds))
	s.sufLast = lastBytesOf(&s.suf)
	s.addEndings()
	words := newGraph(s.edges, len(s.wild))
	s.words = newDoubleArray(&words, s.wild, s.ends)
	s.vocab, s.edges, s.wild, s.ends, s.sufEdges = nil, nil, nil, nil, nil
	return &s
}

// renumber gives the words their ids in the order of how many edges of the
// trie they label, the most first: a state's edges are laid out at its base
// plus their labels, so the words most phrases use, which texts use most
// too, have their targets close together, and a text's steps through the
// trie stay within fewer lines of memory.
func (s *Set) renumber() {
	uses := make([]int, len(s.vocab)+1)
	for k := range s.edges {
		uses[uint32(k)>>1]++
	}
	order := make([]uint32, len(s.vocab))
	for i := range order {
		order[i] = uint32(i + 1)
	}
	slices.SortStableFunc(order, func(a, b uint32) int { return uses[b] - uses[a] })
	renamed := make([]uint32, len(s.vocab)+1)
	for i, id := range order {
		renamed[id] = uint32(i + 1)
	}
	for w, id := range s.vocab {
		s.vocab[w] = renamed[id]
	}
	edges := make(map[uint64]uint32, len(s.edges))
	for k, next := range s.edges {
		l := uint32(k)
		edges[k>>32<<32|uint64(renamed[l>>1]<<1|l&1)] = next
	}
	s.edges = edges
}

// addEndings gives each word of the vocabulary that ends with a suffix the
// suffix's payloads as a one-word phrase, so that Find looks for endings
// only in words the vocabulary does not have.
func (s *Set) addEndings() {
	var ps []int32
	for id, w := range s.names[1:] {
		if ps = s.appendEndings(ps[:0], []byte(w)); len(ps) == 0 {
			continue
		}
		k := key(0, false, uint32(id+1))
		next, ok := s.edges[k]
		if !ok {
			next = s.newState()
			s.edges[k] = next
		}
		s.ends[next] = append(s.ends[next], ps...)
	}
}

// appendEndings appends to dst the payloads of the suffixes word ends with,
// leaving at least two letters before them, shortest suffix first.
func (s *Set) appendEndings(dst []int32, word []byte) []int32 {
	state := uint32(0)
	for j := len(word) - 1; j > 0; j-- {
		if state = s.suf.step(state, uint32(word[j])); state == 0 {
			break
		}
		if len(s.sufEnds[state]) > 0 && utf8.RuneCount(word[:j]) >= 2 {
			dst = append(dst, s.sufEnds[state]...)
		}
	}
	return dst
}

// lastBytes is a set of bytes: those a suffix may end with.
type lastBytes [4]uint64

// lastBytesOf returns the bytes the edges from the root of suf, a trie of
// words read backwards, are labelled with.
func lastBytesOf(suf *graph) lastBytes {
	var l lastBytes
	for b := range 256 {
		if suf.step(0, uint32(b)) != 0 {
			l[b>>6] |= 1 << (b & 63)
		}
	}
	return l
}

// findSuffixes appends a match for each suffix a word of t ends with,
// leaving at least two letters before it, in the order of the words. It
// looks only at the words whose label is that of an unknown word: those of
// the vocabulary have their endings in the phrase trie (see addEndings).
func (s *Set) findSuffixes(t *Text, labels []uint32, sc *Scratch, dst []Match) []Match {
	folded, last := t.Folded, s.sufLast
	for i, l := range labels {
		if l > 1 {
			continue // a known word
		}
		tok := &t.Tokens[i]
		if b := folded[tok.FEnd-1]; last[b>>6]&(1<<(b&63)) == 0 || tok.Flags&(Unspaced|Symbol) != 0 {
			continue
		}
		sc.payloads = s.appendEndings(sc.payloads[:0], folded[tok.FStart:tok.FEnd])
		for _, p := range sc.payloads {
			dst = append(dst, Match{int32(i), int32(i) + 1, p})
		}
	}
	return dst
}

// Len returns the number of phrases in the set.
func (s *Set) Len() int { return s.phrase }

// WordID returns the id of the folded word w, or 0 when w occurs in no
// phrase and was not added with AddWord.
func (s *Set) WordID(w []byte) uint32 { return s.index.ID(w) }

// A Match is a phrase found in a text: tokens [First, End) of the text, and
// one payload of the phrase.
type Match struct {
	First, End int32
	Payload    int32
}

// Scratch holds the buffers of a search; reuse one to avoid allocations. The
// zero value is ready to use. A Scratch is not safe for concurrent use.
type Scratch struct {
	labels   []uint32
	stack    []frame
	ends     []Match // the words' endings found
	merge    []Match // the phrases found, while the endings are merged in
	payloads []int32 // the payloads of one word's endings
}

// WordID returns the id of the word of token i of the text of the last
// Find (as Set.WordID gives it), or 0 when the word is not in the Set's
// vocabulary or the text has no token i.
func (sc *Scratch) WordID(i int) uint32 {
	if i < len(sc.labels) {
		return sc.labels[i] >> 1
	}
	return 0
}

// A frame is a branch of a search still to follow: a "*" taken.
type frame struct {
	state uint32
	next  int32 // the token to match next
}

// Find appends to dst every phrase of s found in t, in the order of their
// first token, and returns the extended slice. Phrases may overlap.
func (s *Set) Find(t *Text, sc *Scratch, dst []Match) []Match {
	if len(s.words.nodes) == 0 {
		sc.labels = sc.labels[:0]
		return dst // the zero Set
	}
	toks := t.Tokens
	// The label of each token: its word id, and whether a clause break
	// comes before it.
	labels := s.index.AppendIDs(sc.labels[:0], t)
	toks = toks[:len(labels)]
	for i, id := range labels {
		labels[i] = id<<1 | uint32(toks[i].Flags&Break)/uint32(Break) // label(toks[i].Has(Break), id), without a branch
	}
	sc.labels = labels
	start := len(dst)
	dst = s.findPhrases(labels, sc, dst)
	if len(s.sufEnds) > 1 {
		// The words' endings; a token's endings go before the phrases
		// that start with it.
		sc.ends = s.findSuffixes(t, labels, sc, sc.ends[:0])
		if len(sc.ends) > 0 {
			dst = sc.mergeEnds(dst, start)
		}
	}
	return dst
}

// findPhrases appends to dst the phrases of the words' trie found in the
// labelled tokens, in the order of their first token.
func (s *Set) findPhrases(labels []uint32, sc *Scratch, dst []Match) []Match {
	nodes, payloads := s.words.nodes, s.words.payloads
	stack := sc.stack[:0]
	for i := range labels {
		// A phrase's first word has no break before it; no phrase starts
		// with an unknown word (nor with "*").
		state := step(nodes, 0, labels[i]&^1)
		if state == 0 {
			continue
		}
		// Follow the words from token i; a "*" branches, and its branch
		// is followed after the literal path.
		for j := int32(i) + 1; ; {
			n := &nodes[state]
			if n.pay != n.payEnd { // most states end no phrase
				for _, p := range payloads[n.pay:n.payEnd] {
					dst = append(dst, Match{int32(i), j, p})
				}
			}
			if int(j) < len(labels) {
				l := labels[j]
				if n.wild != 0 && l&1 == 0 {
					stack = append(stack, frame{n.wild, j + 1})
				}
				if next := n.base + l; int(next) < len(nodes) && nodes[next].parent == state {
					state = next
					j++
					continue
				}
			}
			if len(stack) == 0 {
				break
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			state, j = f.state, f.next
		}
	}
	sc.stack = stack
	return dst
}

// mergeEnds merges the endings in sc.ends into the phrases dst[start:],
// both in the order of their first token, the endings of a token before
// its phrases.
func (sc *Scratch) mergeEnds(dst []Match, start int) []Match {
	phrases := append(sc.merge[:0], dst[start:]...)
	sc.merge = phrases
	dst = dst[:start]
	ends := sc.ends
	for len(ends) > 0 && len(phrases) > 0 {
		if ends[0].First <= phrases[0].First {
			dst, ends = append(dst, ends[0]), ends[1:]
		} else {
			dst, phrases = append(dst, phrases[0]), phrases[1:]
		}
	}
	dst = append(dst, ends...)
	return append(dst, phrases...)
}

// dropped returns a letter, digit or symbol of text, tokenised as toks, that
// no token holds: one the tokeniser leaves out of texts (×, +, €), so that
// the phrase would match without it. Spaces, punctuation, marks, modifiers
// and format characters (an emoji's variation selector or skin tone, a
// joiner) may be left out.
func dropped(text string, toks []Token) (rune, bool) {
	at := 0
	for i := 0; i <= len(toks); i++ {
		end := len(text)
		if i < len(toks) {
			end = int(toks[i].Start)
		}
		for _, r := range text[at:max(at, end)] {
			if unicode.In(r, unicode.L, unicode.N, unicode.Sm, unicode.Sc, unicode.So) {
				return r, true
			}
		}
		if i < len(toks) {
			at = max(at, int(toks[i].End)) // the words of one character share its span (ﷺ)
		}
	}
	return 0, false
}
