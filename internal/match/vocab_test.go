package match

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	// Words of every length the index reads differently (1–3 bytes, 4–7,
	// 8–16, longer), with neighbours that share their first and last bytes.
	words := []string{"a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "aaaaaaaaa",
		"ciao", "お待たせ", "здравствуйте", strings.Repeat("x", 16), strings.Repeat("x", 17), "vielen", "dank",
		"谢", "様", "감", "ऑ", "€"} // one character of three bytes each: looked up by code point
	absent := []string{"", "b", "ac", "abd", "abce", "abcxefg", "abcdefgi", "aaaaaaaaaa", "aaaaaaaa",
		"cia", "お待たせせ", "здравствуй", strings.Repeat("x", 15), strings.Repeat("x", 18), "vielendank",
		"谁", "谢谢", "槙", "갑", "ओ", "₤", "\xe8\xb0\xa2\xa2", "\xe0\x80\x80", "\xed\xa0\x80", "\xe8\xb0"} // neighbours, an overlong form, a surrogate, a cut character
	vocab := map[string]uint32{}
	for i, w := range words {
		vocab[w] = uint32(i + 1)
	}
	x := NewIndex(vocab)
	for _, w := range words {
		if got := x.ID([]byte(w)); got != vocab[w] {
			t.Errorf("id(%q) = %d, want %d", w, got, vocab[w])
		}
	}
	for _, w := range absent {
		if got := x.ID([]byte(w)); got != 0 {
			t.Errorf("id(%q) = %d, want 0: not a word of the index", w, got)
		}
	}
	// AppendIDs finds the same ids, a text's words at a time.
	var text Text
	text.Reset(strings.Join(words, " ") + " " + strings.Join(absent, " "))
	ids := x.AppendIDs([]uint32{7}, &text)
	if len(ids) != len(text.Tokens)+1 || ids[0] != 7 {
		t.Fatalf("AppendIDs gave %d ids after the first, want one for each of %d tokens", len(ids)-1, len(text.Tokens))
	}
	for i, tok := range text.Tokens {
		if w := text.Folded[tok.FStart:tok.FEnd]; ids[i+1] != x.ID(w) {
			t.Errorf("AppendIDs: %q has id %d, ID says %d", w, ids[i+1], x.ID(w))
		}
	}
	var empty Index
	if got := empty.ID([]byte("any")); got != 0 {
		t.Errorf("the zero Index finds %d", got)
	}
	if none := NewIndex(nil); none.ID([]byte("any")) != 0 {
		t.Error("an index of no words finds one")
	}
}
