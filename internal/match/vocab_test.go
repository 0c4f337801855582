package match

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	// Words of every length the index reads differently (1–3 bytes, 4–7,
	// 8–16, longer), with neighbours that share their first and last bytes.
	words := []string{"a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "aaaaaaaaa",
		"ciao", "お待たせ", "здравствуйте", strings.Repeat("x", 16), strings.Repeat("x", 17), "vielen", "dank"}
	absent := []string{"", "b", "ac", "abd", "abce", "abcxefg", "abcdefgi", "aaaaaaaaaa", "aaaaaaaa",
		"cia", "お待たせせ", "здравствуй", strings.Repeat("x", 15), strings.Repeat("x", 18), "vielendank"}
	vocab := map[string]uint32{}
	for i, w := range words {
		vocab[w] = uint32(i + 1)
	}
	x := newIndex(vocab)
	for _, w := range words {
		if got := x.id([]byte(w)); got != vocab[w] {
			t.Errorf("id(%q) = %d, want %d", w, got, vocab[w])
		}
	}
	for _, w := range absent {
		if got := x.id([]byte(w)); got != 0 {
			t.Errorf("id(%q) = %d, want 0: not a word of the index", w, got)
		}
	}
	if got := (&index{slots: make([]slot, 8), shift: 61}).id([]byte("any")); got != 0 {
		t.Errorf("an empty index finds %d", got)
	}
}
